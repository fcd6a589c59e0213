import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LiveJob } from '@/lib/worker/engine/live-job';
import { runJob } from '@/lib/worker/engine/run-job';
import type { GenerateRequest, Job } from '@/lib/domain/job';
import type { Settings } from '@/lib/settings/schema';
import { settingsItem } from '@/lib/storage/items';
import { parseSettings } from '@/lib/settings/schema';
import { saveKey } from '@/lib/worker/secrets/key-store';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import type { FakePage } from './fake-port';

/**
 * Runs one request through the real engine (routing, SDKs, fakes) and returns the finished
 * job. A page, if given, follows it as a popup or side panel would (its port gets the events).
 */
export async function runRequest(
  request: Omit<GenerateRequest, 'surface'> & { surface?: GenerateRequest['surface'] },
  options: { signal?: AbortSignal; page?: FakePage } = {},
): Promise<Job> {
  const live = new LiveJob({
    id: crypto.randomUUID(),
    request: { surface: 'sidepanel', ...request },
    status: 'running',
    text: '',
    startedAt: Date.now(),
  });
  if (options.page) live.attach(options.page.port);
  options.signal?.addEventListener('abort', () => live.controller.abort());
  await runJob(live, 'en');
  return live.job;
}

export async function useSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.setValue(parseSettings({ ...change }));
}

/**
 * One loopback OpenAI fake for a test file, accepting `key`. Before each test the fake browser
 * starts empty, the fake's request log is cleared, the settings point OpenAI at it and (unless
 * `saveKey: false`) the key is saved as the key field would. Read the fake as `.fake` inside tests.
 */
export function sharedOpenAIFake(key: string, options: { saveKey?: boolean } = {}): { readonly fake: FakeServer } {
  let fake: FakeServer | undefined;
  beforeAll(async () => {
    fake = await startOpenAIFake({ keys: [key] });
  });
  afterAll(() => fake?.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    if (!fake) throw new Error('the OpenAI fake did not start');
    fake.requests.length = 0;
    await useSettings({ baseUrls: { openai: `${fake.url}/v1` } });
    if (options.saveKey !== false) await saveKey('openai', key);
  });
  return {
    get fake() {
      if (!fake) throw new Error('the OpenAI fake is read before it started');
      return fake;
    },
  };
}
