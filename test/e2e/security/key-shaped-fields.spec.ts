import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, launchExtension, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { scanProfile } from '../support/profile-scan';
import { hex } from '../support/random';

/** A unique key per run for each field it is pasted into by mistake; none may reach disk. */
const CANARIES = {
  popupModel: `AIza${hex(18).slice(0, 35)}`,
  panelModel: `sk-proj-${hex()}`,
  defaultsModel: `sk-ant-api03-${hex()}`,
  baseUrlPath: `sk-${hex()}`,
  baseUrlQuery: hex(20),
  serverUrl: `gsk_${hex()}`,
  credentials: hex(24),
};
const CONTROL = `control-${hex()}`;
const KEY_SHAPED = 'This looks like an API key. Keys go in the key field, never here: nothing was saved.';

/** The message under a field, in its own .field box. */
function messageOf(input: Locator): Locator {
  return input.locator('xpath=ancestor::div[contains(@class, "field")][1]').getByRole('alert');
}

async function pasteIntoUrlField(options: Page, label: string, value: string): Promise<Locator> {
  const input = options.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.locator('xpath=ancestor::div[contains(@class, "field")][1]').getByRole('button', { name: 'Save' }).click();
  return input;
}

test('a key pasted into a model, base URL or server URL field is refused, and never reaches disk', async () => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'grompt-key-shaped-'));
  try {
    const { context, worker, extensionId } = await launchExtension(profile);
    const open = async (name: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html`);
      return page;
    };

    // The popup's Model field (the Gemini key in the Model field went into storage.local, and into Gemini's URL path).
    const popup = new FeaturePage(await open('popup'));
    await popup.chooseProvider('Google Gemini');
    await popup.openProviderBar();
    const popupModel = popup.page.getByLabel('Model', { exact: true });
    const before = await popupModel.inputValue();
    await popupModel.fill(CANARIES.popupModel);
    await popupModel.press('Enter');
    await expect(popup.page.getByRole('alert').filter({ hasText: KEY_SHAPED })).toBeVisible();
    await expect(popupModel).toHaveValue(before);

    // The side panel's Model field, left with Tab (it saves on blur).
    const panel = await open('sidepanel');
    const panelModel = panel.getByLabel('Model', { exact: true }).first();
    await panelModel.fill(CANARIES.panelModel);
    await panelModel.press('Tab');
    await expect(panel.getByRole('alert').filter({ hasText: KEY_SHAPED })).toBeVisible();
    await expect(panelModel).not.toHaveValue(CANARIES.panelModel);

    // The options page: a feature's default model, base URLs (path, query, credentials), the server URL.
    const options = await open('options');
    const defaultsModel = options.getByLabel('Summarizer — Model', { exact: true });
    await defaultsModel.fill(CANARIES.defaultsModel);
    await defaultsModel.press('Tab');
    await expect(options.getByRole('alert').filter({ hasText: KEY_SHAPED })).toBeVisible();
    for (const [label, url] of [
      ['OpenAI — Base URL', `https://gateway.example.com/${CANARIES.baseUrlPath}/v1`],
      ['Google Gemini — Base URL', `https://gateway.example.com/v1beta?key=${CANARIES.baseUrlQuery}`],
      ['DeepSeek — Base URL', `https://user:${CANARIES.credentials}@gateway.example.com/v1`],
      ['Server URL', `http://localhost:8080/api?token=${CANARIES.serverUrl}`],
    ] as const) {
      const input = await pasteIntoUrlField(options, label, url);
      await expect(messageOf(input), label).toHaveText(KEY_SHAPED);
      await expect(input, `${label}: the key is taken off the screen`).toHaveValue('');
    }
    // Not key-shaped, but no place for one either: a query string, a user name and password.
    await expect(
      messageOf(await pasteIntoUrlField(options, 'Anthropic Claude — Base URL', 'https://gateway.example.com/v1?team=7')),
    ).toContainText('Remove the query string');
    await expect(
      messageOf(await pasteIntoUrlField(options, 'ChatGPT — Base URL', 'https://me:secret@gateway.example.com/v1')),
    ).toContainText('Remove the user name and password');

    // Ordinary values still save.
    await popupModel.fill('gemini-2.5-pro');
    await popupModel.press('Enter');
    await expect
      .poll(() => worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('settings')).settings)))
      .toContain('gemini-2.5-pro');

    const stored = await worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    for (const [label, canary] of Object.entries(CANARIES)) expect(stored, label).not.toContain(canary);

    // Positive control: the same scan must find a string we did write to disk on purpose.
    await worker.evaluate((control) => chrome.storage.local.set({ control }), CONTROL);
    await context.close();
    const scan = scanProfile(profile, { ...CANARIES, control: CONTROL });
    console.log(`profile scan: ${scan.files} files, ${(scan.bytes / 1e6).toFixed(1)} MB, hits:`, scan.hits);
    expect(scan.hits.control?.length, 'the control string written to storage.local must be found').toBeGreaterThan(0);
    for (const label of Object.keys(CANARIES)) expect(scan.hits[label], `${label} on disk`).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
