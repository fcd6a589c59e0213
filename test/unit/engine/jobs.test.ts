import { describe, expect, it } from 'vitest';
import { readConversation } from '@/lib/storage/items';
import { saveKey } from '@/lib/worker/secrets/key-store';
import { testKey } from '../helpers';
import { fakePage } from './fake-port';
import { runRequest, sharedOpenAIFake, useSettings } from './harness';

const KEY = testKey('sk-proj-');
const openai = sharedOpenAIFake(KEY);

const chat = (message: string, action = 'send') =>
  runRequest({ feature: 'chat', provider: 'openai', model: 'gpt-test', input: { message, action } });

describe('chat keeps its conversation', () => {
  it('sends the whole history each turn: the third request carries the first two turns', async () => {
    await chat('First question');
    await chat('Second question');
    await chat('Third question');
    const third = JSON.parse(openai.fake.requests.at(-1)?.body ?? '{}') as { messages: { role: string; content: string }[] };
    expect(third.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(third.messages.map((message) => message.content).slice(1)).toEqual([
      'First question',
      'Answer w1 w2 w3 w4 w5 w6 w7',
      'Second question',
      'Answer w1 w2 w3 w4 w5 w6 w7',
      'Third question',
    ]);
    expect((await readConversation()).turns).toHaveLength(6);
  });

  it('keeps the user’s message when the answer fails, and Retry answers it without repeating it', async () => {
    await saveKey('openai', 'sk-wrong-key-000000000000');
    const failed = await chat('Will this fail?');
    expect(failed.status).toBe('error');
    expect((await readConversation()).turns).toEqual([{ role: 'user', content: 'Will this fail?' }]);
    await saveKey('openai', KEY);
    const retried = await chat('', 'retry');
    expect(retried.status).toBe('done');
    expect((await readConversation()).turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
  });

  it('regenerates the last answer in place', async () => {
    await chat('Question');
    await chat('', 'regenerate');
    const turns = (await readConversation()).turns;
    expect(turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    const body = JSON.parse(openai.fake.requests.at(-1)?.body ?? '{}') as { messages: unknown[] };
    expect(body.messages).toHaveLength(2);
  });
});

describe('jobs', () => {
  it('stops on cancel: the connection closes and the partial text is kept', async () => {
    const controller = new AbortController();
    const page = fakePage();
    const closed = openai.fake.waitForClose();
    const running = runRequest(
      { feature: 'summarizer', provider: 'openai', model: 'slow', input: { text: 'Some text to summarize.' } },
      { signal: controller.signal, page },
    );
    // Stop is pressed once the page has the first words: a gate, not a clock.
    await page.next((event) => event.type === 'text-delta');
    controller.abort();
    const job = await running;
    expect((await closed).closedEarly).toBe(true);
    expect(job.status).toBe('stopped');
    expect(job.text.length).toBeGreaterThan(0);
  });

  it('trims long input visibly: head and tail kept, with the share in a note', async () => {
    await useSettings({ baseUrls: { openai: `${openai.fake.url}/v1` } });
    const text = `BEGINNING ${'filler sentence. '.repeat(40_000)} THE END`;
    const job = await runRequest({ feature: 'summarizer', provider: 'openai', model: 'gpt-test', input: { text } });
    expect(job.trim).toMatchObject({ scope: 'input', originalChars: text.length });
    expect(job.trim?.keptPercent).toBeLessThan(100);
    const sent = JSON.parse(openai.fake.requests.at(-1)?.body ?? '{}').messages.at(-1).content as string;
    expect(sent).toContain('BEGINNING');
    expect(sent).toContain('THE END');
    expect(sent).toContain('characters omitted');
  });

  it('retries a 500 before the first token, then reports it', async () => {
    const job = await runRequest({ feature: 'summarizer', provider: 'openai', model: 'fault-500', input: { text: 'x y z' } });
    expect(job.error?.kind).toBe('server');
    expect(openai.fake.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(3);
  });

  it('does not retry a 429 that asks for a long wait: the user sees when to try again', async () => {
    const job = await runRequest({ feature: 'summarizer', provider: 'openai', model: 'fault-429', input: { text: 'x y z' } });
    expect(job.error).toMatchObject({ kind: 'rate-limit', retryAfterSeconds: 30 });
    expect(job.error?.message).toContain('Try again in 30 s');
    expect(openai.fake.requests).toHaveLength(1);
  });

  it('rejects invalid input with the field’s own message', async () => {
    const job = await runRequest({ feature: 'summarizer', provider: 'openai', input: { text: '   ' } });
    expect(job.error?.kind).toBe('invalid-input');
    expect(job.error?.message).toContain('Add some text to summarize');
    expect(openai.fake.requests).toHaveLength(0);
  });
});
