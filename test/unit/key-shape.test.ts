import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '@/lib/catalogue/providers';
import { keyFamily, mismatchedKeyFamily } from '@/lib/keys/key-shape';
import { maskKey } from '@/lib/worker/secrets/mask';
import { testKey } from './helpers';

const OPENAI = testKey('sk-proj-');
const OPENAI_LEGACY = testKey('sk-');
const DEEPSEEK = testKey('sk-');
const ANTHROPIC = testKey('sk-ant-api03-');
const GEMINI = `AIza${'SyD4x9Q_kLmN3pR5tV8wZ1yA4cD6fG2hJ0k'}`;

describe('keyFamily', () => {
  it.each([
    [OPENAI, 'openai-like'],
    [OPENAI_LEGACY, 'openai-like'],
    [ANTHROPIC, 'anthropic'],
    [GEMINI, 'google'],
    [`  ${ANTHROPIC}\n`, 'anthropic'],
    ['AIza-too-short', undefined],
    ['ollama', undefined],
    ['a1b2c3d4e5f6a1b2c3d4e5f6', undefined],
    ['', undefined],
  ])('%s → %s', (key, family) => {
    expect(keyFamily(key)).toBe(family);
  });

  it('knows a Gemini key is AIza plus 35 characters', () => {
    expect(GEMINI).toHaveLength(39);
  });
});

describe('mismatchedKeyFamily', () => {
  it('does not warn between OpenAI-compatible providers: their keys look alike', () => {
    for (const provider of ['openai', 'chatgpt', 'deepseek'] as const) {
      expect(mismatchedKeyFamily(provider, OPENAI)).toBeUndefined();
      expect(mismatchedKeyFamily(provider, DEEPSEEK)).toBeUndefined();
    }
  });

  it('warns about an Anthropic key for OpenAI, ChatGPT or DeepSeek', () => {
    expect(mismatchedKeyFamily('openai', ANTHROPIC)).toBe('anthropic');
    expect(mismatchedKeyFamily('chatgpt', ANTHROPIC)).toBe('anthropic');
    expect(mismatchedKeyFamily('deepseek', ANTHROPIC)).toBe('anthropic');
  });

  it('warns about a Google key for Claude, and an OpenAI key for Claude', () => {
    expect(mismatchedKeyFamily('claude', GEMINI)).toBe('google');
    expect(mismatchedKeyFamily('claude', OPENAI)).toBe('openai-like');
    expect(mismatchedKeyFamily('claude', ANTHROPIC)).toBeUndefined();
  });

  it('warns about other companies’ keys for Gemini', () => {
    expect(mismatchedKeyFamily('gemini', OPENAI)).toBe('openai-like');
    expect(mismatchedKeyFamily('gemini', ANTHROPIC)).toBe('anthropic');
    expect(mismatchedKeyFamily('gemini', GEMINI)).toBeUndefined();
  });

  it('never warns for Ollama', () => {
    for (const key of [OPENAI, ANTHROPIC, GEMINI, 'anything']) expect(mismatchedKeyFamily('ollama', key)).toBeUndefined();
  });

  it('never warns about a key of no known shape', () => {
    for (const provider of PROVIDER_IDS) expect(mismatchedKeyFamily(provider, 'custom-gateway-token-1234567890')).toBeUndefined();
  });
});

describe('maskKey', () => {
  it('shows the prefix and the last 4 characters of an OpenAI-style key', () => {
    expect(maskKey(OPENAI)).toBe(`sk-…${OPENAI.slice(-4)}`);
    expect(maskKey(ANTHROPIC)).toBe(`sk-…${ANTHROPIC.slice(-4)}`);
  });

  it('shows 3 characters and the last 4 of another key', () => {
    expect(maskKey(GEMINI)).toBe(`AIz…${GEMINI.slice(-4)}`);
  });

  it.each([OPENAI, OPENAI_LEGACY, ANTHROPIC, GEMINI, 'x'.repeat(16), 'abcdefghijklmnopqrstuvwxyz'])(
    'never reveals more than the prefix and the last 4 (%s)',
    (key) => {
      const masked = maskKey(key);
      const [shown = '', end = ''] = masked.split('…');
      expect(shown.length).toBeLessThanOrEqual(3);
      expect(key.startsWith(shown)).toBe(true);
      expect(end).toBe(key.slice(-4));
      expect(masked.length).toBeLessThanOrEqual(8);
      expect(masked).not.toContain(key.slice(3, -4));
    },
  );

  it.each(['', 'sk-', 'sk-abc', 'short-key', 'sk-123456789012'])('reveals nothing of a short key (%s)', (key) => {
    expect(maskKey(key)).toBe('…');
  });
});
