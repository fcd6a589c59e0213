import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { testKey } from '../helpers';

/** The fakes refuse what the real APIs refuse, in their words: a lenient fake would hide our mistakes. */
let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: response.ok ? undefined : await response.json() };
}

describe('strict fakes', () => {
  it('Anthropic refuses an unknown top-level field: 400 "<field>: Extra inputs are not permitted"', async () => {
    const key = testKey('sk-ant-api03-');
    fake = await startAnthropicFake({ keys: [key] });
    const headers = { 'x-api-key': key, 'anthropic-version': '2023-06-01' };
    const message = { model: 'claude-sonnet-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] };
    expect(await post(`${fake.url}/v1/messages`, headers, { ...message, max_completion_tokens: 64 })).toEqual({
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'max_completion_tokens: Extra inputs are not permitted' } },
    });
    const { max_tokens: _left, ...withoutLimit } = message;
    expect(await post(`${fake.url}/v1/messages`, headers, withoutLimit)).toMatchObject({
      status: 400,
      body: { error: { message: 'max_tokens: Field required' } },
    });
  });

  it('Gemini refuses an unknown field, at the top or in generationConfig: 400 INVALID_ARGUMENT "Unknown name"', async () => {
    const key = `AIza${testKey('').slice(0, 35)}`;
    fake = await startGeminiFake({ keys: [key] });
    const url = `${fake.url}/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse`;
    const contents = [{ role: 'user', parts: [{ text: 'Hi' }] }];
    const description = 'Invalid JSON payload received. Unknown name "stream": Cannot find field.';
    expect(await post(url, { 'x-goog-api-key': key }, { contents, stream: true })).toEqual({
      status: 400,
      body: {
        error: {
          code: 400,
          message: description,
          status: 'INVALID_ARGUMENT',
          details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description }] }],
        },
      },
    });
    expect(await post(url, { 'x-goog-api-key': key }, { contents, generationConfig: { max_tokens: 64 } })).toMatchObject({
      status: 400,
      body: { error: { message: `Invalid JSON payload received. Unknown name "max_tokens" at 'generation_config': Cannot find field.` } },
    });
  });

  it('OpenAI refuses an argument it does not know', async () => {
    const key = testKey('sk-proj-');
    fake = await startOpenAIFake({ keys: [key] });
    const result = await post(
      `${fake.url}/v1/chat/completions`,
      { authorization: `Bearer ${key}` },
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hi' }],
        maxTokens: 64,
      },
    );
    expect(result).toMatchObject({ status: 400, body: { error: { message: 'Unrecognized request argument supplied: maxTokens' } } });
  });

  it('DeepSeek says "Model Not Exist" with a 400 for a model it does not have', async () => {
    const key = testKey('sk-');
    fake = await startOpenAIFake({ api: 'deepseek', keys: [key], models: ['deepseek-v4-flash', 'deepseek-v4-pro'] });
    const result = await post(
      `${fake.url}/chat/completions`,
      { authorization: `Bearer ${key}` },
      {
        model: 'deepseek-reasoner',
        messages: [{ role: 'user', content: 'Hi' }],
      },
    );
    expect(result).toEqual({
      status: 400,
      body: { error: { message: 'Model Not Exist', type: 'invalid_request_error', param: null, code: 'invalid_request_error' } },
    });
  });
});
