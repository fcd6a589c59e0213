import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '@/lib/log/redact';
import { testKey } from './helpers';

// Keys are made up per run, in each provider's shape.
const OPENAI = testKey('sk-');
const OPENAI_PROJECT = `sk-proj-${testKey('')}${testKey('')}`;
const ANTHROPIC = `sk-ant-api03-${testKey('')}`;
const GEMINI = `AIzaSy${'B7x_Q-9kLmN3pR5tV8wZ1yA4cD6fG2hJ0'.slice(0, 33)}`;

describe('redact: keys by shape', () => {
  it('removes a whole OpenAI key', () => {
    const out = redact(`key=${OPENAI} rest`);
    expect(out).toBe(`key=${REDACTED} rest`);
    expect(out).not.toContain(OPENAI.slice(3, 20));
  });

  it('removes a project key, prefix and all', () => {
    const out = redact(`Incorrect API key provided: ${OPENAI_PROJECT}.`);
    expect(out).not.toContain(OPENAI_PROJECT.slice(8, 24));
    expect(out).not.toContain('sk-proj-');
    expect(out).toContain('Incorrect API key provided: [redacted]');
  });

  it('removes an Anthropic key', () => {
    const out = redact(`x-api-key: ${ANTHROPIC}`);
    expect(out).toBe(`x-api-key: ${REDACTED}`);
  });

  it('removes a Gemini key (AIza + 35 characters)', () => {
    expect(GEMINI).toHaveLength(39);
    const out = redact(`https://generativelanguage.googleapis.com/v1/models?key=${GEMINI}&alt=sse`);
    expect(out).toBe(`https://generativelanguage.googleapis.com/v1/models?key=${REDACTED}&alt=sse`);
  });

  it('removes masked echoes of a key', () => {
    expect(redact('Incorrect API key provided: sk-abc***wxyz. You can find your key at...')).not.toMatch(/abc|wxyz/);
    expect(redact('Incorrect API key provided: sk-tes************abcd.')).not.toMatch(/tes\*|abcd/);
    // The same shape without the sk- prefix.
    expect(redact('api key ab12************9xyz is invalid')).toBe(`api key ${REDACTED} is invalid`);
  });

  it('removes a Bearer token but keeps the word Bearer', () => {
    const out = redact('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature');
    expect(out).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('authorization: bearer abcdefgh12345678')).toBe(`authorization: bearer ${REDACTED}`);
  });

  it('removes a key glued to the letter before it (escaped newline in JSON, URL-encoded "=")', () => {
    const logged = JSON.stringify({ detail: `Incorrect API key provided:\n${OPENAI}` });
    expect(logged).toContain(`\\n${OPENAI}`);
    expect(redact(logged)).not.toContain(OPENAI.slice(3, 20));
    expect(redact(`?api_key%3D${OPENAI}`)).toBe(`?api_key%3D${REDACTED}`);
    expect(redact('provided:\\nsk-abc***wxyz')).not.toMatch(/abc|wxyz/);
  });

  it('removes every key of a text, not just the first', () => {
    const out = redact(`${OPENAI} and ${ANTHROPIC} and ${GEMINI}`);
    expect(out).toBe(`${REDACTED} and ${REDACTED} and ${REDACTED}`);
  });
});

describe('redact: fragments of known secrets', () => {
  // A key with no recognisable shape, so only the known-secret rule can catch it.
  const SECRET = 'Zq7LmN2pXv9Rt4Kw8Hy3';

  it('removes the whole known secret', () => {
    expect(redact(`token ${SECRET} used`, [SECRET])).toBe(`token ${REDACTED} used`);
  });

  it('removes its first 8 characters on their own', () => {
    const out = redact(`starts with ${SECRET.slice(0, 8)}…`, [SECRET]);
    expect(out).not.toContain(SECRET.slice(0, 8));
    expect(out).toBe(`starts with ${REDACTED}…`);
  });

  it('removes its last 4 characters on their own', () => {
    const out = redact(`key ending in ${SECRET.slice(-4)} was refused`, [SECRET]);
    expect(out).toBe(`key ending in ${REDACTED} was refused`);
  });

  it('removes a short known secret whole', () => {
    expect(redact('password hunter2 leaked', ['hunter2'])).toBe(`password ${REDACTED} leaked`);
  });

  it('ignores an empty known secret', () => {
    expect(redact('nothing to hide', [''])).toBe('nothing to hide');
  });

  it('is not fooled by a key that is unknown', () => {
    expect(redact(`ends in ${SECRET.slice(-4)}`, ['Other0000Secret1111'])).toBe(`ends in ${SECRET.slice(-4)}`);
  });
});

describe('redact: leaves ordinary text alone', () => {
  it.each([
    ['prose', 'The quick brown fox jumps over the lazy dog. It was 3:45 pm, and 12 people were waiting.'],
    ['prose with hyphenated words ending in "sk"', 'A risk-averse team prefers task-oriented plans and desk-mounted screens.'],
    ['the word bearer in a sentence', 'She was the bearer of good news.'],
    ['Portuguese', 'Não foi possível concluir a solicitação; tente novamente em alguns minutos.'],
    [
      'Markdown',
      '# Title\n\n- **bold** and *italic* and ***both at once***\n- `inline code`\n\n```ts\nconst x = 1;\n```\n\n> quote\n\n***\n\n[link](https://example.com/docs)',
    ],
    ['a URL', 'See https://platform.openai.com/docs/guides/error-codes/api-errors?lang=en#rate-limits for details.'],
    ['a URL with a path ending in "sk"', 'https://docs.example.com/guides/task-management-overview'],
    ['an error body', '{"error":{"message":"The model `gpt-5` does not exist","type":"invalid_request_error","code":"model_not_found"}}'],
    ['a request id', 'request id: req_8f3a2b1c9d7e6f5a4b3c2d1e'],
  ])('keeps %s intact', (_label, text) => {
    expect(redact(text)).toBe(text);
  });
});
