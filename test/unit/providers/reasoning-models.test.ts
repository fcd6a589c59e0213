import { afterEach, describe, expect, it } from 'vitest';
import { openAICompatible } from '@/lib/worker/providers/openai-compatible';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import type { StreamPart } from '@/lib/worker/providers/types';
import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { collect, lastPart, MESSAGES, testKey, textOf } from '../helpers';

const KEY = testKey('sk-proj-');
let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const reasoningOf = (parts: StreamPart[]) => parts.flatMap((part) => (part.type === 'reasoning-delta' ? [part.text] : [])).join('');
const sentBody = (server: FakeServer) =>
  JSON.parse(server.requests.filter((request) => request.method === 'POST').at(-1)?.body ?? '{}') as Record<string, unknown>;
const call = (adapter: (typeof ADAPTERS)['openai'], baseUrl: string, model: string, apiKey?: string) =>
  collect(
    adapter.stream(
      { baseUrl, ...(apiKey ? { apiKey } : {}) },
      { model, messages: MESSAGES, maxTokens: 64, signal: new AbortController().signal },
    ),
  );

describe('OpenAI reasoning models (o-series, GPT-5 family)', () => {
  it.each(['gpt-5.6-luna', 'o4-mini'])(
    '%s streams an answer: max_completion_tokens with room to think, no max_tokens, no sampling',
    async (model) => {
      fake = await startOpenAIFake({ keys: [KEY] });
      const parts = await call(ADAPTERS.openai, `${fake.url}/v1`, model, KEY);
      expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
      const body = sentBody(fake);
      expect(body.max_completion_tokens).toBe(64 + 16_000);
      expect(body).not.toHaveProperty('max_tokens');
      expect(body).not.toHaveProperty('temperature');
      expect(body).not.toHaveProperty('top_p');
    },
  );

  it('gives a model that does not reason exactly its answer budget', async () => {
    fake = await startOpenAIFake({ keys: [KEY] });
    await call(ADAPTERS.openai, `${fake.url}/v1`, 'gpt-4o-mini', KEY);
    expect(sentBody(fake).max_completion_tokens).toBe(64);
  });

  it('the fake refuses max_tokens and non-default sampling to them, word for word as OpenAI does', async () => {
    fake = await startOpenAIFake({ keys: [KEY] });
    const post = (body: Record<string, unknown>) =>
      fetch(`${fake?.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'o4-mini', messages: MESSAGES, ...body }),
      }).then(async (response) => ({ status: response.status, body: response.ok ? await response.text() : await response.json() }));
    expect(await post({ max_tokens: 64 })).toEqual({
      status: 400,
      body: {
        error: {
          message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          type: 'invalid_request_error',
          param: 'max_tokens',
          code: 'unsupported_parameter',
        },
      },
    });
    expect(await post({ temperature: 0.7 })).toMatchObject({
      status: 400,
      body: { error: { param: 'temperature', code: 'unsupported_value', type: 'invalid_request_error' } },
    });
    expect(await post({ max_completion_tokens: 64, temperature: 1 })).toMatchObject({ status: 200 });
  });

  it('a 400 from the API reads as a bad request the user can see, not a silent failure', async () => {
    fake = await startOpenAIFake({ keys: [KEY] });
    // An OpenAI-compatible row left at the default limit field sends max_tokens: the real API refuses it.
    const legacy = openAICompatible({ id: 'openai', apiPath: '' });
    const last = lastPart(await call(legacy, `${fake.url}/v1`, 'gpt-5.6-luna', KEY));
    expect(last).toMatchObject({ type: 'error', error: { kind: 'bad-request', status: 400 } });
    if (last?.type === 'error') expect(last.error.detail).toContain("Use 'max_completion_tokens' instead");
  });
});

describe('custom OpenAI-compatible providers choose their token limit field', () => {
  it.each([
    [undefined, 'max_tokens'],
    ['max_tokens', 'max_tokens'],
    ['max_completion_tokens', 'max_completion_tokens'],
  ] as const)('%s sends %s', async (field, expected) => {
    fake = await startOpenAIFake({ api: 'ollama' });
    const adapter = openAICompatible({ id: 'custom', apiPath: '/v1', ...(field ? { tokenLimitField: field } : {}) });
    await call(adapter, fake.url, 'mistral');
    const body = sentBody(fake);
    expect(body[expected]).toBe(64);
    expect(Object.keys(body).filter((name) => name.startsWith('max_'))).toEqual([expected]);
  });
});

describe('reasoning shown apart from the answer', () => {
  it('DeepSeek streams reasoning_content, then content: reasoning first, never in the answer', async () => {
    fake = await startOpenAIFake({ api: 'deepseek', keys: [KEY], reasoning: 'Weigh the two numbers. 9.8 is larger.' });
    const parts = await call(ADAPTERS.deepseek, fake.url, 'deepseek-v4-flash', KEY);
    expect(reasoningOf(parts)).toBe('Weigh the two numbers. 9.8 is larger.');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    const firstText = parts.findIndex((part) => part.type === 'text-delta');
    expect(parts.slice(firstText).some((part) => part.type === 'reasoning-delta')).toBe(false);
    expect(lastPart(parts)).toMatchObject({ type: 'finish', reason: 'stop' });
  });

  it('deepseek-chat does not reason', async () => {
    fake = await startOpenAIFake({ api: 'deepseek', keys: [KEY] });
    expect(reasoningOf(await call(ADAPTERS.deepseek, fake.url, 'deepseek-chat', KEY))).toBe('');
  });

  it('Ollama’s <think> block stays out of the answer, even with the first paragraph right after </think>', async () => {
    const content =
      '<think>\nThey want tides explained.\n\nUse one analogy.\n</think>Tides are the sea breathing.\n\nThe Moon pulls the water.';
    fake = await startOpenAIFake({ api: 'ollama', content });
    const parts = await call(ADAPTERS.ollama, fake.url, 'qwen3:8b');
    expect(reasoningOf(parts)).toBe('\nThey want tides explained.\n\nUse one analogy.\n');
    expect(textOf(parts)).toBe('Tides are the sea breathing.\n\nThe Moon pulls the water.');
    expect(sentBody(fake).max_tokens).toBe(64 + 16_000);
  });

  it('Ollama’s separate reasoning field is reasoning too', async () => {
    fake = await startOpenAIFake({ api: 'ollama', reasoning: 'Short answer is best.' });
    const parts = await call(ADAPTERS.ollama, fake.url, 'gpt-oss:20b');
    expect(reasoningOf(parts)).toBe('Short answer is best.');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
  });

  it('Gemini’s thought parts are reasoning, its other parts the answer', async () => {
    const key = `AIza${testKey('').slice(0, 35)}`;
    fake = await startGeminiFake({ keys: [key], thoughts: 'Weighing the figures.' });
    const parts = await call(ADAPTERS.gemini, fake.url, 'gemini-3.5-flash', key);
    expect(reasoningOf(parts)).toBe('Weighing the figures.');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
  });

  it('Claude’s thinking block is reasoning, its text block the answer', async () => {
    const key = testKey('sk-ant-api03-');
    fake = await startAnthropicFake({ keys: [key], thinking: 'Plan: answer in one line.' });
    const parts = await call(ADAPTERS.claude, fake.url, 'claude-sonnet-5', key);
    expect(reasoningOf(parts)).toBe('Plan: answer in one line.');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
  });
});
