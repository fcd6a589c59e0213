import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/lib/catalogue/providers';
import { PROVIDER_HOST_PERMISSIONS } from '@/lib/network/hosts';
import { checkUserUrl, originPattern } from '@/lib/settings/origins';

describe('checkUserUrl', () => {
  it('accepts https to any host, asking for permission for hosts not granted in the manifest', () => {
    expect(checkUserUrl('https://grompt.example.com/api')).toEqual({
      ok: true,
      origin: 'https://grompt.example.com',
      needsPermission: true,
    });
    expect(checkUserUrl('  https://gateway.example.org:8443/v1  ')).toEqual({
      ok: true,
      origin: 'https://gateway.example.org:8443',
      needsPermission: true,
    });
  });

  it('needs no permission for the providers’ own API origins', () => {
    for (const provider of ['openai', 'chatgpt', 'claude', 'gemini', 'deepseek'] as const) {
      const check = checkUserUrl(PROVIDERS[provider].defaultBaseUrl);
      expect(check, provider).toMatchObject({ ok: true, needsPermission: false });
    }
  });

  it('accepts plain http to this machine, with no permission needed, whatever the port', () => {
    expect(checkUserUrl('http://localhost:11434')).toEqual({ ok: true, origin: 'http://localhost:11434', needsPermission: false });
    expect(checkUserUrl('http://127.0.0.1:8080/api')).toEqual({ ok: true, origin: 'http://127.0.0.1:8080', needsPermission: false });
    expect(checkUserUrl('http://localhost')).toMatchObject({ ok: true, needsPermission: false });
  });

  it('accepts plain http to [::1] (IPv6 loopback), granted by the manifest like localhost', () => {
    expect(PROVIDER_HOST_PERMISSIONS).toContain('http://[::1]/*');
    expect(checkUserUrl('http://[::1]:11434')).toEqual({ ok: true, origin: 'http://[::1]:11434', needsPermission: false });
    expect(checkUserUrl('http://[::1]:8080/api')).toEqual({ ok: true, origin: 'http://[::1]:8080', needsPermission: false });
  });

  it('refuses plain http to any other host', () => {
    expect(checkUserUrl('http://grompt.example.com')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkUserUrl('http://192.168.1.20:11434')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkUserUrl('http://api.openai.com/v1')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkUserUrl('http://localhost.evil.test')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkUserUrl('http://127.0.0.1.nip.io')).toEqual({ ok: false, problem: 'insecure' });
  });

  it('needs permission for lookalikes of provider hosts', () => {
    expect(checkUserUrl('https://api.openai.com.evil.test/v1')).toMatchObject({ ok: true, needsPermission: true });
    expect(checkUserUrl('https://evil-api.openai.com')).toMatchObject({ ok: true, needsPermission: true });
  });

  it('refuses a URL carrying credentials', () => {
    expect(checkUserUrl('https://user:secret@grompt.example.com')).toEqual({ ok: false, problem: 'credentials' });
    expect(checkUserUrl('https://token@api.openai.com/v1')).toEqual({ ok: false, problem: 'credentials' });
    expect(checkUserUrl('http://:pw@localhost:11434')).toEqual({ ok: false, problem: 'credentials' });
  });

  it.each([
    'https://gateway.example.com/v1?api_key=abc',
    'https://gateway.example.com/v1?',
    'https://gateway.example.com/v1#token',
    'http://localhost:11434/?x=1',
  ])('refuses a query string or fragment (%s)', (raw) => {
    expect(checkUserUrl(raw)).toEqual({ ok: false, problem: 'query' });
  });

  it.each([
    `https://gateway.example.com/v1?key=AIza${'Sy'.padEnd(35, 'Q7')}`,
    `https://gateway.example.com/${'sk-proj-'}${'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9'}/v1`,
    'https://gateway.example.com/v1/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'https://user:sk-ant-api03-Zq7LmN2pXv9Rt4Kw8Hy3Zq7LmN2p@gateway.example.com',
    'https://gateway.example.com/sk%2Dproj%2DAb3dE5gH7jK9mN1pQ3sT5vW7yZ9',
  ])('refuses a URL with something key-shaped in it (%s)', (raw) => {
    expect(checkUserUrl(raw)).toEqual({ ok: false, problem: 'key-shaped' });
  });

  it.each([
    '',
    'grompt.example.com',
    'localhost:11434',
    '/api/v1',
    'ftp://example.com',
    'javascript:alert(1)',
    'file:///etc/hosts',
    'ws://localhost:1',
  ])('refuses %j as invalid', (raw) => {
    expect(checkUserUrl(raw)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('originPattern', () => {
  it('turns an origin into a match pattern without the port', () => {
    expect(originPattern('https://grompt.example.com')).toBe('https://grompt.example.com/*');
    expect(originPattern('https://gateway.example.org:8443')).toBe('https://gateway.example.org/*');
    expect(originPattern('http://localhost:11434')).toBe('http://localhost/*');
    expect(originPattern('http://[::1]:11434')).toBe('http://[::1]/*');
  });

  it('gives the manifest’s own patterns for provider origins', () => {
    for (const pattern of PROVIDER_HOST_PERMISSIONS) expect(originPattern(pattern.replace(/\/\*$/, ''))).toBe(pattern);
  });
});
