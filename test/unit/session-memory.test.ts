import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capConversation } from '@/lib/domain/chat';
import type { Job } from '@/lib/domain/job';
import { readDrafts } from '@/lib/storage/early-items';
import { readConversation } from '@/lib/storage/items';
import { continueInPanel } from '@/lib/worker/background/continue-in-panel';
import { beginTurn } from '@/lib/worker/chat/conversation';
import { attachPage } from '@/lib/worker/engine/job-views';
import { startJob } from '@/lib/worker/engine/jobs';
import { LiveJob } from '@/lib/worker/engine/live-job';
import { saveDraft } from '@/lib/worker/session/drafts';
import { slotJobs, storeNewJob, storeProgress } from '@/lib/worker/session/job-store';
import { ensureReserve, SessionFullError } from '@/lib/worker/session/room';
import { readJob } from '@/lib/worker/session/records';
import { sweepSession } from '@/lib/worker/session/sweep';
import { keyStatuses, saveKey } from '@/lib/worker/secrets/key-store';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { fakePage } from './engine/fake-port';
import { useSettings } from './engine/harness';
import { testKey } from './helpers';
import { enforceSessionQuota, sizeOf } from './session-quota-fake';

const KEY = testKey('sk-proj-');
let openai: FakeServer;
beforeAll(async () => {
  openai = await startOpenAIFake({ keys: [KEY] });
});
afterAll(() => openai.close());
beforeEach(() => fakeBrowser.reset());

const textKeys = async () => Object.keys(await browser.storage.session.get(null)).filter((key) => key.startsWith('text.'));

function finishedJob(id: string, feature: Job['request']['feature'], finishedAt: number, text: string): Job {
  return {
    id,
    request: { surface: 'popup', feature, provider: 'openai', input: { text: 'short' } },
    status: 'done',
    text,
    startedAt: finishedAt - 1000,
    finishedAt,
  };
}

async function storeFinished(job: Job): Promise<void> {
  await storeNewJob(job, `popup/${job.request.feature}`);
  await storeProgress(job, { chunks: 0, reasoningChunks: 0 }, job.text);
}

/** Fills the area with someone else's data (as the e2e test does from the worker) up to `free` bytes below the limit. */
async function fillTo(limit: number, free: number): Promise<void> {
  const used = sizeOf(await browser.storage.session.get(null));
  const room = limit - used - free - 'filler'.length - 2;
  await browser.storage.session.set({ filler: 'x'.repeat(Math.max(0, room)) });
}

describe('session memory has a budget', () => {
  it('keys come first: in a full session memory a key is still saved, while other writes get "session full"', async () => {
    const limit = 60_000;
    await ensureReserve();
    const quota = enforceSessionQuota(limit);
    await fillTo(limit, 500);
    await expect(saveDraft('popup', 'summarizer', { text: 'y'.repeat(5_000) })).rejects.toBeInstanceOf(SessionFullError);
    await saveKey('openai', KEY);
    expect(await keyStatuses()).toHaveProperty('openai');
    expect(await quota.used()).toBeLessThanOrEqual(limit);
  });

  it('finished answers make room oldest first; the newest stay', async () => {
    const limit = 60_000;
    await storeFinished(finishedJob('oldest', 'summarizer', 1_000, 'a'.repeat(8_000)));
    await storeFinished(finishedJob('middle', 'image-prompt', 2_000, 'b'.repeat(8_000)));
    await storeFinished(finishedJob('newest', 'code-generator', 3_000, 'c'.repeat(8_000)));
    enforceSessionQuota(limit);
    await fillTo(limit, 4_000);
    await saveDraft('popup', 'prompt-crafter', { ideas: 'z'.repeat(10_000) });
    const slots = await slotJobs();
    expect(slots['popup/summarizer']).toBeUndefined();
    expect(slots['popup/code-generator']).toBe('newest');
    expect(Object.keys(await browser.storage.session.get(null)).filter((key) => key.startsWith('job.oldest'))).toEqual([]);
  });

  it('the page is told first: an answer that cannot be saved still ends on screen, then says it is not kept', async () => {
    const limit = 40_000;
    const quota = enforceSessionQuota(limit);
    const order: string[] = [];
    quota.onWrite = (keys) => order.push(`write ${keys.join(',')}`);
    const page = fakePage();
    const live = new LiveJob({
      id: 'told-first',
      request: { surface: 'popup', feature: 'summarizer', provider: 'openai', input: { text: 'x' } },
      status: 'running',
      text: '',
      startedAt: Date.now(),
    });
    live.attach(page.port);
    const record = page.port.postMessage.bind(page.port);
    page.port.postMessage = (event: Parameters<typeof record>[0]) => {
      order.push(`page ${event.type}${event.type === 'update' ? ` ${Object.keys(event.change).join(',')}` : ''}`);
      record(event);
    };
    await fillTo(limit, 100);
    live.appendText('w'.repeat(2_000));
    await live.finish('stop', undefined);
    const told = order.findIndex((entry) => entry.startsWith('page update') && entry.includes('status'));
    const firstWriteAfter = order.findIndex((entry, index) => index > told && entry.startsWith('write'));
    expect(told).toBeGreaterThanOrEqual(0);
    expect(firstWriteAfter).toBeGreaterThan(told);
    expect(page.events.at(-1)).toEqual({ type: 'update', jobId: 'told-first', change: { unsaved: true } });
    expect(live.job).toMatchObject({ status: 'done', unsaved: true });
  });

  it('a job’s input is stored once: the draft, the job and its move to the side panel share one text', async () => {
    await useSettings({});
    const text = `${'A long selection from a page. '.repeat(7_000)}THE END`;
    await saveDraft('popup', 'summarizer', { text, words: 120 });
    expect(await textKeys()).toHaveLength(1);
    await startJob({ surface: 'popup', feature: 'summarizer', provider: 'openai', input: { text, words: 120 } }, { ifBusy: 'ask' });
    expect(await textKeys()).toHaveLength(1);
    await continueInPanel('summarizer');
    expect(await textKeys()).toHaveLength(1);
    expect((await readDrafts('sidepanel')).summarizer).toMatchObject({ text });
    expect((await slotJobs())['sidepanel/summarizer']).toBeDefined();
  });

  it('reasoning is kept like the answer, in chunks of its own, and read back with it', async () => {
    const live = new LiveJob({
      id: 'thinker',
      request: { surface: 'popup', feature: 'summarizer', provider: 'openai', input: { text: 'x' } },
      status: 'running',
      text: '',
      startedAt: Date.now(),
    });
    live.appendReasoning('First I read the text. ');
    await live.persist();
    live.appendReasoning('Then I weigh it.');
    live.appendText('The summary.');
    await live.finish('stop', undefined);
    const stored = await readJob('thinker');
    expect(stored).toMatchObject({ status: 'done', text: 'The summary.', reasoning: 'First I read the text. Then I weigh it.' });
    const record = (await browser.storage.session.get('job.thinker'))['job.thinker'];
    expect(JSON.stringify(record)).not.toContain('weigh');
  });

  it('a text no draft or job refers to any more is swept away', async () => {
    await saveDraft('popup', 'summarizer', { text: 'first version '.repeat(200) });
    await saveDraft('popup', 'summarizer', { text: 'second version '.repeat(200) });
    expect(await textKeys()).toHaveLength(2);
    await sweepSession();
    expect(await textKeys()).toHaveLength(1);
    expect((await readDrafts('popup')).summarizer).toMatchObject({ text: 'second version '.repeat(200) });
  });

  it('bytes written per job stay under input + 3 × answer: only new text is written, the input once', async () => {
    await useSettings({ baseUrls: { openai: `${openai.url}/v1` } });
    await saveKey('openai', KEY);
    const quota = enforceSessionQuota(10 * 1024 * 1024);
    const input = 'Input text to summarize. '.repeat(4_000);
    const page = fakePage();
    await attachPage('popup', page.port);
    await startJob(
      { surface: 'popup', feature: 'summarizer', provider: 'openai', model: 'long-2000', input: { text: input } },
      { ifBusy: 'ask' },
    );
    const job = page.events.find((event) => event.type === 'job');
    const id = job?.type === 'job' ? job.job.id : '';
    const answer = page.events.flatMap((event) => (event.type === 'text-delta' && event.jobId === id ? [event.text] : [])).join('');
    expect(answer.length).toBeGreaterThan(10_000);
    const written = quota.writes.reduce((sum, write) => sum + write.bytes, 0);
    expect(written).toBeLessThanOrEqual(input.length + 3 * answer.length);
    expect(quota.writes.filter((write) => write.bytes >= input.length)).toHaveLength(1);
  });
});

describe('the chat has a size cap', () => {
  it('drops the oldest question-and-answer pairs first, and counts them for the note', () => {
    const turns = Array.from({ length: 6 }, (_, index) => ({
      role: index % 2 ? ('assistant' as const) : ('user' as const),
      content: `${index}`.repeat(100),
    }));
    const capped = capConversation({ turns }, 350);
    expect(capped.turns.map((turn) => turn.content[0])).toEqual(['4', '5']);
    expect(capped.dropped).toBe(4);
    expect(capConversation(capped, 350)).toBe(capped);
  });

  it('a conversation that outgrows its share drops older turns as new ones are recorded', async () => {
    const long = 'q'.repeat(150_000);
    for (const message of [long, long, long]) await beginTurn(message, 'send');
    const conversation = await readConversation();
    expect(conversation.turns.length).toBeLessThan(3);
    expect(conversation.dropped).toBeGreaterThan(0);
  });
});
