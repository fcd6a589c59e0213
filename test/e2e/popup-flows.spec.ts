import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { saveSettings, selectText } from './support/surfaces';

const KEY = 'sk-proj-popupflows0123456789abcdef012345';

test('closing the popup mid-answer loses nothing: the answer finishes and is there when it reopens', async ({ worker, openPage }) => {
  const fake = await startOpenAIFake({ keys: [KEY] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('A text the user wanted summarized.');
    await popup.setModel('slow');
    await popup.saveKey(KEY);
    await popup.run();
    await expect(popup.answer).toContainText('w3');
    await popup.page.close();

    // The answer keeps streaming in the background; the toolbar icon says one is waiting.
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 30_000 }).toBe('1');
    const reopened = new FeaturePage(await openPage('popup'));
    await expect(reopened.answer).toContainText('w199');
    await expect(reopened.badge).toHaveText(/BYOK/);
    await expect(reopened.page.getByLabel('Text to summarize')).toHaveValue('A text the user wanted summarized.');
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    expect(fake.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
  } finally {
    await fake.close();
  }
});

test('the popup opens pre-filled with the selection, read by the early script in its <head> before the page bundle ran', async ({
  openTestPage,
  openPopup,
  openPage,
}) => {
  const article = await openTestPage();
  const selection = await selectText(article, '#lead');
  const popup = await openPopup();
  await expect(popup.getByLabel('Text to summarize')).toHaveValue(selection.trim());
  // entrypoints/early-reads.ts started the reads (not the hooks' own fallback): if the <head>
  // script went missing the popup would still work, only later, and only the bench would show it.
  type EarlyWindow = Window & { __gromptEarlyReads?: { surface: string; pending: Record<string, unknown> } };
  const started = (page: typeof popup) =>
    page.evaluate(() => {
      const reads = (window as EarlyWindow).__gromptEarlyReads;
      return reads ? { surface: reads.surface, reads: Object.keys(reads.pending).sort() } : undefined;
    });
  expect(await started(popup)).toEqual({ surface: 'popup', reads: ['drafts', 'selection', 'settings', 'tab'] });
  expect(await started(await openPage('sidepanel'))).toEqual({ surface: 'sidepanel', reads: ['drafts', 'settings', 'tab'] });
});

test('"Insert into page" puts the answer into the field that had focus, as typing would', async ({ openTestPage, openPopup }) => {
  const article = await openTestPage();
  await article.evaluate(() => {
    const field = document.querySelector<HTMLTextAreaElement>('#chat-input');
    field?.addEventListener('input', () => {
      (window as unknown as { inputEvents: number }).inputEvents = ((window as unknown as { inputEvents?: number }).inputEvents ?? 0) + 1;
    });
    field?.focus();
  });
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Prompt Crafter' }).click();
  await popup.getByLabel('Your ideas (one per line)').fill('explain tides to a child\nuse one analogy');
  await popup.getByRole('button', { name: 'Run' }).click();
  await expect(popup.getByRole('button', { name: 'Insert into page' })).toBeVisible({ timeout: 20_000 });
  await popup.getByRole('button', { name: 'Insert into page' }).click();
  await expect(popup.getByText('Inserted')).toBeVisible();
  const inserted = await article.locator('#chat-input').inputValue();
  expect(inserted).toContain('# Persona');
  expect(inserted).toContain('explain tides to a child');
  // The page's own listeners saw it, as they would a user's typing (what chat apps rely on).
  expect(await article.evaluate(() => (window as unknown as { inputEvents?: number }).inputEvents ?? 0)).toBeGreaterThan(0);
});

test('with nothing selected, "Use the whole page" takes the article, not the menus and footer', async ({ openTestPage, openPopup }) => {
  await openTestPage();
  const popup = await openPopup();
  await expect(popup.getByText('Nothing is selected on this page.')).toBeVisible();
  await popup.getByRole('button', { name: 'Use the whole page' }).click();
  const field = popup.getByLabel('Text to summarize');
  await expect(field).toHaveValue(/Tidal turbines installed in three northern harbours/);
  await expect(field).toHaveValue(/divers can work only at slack tide/);
  await expect(field).not.toHaveValue(/Home · News · Contact|© Harbour Times/);
});

test('pages extensions cannot read get a clear note, and pasting still works', async ({ context, openPopup }) => {
  const restricted = await context.newPage();
  await restricted.goto('chrome://version');
  const popup = await openPopup();
  await expect(popup.getByText(/Extensions cannot read this page/)).toBeVisible();
  await popup.getByLabel('Text to summarize').fill('Pasted text instead. It still works.');
  await popup.getByRole('button', { name: 'Run' }).click();
  await expect(popup.locator('section.answer .badge')).toHaveText(/Demo/);
});

test('"Continue in side panel" moves the finished answer and its form to the side panel', async ({ openPage }) => {
  const popup = new FeaturePage(await openPage('popup'));
  await popup.chooseFeature('Image Prompt');
  await popup.page.getByLabel('Subject').fill('a glass greenhouse at night');
  await popup.run();
  await popup.waitForEnd();
  await popup.answer.getByRole('button', { name: 'Continue in side panel' }).click();
  const panel = await openPage('sidepanel');
  await expect(panel.getByRole('tab', { name: 'Image Prompt' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('Subject')).toHaveValue('a glass greenhouse at night');
  await expect(panel.locator('section.answer')).toContainText('Prompt: a glass greenhouse at night');
});
