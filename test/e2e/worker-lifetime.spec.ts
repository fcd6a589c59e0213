import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import type { FakeServer } from '../fakes/http';
import { startGromptFake } from '../fakes/grompt-fake';
import { SILENT_ANSWER, startSilentOpenAI } from './support/silent-stream';
import { launchUnattached, type UnattachedBrowser } from './support/unattached-browser';

/**
 * Chrome stops an extension service worker after 30 s without an extension API call, even
 * while it waits on a fetch. These answers take longer than that: the worker must keep itself
 * alive while a job is live. Nothing may attach DevTools to the worker here (that alone keeps
 * it alive and hides the bug): see support/unattached-browser.ts, and the check below.
 *
 * Control: `npm run test:worker-lifetime-control` runs this same file against a build without
 * the keep-alive (WXT_KEEPALIVE=off); there both cases end "interrupted" and the file fails.
 */
test.describe.configure({ timeout: 180_000 });

const KEY = 'sk-proj-lifetime0123456789abcdef012345678';
/** The waits are the subject: 45 s and 40 s, plus the page's own time. */
const ANSWER_DEADLINE_MS = 120_000;

let chromium: UnattachedBrowser | undefined;
let fake: FakeServer | undefined;
test.afterEach(async () => {
  await chromium?.close();
  await fake?.close();
  chromium = undefined;
  fake = undefined;
});

/** Waits (up to the deadline) for the answer to end one way or the other, and returns its text. */
async function answerWhenEnded(popup: Page): Promise<string> {
  await popup.waitForFunction(
    () => {
      const answer = document.querySelector('section.answer');
      return Boolean(answer && answer.getAttribute('aria-busy') === 'false');
    },
    { timeout: ANSWER_DEADLINE_MS, polling: 500 },
  );
  return popup.$eval('section.answer', (answer) => answer.textContent ?? '');
}

async function runSummary(popup: Page, settings: Record<string, unknown>, key?: string): Promise<void> {
  await popup.evaluate(
    async ({ settings, key }) => {
      await chrome.storage.local.set({ settings: { ...settings, lastFeature: 'summarizer' } });
      if (key) await chrome.storage.session.set({ 'byok-keys': { openai: key }, 'byok-last-activity': Date.now() });
    },
    { settings, key },
  );
  await popup.reload();
  await popup.waitForSelector('textarea');
  await popup.type('textarea', 'Tides rise and fall twice a day; turbines use the flow.');
  await popup.evaluate(() => {
    const run = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Run');
    if (!run) throw new Error('no Run button');
    run.click();
  });
  await popup.waitForSelector('section.answer');
}

async function expectWorkerNotAttached(): Promise<void> {
  // Right after launch the browser may report the worker attached for a moment (the target
  // filter detaches it): wait for the steady state, then it must stay so.
  await expect.poll(() => chromium?.workerAttached(), { timeout: 5_000 }).toBe(false);
}

test('a Grompt server that sends its headers only after 45 s: the whole answer arrives, not "interrupted"', async () => {
  fake = await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'], headersDelayMs: 45_000 });
  chromium = await launchUnattached();
  await expectWorkerNotAttached();
  const popup = await chromium.openPage('popup');
  await runSummary(popup, { provider: 'openai', server: { url: fake.url, prefix: '/api/v1', routing: 'direct' } });
  const text = await answerWhenEnded(popup);
  expect(text).not.toContain('interrupted');
  expect(text).toContain('Answer from openai (server) to a');
  // Nothing attached to the worker at any point the test could see.
  expect(await chromium.workerAttached()).toBe(false);
  expect(fake.requests.filter((request) => request.path === '/api/v1/unified')).toHaveLength(1);
});

test('a stream that goes silent for 40 s mid-answer: it finishes whole, not "interrupted"', async () => {
  fake = await startSilentOpenAI(KEY, 40_000);
  chromium = await launchUnattached();
  await expectWorkerNotAttached();
  const popup = await chromium.openPage('popup');
  await runSummary(popup, { provider: 'openai', baseUrls: { openai: `${fake.url}/v1` }, models: { openai: 'silent' } }, KEY);
  await popup.waitForFunction(() => document.querySelector('section.answer')?.textContent?.includes('Before the pause w1 w2'), {
    timeout: 15_000,
  });
  const text = await answerWhenEnded(popup);
  expect(text).not.toContain('interrupted');
  expect(text).toContain(SILENT_ANSWER);
  expect(await chromium.workerAttached()).toBe(false);
  expect(fake.requests).toHaveLength(1);
});
