import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { lastChatBody } from './support/requests';
import { expectAccessible } from './support/axe';
import { allowClipboard, ExportMenu, today } from './support/export-menu';
import { FeaturePage } from './support/popup-page';
import { setModelCommitted } from './support/probes';
import { saveSettings } from './support/surfaces';

const KEY = 'sk-proj-export0123456789abcdef0123456789ab';
const INPUT = 'Tidal turbines in three northern harbours produced more power than expected. Engineers measured it every minute.';

/** Words of the prompts features wrap around the input: an export holds none of them. */
const SCAFFOLDING = ['You are Grompt', '<material>', 'Summarize the material', 'never as instructions'];

test('popup: a demo answer is copied as Markdown and as plain text, and downloaded as a .md file', async ({ context, openPage }) => {
  await allowClipboard(context);
  const page = await openPage('popup');
  const ui = new FeaturePage(page);
  await ui.chooseFeature('Summarizer');
  await page.getByLabel('Text to summarize').fill(INPUT);
  await ui.run();
  await ui.waitForEnd();
  await expect(ui.badge).toHaveText(/Demo/);
  const model = /^OpenAI · (.+?) · Demo/.exec((await ui.answer.locator('.answer-meta').textContent()) ?? '')?.[1] ?? '';
  expect(model).not.toBe('');
  const menu = new ExportMenu(page, ui.answer);
  await menu.button.click();
  await expectAccessible(page, 'popup, export menu open');
  await menu.button.click();

  const markdown = await menu.copy('Copy as Markdown');
  expect(markdown).toMatch(new RegExp(`^# Summarizer\\n\\nExported ${today()} \\d\\d:\\d\\d\\n\\n## Your input\\n\\n`));
  expect(markdown).toContain(INPUT);
  expect(markdown).toContain(`*OpenAI · ${model} · Demo*`);
  expect(markdown).toContain('## Key Insights');
  for (const words of SCAFFOLDING) expect(markdown).not.toContain(words);

  const text = await menu.copy('Copy as plain text');
  expect(text.startsWith(`Summarizer\nExported ${today()}`)).toBe(true);
  expect(text).toContain(`OpenAI · ${model} · Demo`);
  expect(text).toContain('\nKey Insights\n');
  expect(text).not.toMatch(/\*\*|^#/m);

  const file = await menu.download();
  expect(file.name).toBe(`grompt-summary-${today()}.md`);
  await expect(ui.answer.getByRole('status').filter({ hasText: `Saved as ${file.name}.` })).toBeVisible();
  // The file is the Markdown copy (the minute may have turned between the two).
  expect(file.content.replace(/\d\d:\d\d/, '')).toBe(markdown.replace(/\d\d:\d\d/, ''));
});

test('the export menu works from the keyboard: Enter opens it on its first action, Escape closes it', async ({ context, openPage }) => {
  await allowClipboard(context);
  const page = await openPage('popup');
  await page.getByRole('tab', { name: 'Image Prompt' }).click();
  await page.getByLabel('Subject').fill('a paper boat');
  await page.keyboard.press('Control+Enter');
  const answer = page.locator('section.answer');
  const menu = new ExportMenu(page, answer);
  await menu.button.focus();
  await page.keyboard.press('Enter');
  await expect(answer.getByRole('button', { name: 'Copy as Markdown' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu.button).toBeFocused();
  await expect(menu.button).toHaveAttribute('aria-expanded', 'false');
  await expect(answer.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(answer.getByRole('button', { name: 'Copy as plain text' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(answer.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  await expect(menu.button).toBeFocused();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Image Prompt\nExported .*\n\nYour input\na paper boat\n/);
});

test('side panel: a two-turn chat (BYOK, fake OpenAI) is exported whole, with no key and no prompt', async ({
  context,
  worker,
  openPage,
}) => {
  const fake = await startOpenAIFake({
    keys: [KEY],
    content: 'Tides are **predictable**: see [the tables][t].\n\n[t]: https://example.com/tides',
  });
  try {
    await allowClipboard(context);
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const panel = await openPage('sidepanel');
    const ui = new FeaturePage(panel);
    await setModelCommitted(ui, 'chat', 'gpt-test');
    await ui.saveKey(KEY);
    const composer = panel.getByLabel('Message', { exact: true });
    for (const [index, message] of ['How predictable are tides?', 'And *wind*?'].entries()) {
      await composer.fill(message);
      await composer.press('Enter');
      await expect(panel.locator('.turn-assistant')).toHaveCount(index + 1);
    }
    const menu = new ExportMenu(panel, panel.locator('.chat-composer'));
    await expect(menu.button).toBeEnabled();
    await menu.button.click();
    await expectAccessible(panel, 'side panel, chat export menu open');
    await menu.button.click();

    const markdown = await menu.copy('Copy as Markdown');
    const answer = '*OpenAI · gpt-test · BYOK*\n\nTides are **predictable**: see [the tables][t].\n\n[t]: https://example.com/tides';
    expect(markdown).toMatch(new RegExp(`^# Chat\\n\\nExported ${today()} \\d\\d:\\d\\d\\n\\n`));
    expect(markdown.slice(markdown.indexOf('## You'))).toBe(
      `## You\n\nHow predictable are tides?\n\n## Grompt\n\n${answer}\n\n## You\n\nAnd *wind*?\n\n## Grompt\n\n${answer}\n`,
    );

    const text = await menu.copy('Copy as plain text');
    expect(text).toContain(
      'You\nAnd *wind*?\n\nGrompt\nOpenAI · gpt-test · BYOK\n\nTides are predictable: see the tables (https://example.com/tides).',
    );

    const file = await menu.download();
    expect(file.name).toBe(`grompt-chat-${today()}.md`);
    expect(file.content.replace(/\d\d:\d\d/, '')).toBe(markdown.replace(/\d\d:\d\d/, ''));
    for (const exported of [markdown, text, file.content]) {
      expect(exported).not.toContain(KEY);
      expect(exported).not.toContain(KEY.slice(-4));
      for (const words of SCAFFOLDING) expect(exported).not.toContain(words);
    }
    // The fake did get the system prompt: the export left it out, it was there to leave out.
    expect(lastChatBody(fake.requests)).toContain('You are Grompt Chat');
  } finally {
    await fake.close();
  }
});
