import { describe, expect, it } from 'vitest';
import { looksLikeKey } from '@/lib/keys/key-shape';
import { testKey } from './helpers';

/**
 * Random tokens of each alphabet keys use, from a seeded generator: thousands of them, so the
 * rules cannot be tuned to a few fixed strings, and the same ones every run, so no test flakes.
 */
function seeded(seed: number): (count: number) => Buffer {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) & 0xff;
  };
  return (count) => Buffer.from(Array.from({ length: count }, next));
}
const randomBytes = seeded(20251111);
const randomUUID = () => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const random = {
  hex: (bytes: number) => randomBytes(bytes).toString('hex'),
  base64: (bytes: number) => randomBytes(bytes).toString('base64'),
  base64url: (bytes: number) => randomBytes(bytes).toString('base64url'),
  alphanumeric: (length: number) =>
    Array.from(randomBytes(length), (byte) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.charAt(byte % 62)).join(''),
};

describe('looksLikeKey: every provider’s key shape', () => {
  it.each([
    ['OpenAI (legacy)', testKey('sk-')],
    ['OpenAI project', `sk-proj-${random.base64url(48)}`],
    ['OpenAI service account', `sk-svcacct-${random.base64url(40)}`],
    ['Anthropic', `sk-ant-api03-${random.base64url(70)}`],
    ['Google (Gemini)', `AIza${random.base64url(27).slice(0, 35)}`],
    ['DeepSeek', `sk-${random.hex(16)}`],
    ['Groq', `gsk_${random.alphanumeric(52)}`],
    ['xAI', `xai-${random.alphanumeric(80)}`],
    ['Hugging Face', `hf_${random.alphanumeric(34)}`],
    ['a Bearer header', `Bearer ${random.alphanumeric(40)}`],
    ['a JWT', `eyJhbGciOiJIUzI1NiJ9.${random.base64url(40)}.${random.base64url(32)}`],
  ])('%s', (_name, key) => {
    expect(looksLikeKey(key)).toBe(true);
  });

  it('finds a key inside other text: a URL path or query, a sentence, after a label', () => {
    const key = testKey('sk-proj-');
    expect(looksLikeKey(`https://gateway.example.com/${key}/v1`)).toBe(true);
    expect(looksLikeKey(`https://gateway.example.com/v1?key=${key}`)).toBe(true);
    expect(looksLikeKey(`my key is ${key}, use it`)).toBe(true);
    expect(looksLikeKey(`models/${`AIza${random.base64url(27).slice(0, 35)}`}`)).toBe(true);
  });
});

describe('looksLikeKey: long random tokens (32+ characters)', () => {
  // 1,000 tokens of each kind; the measured miss rate is about 1 in 5,000 for 32-hex and 44-base64.
  it.each([
    ['hex (32)', () => random.hex(16)],
    ['hex (64)', () => random.hex(32)],
    ['upper-case hex (32)', () => random.hex(16).toUpperCase()],
    ['base64 (44)', () => random.base64(32)],
    ['base64url (43)', () => random.base64url(32)],
    ['alphanumeric (40)', () => random.alphanumeric(40)],
  ])('%s', (_name, make) => {
    const misses = Array.from({ length: 1000 }, make).filter((token) => !looksLikeKey(token));
    expect(misses.length).toBeLessThanOrEqual(2);
  });

  it('flags nearly every 32-character base64 token and UUID (short pieces between + and / can hide a few)', () => {
    const missed = (make: () => string) => Array.from({ length: 1000 }, make).filter((token) => !looksLikeKey(token)).length;
    expect(missed(() => random.base64(24))).toBeLessThan(20);
    expect(missed(() => randomUUID())).toBeLessThan(80);
  });

  it('does not flag short or low-entropy tokens', () => {
    expect(looksLikeKey(random.hex(12))).toBe(false);
    expect(looksLikeKey('a1'.repeat(20))).toBe(false);
    expect(looksLikeKey('0'.repeat(40))).toBe(false);
  });
});

describe('looksLikeKey: the Cloudflare account id is let through only where Cloudflare puts it', () => {
  const hex = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
  it.each([
    `https://gateway.example.com/v1/${hex}/my-gateway/openai`,
    `https://gateway.ai.cloudflare.com/v1/my-gateway/${hex}/openai`,
    `https://gateway.ai.cloudflare.com/v1/${hex}/my-gateway/openai?key=${hex}`,
    `https://gateway.ai.cloudflare.com/v1/${hex}/${hex}/openai`,
    hex,
  ])('%s', (text) => {
    expect(looksLikeKey(text)).toBe(true);
  });
});

describe('looksLikeKey: ordinary model names and URLs are not keys', () => {
  it.each([
    'gpt-5-mini-2025-08-07',
    'gpt-4o-mini',
    'chatgpt-4o-latest',
    'o4-mini',
    'claude-sonnet-4-5-20250929',
    'claude-sonnet-4-5',
    'models/gemini-2.5-flash',
    'gemini-2.5-flash-preview-native-audio-dialog',
    'deepseek-reasoner',
    'deepseek-chat',
    'llama3.2:latest',
    'qwen3:30b-a3b-instruct-2507-q4_K_M',
    'hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M',
    'accounts/fireworks/models/llama-v3p1-405b-instruct',
    'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
    'anthropic.claude-3-5-sonnet-20241022-v2:0',
    'deepseek-r1-distill-llama-70b-specdec-preview-2025',
    'Mistral-Small-3.1-24B-Instruct-2503-GGUF-Q4_K_M',
    'NousResearch/Hermes-3-Llama-3.1-70B-FP8-Dynamic-Quantized-Long',
    'mlx-community/Qwen2.5-Coder-32B-Instruct-4bit-DWQ-v2',
    'unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF:UD-Q4_K_XL',
    'TheBloke/Mixtral-8x7B-Instruct-v0.1-GPTQ-4bit-32g-actorder_True',
    'lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf',
    'Qwen/Qwen3-235B-A22B-Thinking-2507-FP8',
    'ibm-granite/granite-3.3-8b-instruct-GGUF:Q4_K_M',
    'https://api.openai.com/v1',
    'https://generativelanguage.googleapis.com/v1beta/openai',
    'https://my-gateway.example.com/v1/openai/deployments/gpt-4o-mini-2024-07-18/chat',
    'http://[::1]:11434',
    'http://localhost:8080',
    // Cloudflare AI Gateway: the 32-hex account id in the path is public, not a key.
    'https://gateway.ai.cloudflare.com/v1/0f1e2d3c4b5a69788796a5b4c3d2e1f0/my-gateway/openai',
    'https://gateway.ai.cloudflare.com/v1/0f1e2d3c4b5a69788796a5b4c3d2e1f0/my-gateway/compat',
    'risk-assessment-summary-model-for-the-quarterly-report',
  ])('%s', (name) => {
    expect(looksLikeKey(name)).toBe(false);
  });
});
