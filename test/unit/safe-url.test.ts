import { describe, expect, it } from 'vitest';
import { safeUrl } from '@/lib/markdown/safe-url';

describe('safeUrl', () => {
  it.each([
    'https://example.com/docs?q=1#top',
    'http://localhost:8080/path',
    'mailto:someone@example.com',
    'HTTPS://EXAMPLE.COM/',
    'MailTo:someone@example.com',
  ])('keeps %s', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it('trims surrounding whitespace from an allowed link', () => {
    expect(safeUrl('  https://example.com/a \n')).toBe('https://example.com/a');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(document.cookie)'],
    ['javascript: behind whitespace', '   javascript:alert(1)'],
    ['javascript: behind a newline and a tab', '\n\tjavascript:alert(1)'],
    ['javascript: split by a tab', 'java\tscript:alert(1)'],
    ['javascript: split by a newline', 'java\nscript:alert(1)'],
    ['javascript: behind a control character', '\u0001javascript:alert(1)'],
    ['javascript: with an encoded colon', 'javascript&colon;alert(1)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['mixed-case data:', 'DaTa:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox("hi")'],
    ['file:', 'file:///etc/passwd'],
    ['chrome-extension:', 'chrome-extension://abcdefghijklmnop/options.html'],
    ['ftp:', 'ftp://example.com/file'],
    ['a relative path', 'docs/page.html'],
    ['an absolute path', '/settings'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a fragment', '#section'],
    ['an empty string', ''],
    ['an http lookalike', 'httpx://example.com'],
    ['a scheme with no colon', 'https//example.com'],
  ])('empties %s', (_label, url) => {
    expect(safeUrl(url)).toBe('');
  });
});
