import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { PortEvent } from '@/lib/messaging/port-protocol';
import { LiveJob } from '@/lib/worker/engine/live-job';
import { rankSuggestions } from '@/lib/worker/engine/model-suggestions';
import { runJob } from '@/lib/worker/engine/run-job';
import { saveKey } from '@/lib/worker/secrets/key-store';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { testKey } from '../helpers';
import { runRequest, useSettings } from './harness';

const KEY = testKey('sk-');
const summarize = { feature: 'summarizer' as const, input: { text: 'Tidal turbines produced 14 GWh. Salmon counts did not change.' } };
let fake: FakeServer | undefined;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A page's end of the generation port: what it would be sent. */
function listeningPort() {
  const events: PortEvent[] = [];
  const port = {
    postMessage: (event: PortEvent) => events.push(event),
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return { port, events };
}

describe('a reasoning answer through the engine', () => {
  it('keeps DeepSeek’s reasoning apart from the answer, timed, and sends it to the page on its own channel', async () => {
    fake = await startOpenAIFake({ api: 'deepseek', keys: [KEY], reasoning: 'Two facts matter: the energy and the salmon.' });
    await useSettings({ baseUrls: { deepseek: fake.url } });
    await saveKey('deepseek', KEY);
    const live = new LiveJob({
      id: 'job-1',
      request: { surface: 'popup', provider: 'deepseek', model: 'deepseek-v4-flash', ...summarize },
      status: 'running',
      text: '',
      startedAt: Date.now(),
    });
    const page = listeningPort();
    live.attach(page.port);
    await runJob(live, 'en');

    expect(live.job.status).toBe('done');
    expect(live.job.reasoning).toBe('Two facts matter: the energy and the salmon.');
    expect(live.job.text).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    expect(live.job.reasoningStartedAt).toBeLessThanOrEqual(live.job.reasoningEndedAt ?? 0);
    const reasoningSent = page.events.flatMap((event) => (event.type === 'reasoning-delta' ? [event.text] : [])).join('');
    const textSent = page.events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(reasoningSent).toBe(live.job.reasoning);
    expect(textSent).toBe(live.job.text);
  });

  it('sends no reasoning back to the model in the next chat turn', async () => {
    fake = await startOpenAIFake({ api: 'deepseek', keys: [KEY] });
    await useSettings({ baseUrls: { deepseek: fake.url } });
    await saveKey('deepseek', KEY);
    const chat = (message: string) =>
      runRequest({ feature: 'chat', provider: 'deepseek', model: 'deepseek-v4-pro', input: { message, action: 'send' } });
    await chat('First question');
    await chat('Second question');
    const second = JSON.parse(fake.requests.at(-1)?.body ?? '{}') as { messages: Record<string, unknown>[] };
    expect(second.messages.find((message) => message.role === 'assistant')).toEqual({
      role: 'assistant',
      content: 'Answer w1 w2 w3 w4 w5 w6 w7',
    });
  });
});

describe('a model the provider does not have', () => {
  it('names the model and offers up to five the provider has, from its own list', async () => {
    const models = ['gpt-5.6-luna', 'gpt-5.6-terra', 'gpt-5.6-sol', 'gpt-4.1', 'gpt-4o', 'gpt-4o-2024-11-20', 'o3'];
    fake = await startOpenAIFake({ keys: [KEY], models });
    await useSettings({ baseUrls: { openai: `${fake.url}/v1` } });
    await saveKey('openai', KEY);
    const job = await runRequest({ ...summarize, provider: 'openai', model: 'gpt-4o-mini' });
    expect(job.error).toMatchObject({ kind: 'model-not-found', status: 404 });
    expect(job.error?.message).toContain('“gpt-4o-mini”');
    expect(job.error?.suggestions).toEqual(['gpt-5.6-luna', 'gpt-5.6-terra', 'gpt-5.6-sol', 'gpt-4o', 'gpt-4o-2024-11-20']);
  });

  it('reads DeepSeek’s 400 "Model Not Exist" as a missing model, with alternatives', async () => {
    fake = await startOpenAIFake({ api: 'deepseek', keys: [KEY], models: ['deepseek-v4-flash', 'deepseek-v4-pro'] });
    await useSettings({ baseUrls: { deepseek: fake.url } });
    await saveKey('deepseek', KEY);
    const job = await runRequest({ ...summarize, provider: 'deepseek', model: 'deepseek-reasoner' });
    expect(job.error).toMatchObject({ kind: 'model-not-found', status: 400, suggestions: ['deepseek-v4-flash', 'deepseek-v4-pro'] });
  });
});

describe('rankSuggestions', () => {
  it('puts the catalogue’s current picks first, then the closest names, never the missing one', () => {
    const available = ['whisper-1', 'gpt-4.1-nano', 'gpt-4o', 'gpt-5.6-terra', 'gpt-4o-mini', 'gpt-4o-audio-preview', 'gpt-5.6-luna'];
    expect(rankSuggestions('gpt-4o-mini', available, ['gpt-5.6-luna', 'gpt-5.6-terra', 'gpt-5.6-sol'])).toEqual([
      'gpt-5.6-luna',
      'gpt-5.6-terra',
      'gpt-4o',
      'gpt-4o-audio-preview',
      'gpt-4.1-nano',
    ]);
  });

  it('offers nothing when the provider lists nothing else', () => {
    expect(rankSuggestions('llama3.2', ['llama3.2'])).toEqual([]);
  });
});
