import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clickMenu } from './support/menu';
import { startPageServer } from './support/page-server';
import { FeaturePage } from './support/popup-page';
import { fillSessionTo, sessionBytesFree } from './support/session-fill';
import { storedKeys } from './support/worker';
import { selectText } from './support/surfaces';
import { activate } from './support/tabs';

/**
 * storage.session holds 10 MB in Chrome, keys included. With it nearly full, every flow
 * still ends within 2 s: with its answer, or with the specific message and its action —
 * never a spinner that never ends — and a key can always be saved.
 */
const WITHIN = { timeout: 2_000 };
const FULL = /Session memory is full/;
const KEY = 'sk-proj-quota0123456789abcdef0123456789abcd';

/** An answer that ended (its Copy action), or the session-full message: whichever came. */
async function answerOrFull(page: Page, answer: Locator): Promise<'answer' | 'full'> {
  const copy = answer.getByRole('button', { name: 'Copy', exact: true }).last();
  const full = page.getByRole('alert').filter({ hasText: FULL }).first();
  await expect(copy.or(full).first()).toBeVisible(WITHIN);
  return (await copy.isVisible()) ? 'answer' : 'full';
}

test('with session memory filled to within 50 kB of its quota, every flow answers or says so within 2 s', async ({
  context,
  worker,
  openPage,
}) => {
  const pages = await startPageServer();
  const outcomes: Record<string, string> = {};
  try {
    const filled = await fillSessionTo(worker, 50_000);
    expect(filled.quota - filled.used).toBeLessThanOrEqual(50_000);

    // Draft: what the user types is kept (or the page says it cannot be).
    const popup = new FeaturePage(await openPage('popup'));
    await popup.chooseFeature('Summarizer');
    await popup.page.getByLabel('Text to summarize').fill('Harbour turbines spin with the tide, twice a day.');
    await expect
      .poll(() => worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get('drafts.popup'))), WITHIN)
      .toContain('Harbour turbines');
    outcomes.draft = 'saved';

    // Run.
    await popup.run();
    outcomes.run = await answerOrFull(popup.page, popup.answer);

    // Key save.
    await popup.saveKey(KEY);
    expect(Object.keys(await storedKeys(context))).toEqual(['openai']);
    outcomes.key = 'saved';
    await popup.page.evaluate(() => chrome.storage.session.remove('byok-keys'));

    // Continue in side panel.
    await popup.answer.getByRole('button', { name: 'Continue in side panel' }).click();
    const panel = await openPage('sidepanel');
    await expect(panel.getByRole('tab', { name: 'Summarizer' })).toHaveAttribute('aria-selected', 'true', WITHIN);
    outcomes.continue = await answerOrFull(panel, panel.locator('section.answer'));

    // Chat turn.
    await panel.getByRole('tab', { name: 'Chat' }).click();
    await panel.getByLabel('Message').fill('What powers a tidal turbine?');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    outcomes.chat = await answerOrFull(panel, panel.locator('.chat-log'));

    // Context menu.
    const article = await context.newPage();
    await article.goto(`${pages.url}/article.html`);
    await activate(worker, article);
    const selection = await selectText(article, '#lead');
    await clickMenu(worker, 'grompt-image-prompt', selection, article.url());
    await expect(panel.getByRole('tab', { name: 'Image Prompt' })).toHaveAttribute('aria-selected', 'true', WITHIN);
    outcomes.menu = await answerOrFull(panel, panel.locator('section.answer'));

    console.log('flows with 50 kB left:', outcomes, 'bytes free at the end:', await sessionBytesFree(worker));
    // No spinner is left (the popup closed itself after "Continue in side panel").
    await expect(panel.locator('[aria-busy="true"]')).toHaveCount(0);
  } finally {
    await pages.close();
  }
});

test('when nothing more fits, the page says so with "Clear finished answers", answers still end, and a key is still saved', async ({
  context,
  worker,
  openPage,
}) => {
  const popup = new FeaturePage(await openPage('popup'));
  await popup.chooseFeature('Image Prompt');
  await popup.page.getByLabel('Subject').fill('a tidal turbine at dawn');
  await popup.run();
  await popup.waitForEnd();
  // Leave less room than a page of text needs.
  await fillSessionTo(worker, 2_000);

  // A draft that does not fit: the page says so, with the action.
  await popup.chooseFeature('Summarizer');
  const longText = 'Tides rise and fall; turbines turn. '.repeat(1_500);
  await popup.page.getByLabel('Text to summarize').fill(longText);
  const note = popup.page.getByRole('alert').filter({ hasText: FULL }).first();
  await expect(note).toBeVisible(WITHIN);
  await expect(note.getByRole('button', { name: 'Clear finished answers' })).toBeVisible();

  // A run that cannot be kept still answers, says it is not kept, and ends.
  await popup.run();
  await expect(popup.answer.getByRole('button', { name: 'Copy', exact: true })).toBeVisible(WITHIN);
  await expect(popup.answer).toContainText('this answer is not kept once this page closes', WITHIN);
  await expect(popup.page.locator('[aria-busy="true"]')).toHaveCount(0);

  // A key still fits, with not one byte left: session memory holds room for keys that nothing else may take.
  await fillSessionTo(worker, 0);
  expect(await sessionBytesFree(worker)).toBeLessThan(50);
  await popup.saveKey(KEY);
  expect(Object.keys(await storedKeys(context))).toEqual(['openai']);
  expect(await worker.evaluate(async () => Object.keys(await chrome.storage.session.get('session-reserve')))).toEqual([]);

  // The action does what it says: finished answers go, and the page confirms it.
  await note.getByRole('button', { name: 'Clear finished answers' }).click();
  await expect(popup.page.getByText('Finished answers cleared.').first()).toBeVisible(WITHIN);
  const left = await worker.evaluate(async () =>
    Object.keys(await chrome.storage.session.get(null)).filter((key) => key.startsWith('job.')),
  );
  expect(left).toEqual([]);
});
