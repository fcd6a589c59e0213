import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchExtension, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { openPopupOver, selectText } from './support/surfaces';

// Screenshots land in docs/screenshots when asked for (UPDATE_SCREENSHOTS=1), else with the test results.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test(`popup, side panel and options pass axe (no serious or critical issue), ${scheme}, and are captured`, async ({ pageServer }) => {
    const profile = mkdtempSync(join(tmpdir(), 'grompt-look-'));
    const { context, worker, extensionId } = await launchExtension(profile, { colorScheme: scheme });
    try {
      mkdirSync(SHOTS, { recursive: true });
      const article = await context.newPage();
      await article.goto(`${pageServer.url}/article.html`);
      await selectText(article, '#lead');
      const popup = await openPopupOver(context, worker, extensionId);
      await popup.setViewportSize({ width: 440, height: 600 });
      await expect(popup.getByLabel('Text to summarize')).not.toHaveValue('');
      await popup.getByRole('button', { name: 'Run' }).click();
      await expect(popup.getByRole('button', { name: 'Copy' })).toBeVisible({ timeout: 20_000 });
      await expectAccessible(popup, 'popup');
      // The popup fits its window in the common case: no scrollbar.
      expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
      await popup.screenshot({ path: `${SHOTS}/popup-${scheme}.png` });

      const panel = await context.newPage();
      await panel.setViewportSize({ width: 420, height: 760 });
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      const composer = panel.getByLabel('Message', { exact: true });
      await composer.fill('How predictable is tidal energy compared with wind?');
      await composer.press('Enter');
      await expect(panel.locator('.turn-assistant')).toHaveCount(1, { timeout: 20_000 });
      await expectAccessible(panel, 'side panel');
      await panel.screenshot({ path: `${SHOTS}/sidepanel-${scheme}.png` });

      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await expectAccessible(options, 'options');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}

test('everything works from the keyboard: tabs with arrows, Ctrl+Enter runs, focus is visible', async ({ openPage }) => {
  const popup = await openPage('popup');
  await popup.getByRole('tab', { name: 'Summarizer' }).focus();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: 'Image Prompt' })).toBeFocused();
  await expect(popup.getByRole('tab', { name: 'Image Prompt' })).toHaveAttribute('aria-selected', 'true');
  await popup.getByLabel('Subject').focus();
  await popup.keyboard.type('a paper boat');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.locator('section.answer')).toContainText('Prompt: a paper boat');
  const outline = await popup.getByLabel('Subject').evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
});

test('language: the browser’s Portuguese picks pt-BR, and the options page switches it', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'grompt-lang-'));
  const { context, extensionId } = await launchExtension(profile, { locale: 'pt-BR' });
  try {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('tab', { name: 'Resumidor' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Executar' })).toBeVisible();
    await expect(popup.locator('html')).toHaveAttribute('lang', 'pt-BR');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await expect(options.getByRole('heading', { name: 'Grompt settings' })).toBeVisible();
    // Every open page follows at once.
    await expect(popup.getByRole('tab', { name: 'Summarizer' })).toBeVisible();
    await popup.getByLabel('Text to summarize').fill('Short text. Second sentence.');
    await popup.getByRole('button', { name: 'Run' }).click();
    await expect(popup.locator('section.answer')).toContainText('Key Insights');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
