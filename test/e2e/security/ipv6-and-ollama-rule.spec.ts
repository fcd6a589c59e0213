import type { Page, Worker } from '@playwright/test';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';

const URL_FIELDS = [
  'OpenAI — Base URL',
  'ChatGPT — Base URL',
  'Anthropic Claude — Base URL',
  'Google Gemini — Base URL',
  'DeepSeek — Base URL',
  'Ollama (local) — Base URL',
  'Server URL',
];

/** Types a URL into an options field and saves it with the field's own Save button; returns what the field then says. */
async function saveUrl(options: Page, label: string, url: string) {
  const input = options.getByLabel(label, { exact: true });
  const field = input.locator('xpath=ancestor::div[contains(@class, "field")][1]');
  await input.fill(url);
  await field.getByRole('button', { name: 'Save' }).click();
  return field.locator('[role="status"], [role="alert"]');
}

async function sessionRules(worker: Worker) {
  return worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
}

test('http://[::1] (IPv6 loopback) saves in every URL field, with no permission prompt', async ({ worker, openPage }) => {
  const options = await openPage('options');
  for (const label of URL_FIELDS) {
    await expect(await saveUrl(options, label, 'http://[::1]:11434'), label).toHaveText('Saved.');
  }
  const stored = await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);
  expect(stored).toMatchObject({
    baseUrls: { openai: 'http://[::1]:11434', claude: 'http://[::1]:11434', ollama: 'http://[::1]:11434' },
    server: { url: 'http://[::1]:11434' },
  });
  expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['http://[::1]/*'] }))).toBe(true);
});

test('a save that fails says so under the field (no silent failure)', async ({ worker, openPage }) => {
  const options = await openPage('options');
  // Fill storage.local to its quota, so the next write of the settings fails in the browser.
  await worker.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 64) });
  });
  const said = await saveUrl(options, 'Ollama (local) — Base URL', 'http://[::1]:11434');
  await expect(said).toHaveAttribute('role', 'alert');
  await expect(said).toContainText('Could not save:');
  await expect(said).toContainText(/quota/i);
  // Any other setting too: the page says so at the top.
  await options.getByLabel('Give up waiting for an answer after (seconds)').fill('45');
  await expect(options.locator('main > [role="alert"]')).toContainText(/Could not save: .*quota/i);
});

test('Ollama over IPv6: its Origin rule exists only while Ollama is chosen, for our requests from no tab', async ({ worker, openPage }) => {
  const ollama = await startOpenAIFake({ host: '::1', rejectExtensionOrigins: true });
  try {
    expect(ollama.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    // Never chosen: no rule at all.
    expect(await sessionRules(worker)).toEqual([]);

    const options = await openPage('options');
    await expect(await saveUrl(options, 'Ollama (local) — Base URL', ollama.url)).toHaveText('Saved.');
    expect(await sessionRules(worker)).toEqual([]);

    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Local models need no key.');
    await popup.chooseProvider('Ollama (local)');
    await expect.poll(async () => (await sessionRules(worker)).length).toBe(1);
    const [rule] = await sessionRules(worker);
    expect(rule?.condition).toMatchObject({ urlFilter: `|${ollama.url}/`, tabIds: [-1] });
    expect(rule?.condition.initiatorDomains).toHaveLength(1);

    await popup.setModel('llama3.2:latest');
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2 w3');
    await expect(popup.badge).toHaveText(/Local/);
    expect(ollama.requests.filter((request) => request.path === '/v1/chat/completions').at(-1)?.headers.origin).toBeUndefined();

    // Chosen no more (and the successful call was this session's): the rule stays for the session...
    await popup.chooseProvider('OpenAI');
    await expect.poll(async () => (await sessionRules(worker)).length).toBe(1);
  } finally {
    await ollama.close();
  }
});

test('the Ollama rule goes away when Ollama is no longer chosen and was never used', async ({ worker, openPage }) => {
  const popup = new FeaturePage(await openPage('popup'));
  await popup.chooseProvider('Ollama (local)');
  await expect.poll(async () => (await sessionRules(worker)).length).toBe(1);
  await popup.chooseProvider('Anthropic Claude');
  await expect.poll(async () => (await sessionRules(worker)).length).toBe(0);
});
