import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GenerateRequest, Job } from '@/lib/domain/job';
import type { PortEvent } from '@/lib/messaging/port-protocol';
import { runOnSelection } from '@/lib/worker/background/selection-jobs';
import { attachPage, viewFeature } from '@/lib/worker/engine/job-views';
import { startJob } from '@/lib/worker/engine/jobs';
import { isKeepingAlive } from '@/lib/worker/engine/keep-alive';
import { slotJobs } from '@/lib/worker/session/job-store';
import { readJob } from '@/lib/worker/session/records';
import { saveKey } from '@/lib/worker/secrets/key-store';
import { testKey } from '../helpers';
import { applyEvent } from '@/components/hooks/jobs-state';
import { fakePage } from './fake-port';
import { type GatedOpenAI, startGatedOpenAI } from './gated-openai';
import { useSettings } from './harness';

const KEY = testKey('sk-proj-');
let openai: GatedOpenAI;

beforeAll(async () => {
  openai = await startGatedOpenAI(KEY);
});
afterAll(() => openai.close());
afterEach(() => openai.releaseAll());
beforeEach(async () => {
  fakeBrowser.reset();
  openai.fake.requests.length = 0;
  await useSettings({ baseUrls: { openai: `${openai.fake.url}/v1` }, models: { openai: 'gate-menu' } });
  await saveKey('openai', KEY);
});

/** Each test names its own gates, so the fake's gates never carry over from one test to the next. */
let gateCount = 0;
const gateName = (label: string) => `${label}${++gateCount}`;

const summary = (gate: string, surface: GenerateRequest['surface'] = 'sidepanel'): GenerateRequest => ({
  surface,
  feature: 'summarizer',
  provider: 'openai',
  model: `gate-${gate}`,
  input: { text: `Text for ${gate}.` },
});
const chatTurn = (gate: string): GenerateRequest => ({
  surface: 'sidepanel',
  feature: 'chat',
  provider: 'openai',
  model: `gate-${gate}`,
  input: { message: 'Hello there', action: 'send' },
});

const isJob = (id: string | undefined) => (event: PortEvent) => event.type === 'job' && (id === undefined || event.job.id === id);
const jobOf = (event: PortEvent): Job => {
  if (event.type !== 'job') throw new Error(`expected a job event, got ${event.type}`);
  return event.job;
};
const ended = (id: string) => (event: PortEvent) =>
  event.type === 'update' && event.jobId === id && event.change.status !== undefined && event.change.status !== 'running';

async function storedIn(slot: keyof Awaited<ReturnType<typeof slotJobs>>): Promise<Job | null> {
  const id = (await slotJobs())[slot];
  return id ? readJob(id) : null;
}

describe('many answers at once', () => {
  it('a chat answer and a summary run side by side in one panel, and both finish whole', async () => {
    const [chatGate, summaryGate] = [gateName('chat'), gateName('sum')];
    const page = fakePage();
    await attachPage('sidepanel', page.port);
    const chat = startJob(chatTurn(chatGate), { ifBusy: 'ask', port: page.port });
    const sum = startJob(summary(summaryGate), { ifBusy: 'ask', port: page.port });
    await Promise.all([openai.started(chatGate), openai.started(summaryGate)]);
    expect(isKeepingAlive()).toBe(true);
    openai.release(summaryGate);
    await sum;
    // The summary finished while the chat answer is still open, untouched.
    expect(openai.fake.requests.filter((request) => request.closedEarly)).toEqual([]);
    openai.release(chatGate);
    await chat;
    expect((await storedIn('sidepanel/summarizer'))?.text).toBe(`${summaryGate} says w1 w2 w3 done`);
    expect((await storedIn('sidepanel/chat'))?.text).toBe(`${chatGate} says w1 w2 w3 done`);
    expect(isKeepingAlive()).toBe(false);
  });

  it('a context-menu run on a feature that is still writing waits for it instead of stopping it, then runs', async () => {
    const first = gateName('first');
    const page = fakePage();
    await attachPage('sidepanel', page.port);
    const running = startJob(summary(first), { ifBusy: 'ask', port: page.port });
    await openai.started(first);
    await runOnSelection('summarizer', undefined, 'A selection from the page.');
    expect(await page.next((event) => event.type === 'queued' && event.request !== null)).toMatchObject({
      feature: 'summarizer',
      request: { input: { text: 'A selection from the page.' } },
    });
    // The queued run starts when the first answer is done: its model is the settings' "gate-menu".
    const queuedStarted = page.next((event) => event.type === 'job' && event.job.request.input.text === 'A selection from the page.');
    openai.release(first);
    await running;
    const second = jobOf(await queuedStarted);
    expect(openai.fake.requests.filter((request) => request.closedEarly)).toEqual([]);
    await openai.started('menu');
    openai.release('menu');
    await page.next(ended(second.id));
    expect((await storedIn('sidepanel/summarizer'))?.text).toBe('menu says w1 w2 w3 done');
  });

  it('running the same feature again asks first; "stop it" stops only that answer', async () => {
    const [old, fresh, other] = [gateName('old'), gateName('new'), gateName('other')];
    const page = fakePage();
    await attachPage('popup', page.port);
    const otherRun = startJob({ ...summary(other, 'popup'), feature: 'image-prompt', input: { subject: 'a harbour' } }, { ifBusy: 'ask' });
    const oldRun = startJob(summary(old, 'popup'), { ifBusy: 'ask', port: page.port });
    await Promise.all([openai.started(old), openai.started(other)]);
    await startJob(summary(fresh, 'popup'), { ifBusy: 'ask', port: page.port });
    expect(await page.next((event) => event.type === 'busy')).toMatchObject({ request: { model: `gate-${fresh}` } });
    expect(openai.fake.requests.filter((request) => JSON.parse(request.body).model === `gate-${fresh}`)).toHaveLength(0);

    const replacing = startJob(summary(fresh, 'popup'), { ifBusy: 'replace', port: page.port });
    const closed = await openai.fake.waitForClose();
    expect(JSON.parse(closed.body).model).toBe(`gate-${old}`);
    await oldRun;
    await openai.started(fresh);
    openai.release(fresh);
    openai.release(other);
    await Promise.all([replacing, otherRun]);
    expect((await storedIn('popup/summarizer'))?.text).toBe(`${fresh} says w1 w2 w3 done`);
    expect((await storedIn('popup/image-prompt'))?.text).toBe(`${other} says w1 w2 w3 done`);
    expect(openai.fake.requests.filter((request) => request.closedEarly)).toHaveLength(1);
    // The stopped job's records are gone, not left to overwrite anything.
    const oldJob = page.events.find((event) => event.type === 'job' && event.job.request.model === `gate-${old}`);
    const oldId = oldJob?.type === 'job' ? oldJob.job.id : 'missing';
    expect(oldId).not.toBe('missing');
    const keys = Object.keys(await browser.storage.session.get(null));
    expect(keys.filter((key) => key.includes(oldId))).toEqual([]);
  });

  it('a superseded job’s last save, however late, never overwrites the newer job’s record', async () => {
    const [old, fresh] = [gateName('late'), gateName('newer')];
    const page = fakePage();
    await attachPage('sidepanel', page.port);
    const oldRun = startJob(summary(old), { ifBusy: 'ask', port: page.port });
    await openai.started(old);
    const oldId = jobOf(await page.next(isJob(undefined))).id;
    // Hold every write of the old job's records until the new job has finished.
    const session = browser.storage.session;
    const set = session.set.bind(session);
    let releaseOld: () => void = () => undefined;
    const oldMayWrite = new Promise<void>((resolve) => {
      releaseOld = resolve;
    });
    vi.spyOn(session, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((key) => key.includes(oldId))) await oldMayWrite;
      return set(items);
    });
    const newRun = startJob(summary(fresh), { ifBusy: 'replace', port: page.port });
    await openai.started(fresh);
    openai.release(fresh);
    const newId = jobOf(await page.next((event) => event.type === 'job' && event.job.id !== oldId)).id;
    await page.next(ended(newId));
    releaseOld();
    await Promise.all([oldRun, newRun]);
    expect((await slotJobs())['sidepanel/summarizer']).toBe(newId);
    expect(await storedIn('sidepanel/summarizer')).toMatchObject({ id: newId, status: 'done', text: `${fresh} says w1 w2 w3 done` });
  });

  it('a reopened page gets every live job as it stands, then follows each to its end', async () => {
    const [a, b] = [gateName('a'), gateName('b')];
    const first = fakePage();
    await attachPage('popup', first.port);
    const runs = [
      startJob(summary(a, 'popup'), { ifBusy: 'ask', port: first.port }),
      startJob({ ...summary(b, 'popup'), feature: 'code-generator', input: { goal: 'parse a CSV file' } }, { ifBusy: 'ask' }),
    ];
    await Promise.all([openai.started(a), openai.started(b)]);
    first.close();
    const reopened = fakePage();
    await attachPage('popup', reopened.port);
    const snapshot = reopened.events.find((event) => event.type === 'jobs');
    expect(snapshot?.type === 'jobs' && snapshot.jobs.map((job) => [job.request.feature, job.status])).toEqual(
      expect.arrayContaining([
        ['summarizer', 'running'],
        ['code-generator', 'running'],
      ]),
    );
    openai.release(a);
    openai.release(b);
    await Promise.all(runs);
    const text = (feature: string) =>
      reopened.events
        .flatMap((event) => (event.type === 'jobs' ? event.jobs : []))
        .filter((job) => job.request.feature === feature)
        .map((job) => job.text)
        .join('') +
      reopened.events
        .filter((event) => event.type === 'text-delta')
        .filter((event) => event.type === 'text-delta' && snapshotIdOf(snapshot, feature) === event.jobId)
        .map((event) => (event.type === 'text-delta' ? event.text : ''))
        .join('');
    expect(text('summarizer')).toBe(`${a} says w1 w2 w3 done`);
    expect(text('code-generator')).toBe(`${b} says w1 w2 w3 done`);
  });

  it('a page that attaches while a short answer starts and ends keeps that answer (its snapshot is not stale)', async () => {
    const quick = gateName('quick');
    // The page's first read of session memory answers with what was there when it asked, but
    // only once the answer has come and gone: the window a busy machine opens for real.
    const realGet = browser.storage.session.get.bind(browser.storage.session);
    let hold: Promise<void> | undefined;
    let letGo = () => {};
    const spy = vi.spyOn(browser.storage.session, 'get').mockImplementation(((keys: Parameters<typeof realGet>[0]) => {
      const read = realGet(keys);
      if (!hold) return read;
      const held = hold;
      hold = undefined;
      return held.then(() => read);
    }) as typeof realGet);
    hold = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const page = fakePage();
    const attaching = attachPage('sidepanel', page.port);
    const run = startJob(summary(quick), { ifBusy: 'ask' });
    await openai.started(quick);
    openai.release(quick);
    await run;
    letGo();
    await attaching;
    spy.mockRestore();
    // The page's copy after every event it got, in order, as use-jobs applies them.
    const copy = page.events.reduce(applyEvent, { jobs: {}, queued: {}, busy: undefined });
    expect(copy.jobs.summarizer).toMatchObject({ status: 'done', text: `${quick} says w1 w2 w3 done` });
  });

  it('the toolbar badge counts finished answers no page has shown; showing one counts it seen', async () => {
    const [a, b] = [gateName('a'), gateName('b')];
    const runs = [
      startJob(summary(a, 'popup'), { ifBusy: 'ask' }),
      startJob({ ...summary(b, 'sidepanel'), feature: 'image-prompt', input: { subject: 'a kite' } }, { ifBusy: 'ask' }),
    ];
    openai.release(a);
    openai.release(b);
    await Promise.all(runs);
    expect(await browser.action.getBadgeText({})).toBe('2');
    const popup = fakePage();
    await attachPage('popup', popup.port);
    await viewFeature('popup', popup.port, 'summarizer');
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(popup.events.at(-1)).toMatchObject({ type: 'update', change: { seen: true } });
  });
});

function snapshotIdOf(snapshot: PortEvent | undefined, feature: string): string | undefined {
  return snapshot?.type === 'jobs' ? snapshot.jobs.find((job) => job.request.feature === feature)?.id : undefined;
}
