import { startAnthropicFake } from '../fakes/anthropic-fake';
import { startGeminiFake } from '../fakes/gemini-fake';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { saveSettings } from './support/surfaces';
import { storedKeys } from './support/worker';
import { hex } from './support/random';

const CASES = [
  { id: 'openai', label: 'OpenAI', key: `sk-proj-${hex()}`, header: 'authorization' },
  { id: 'chatgpt', label: 'ChatGPT', key: `sk-${hex()}`, header: 'authorization' },
  { id: 'deepseek', label: 'DeepSeek', key: `sk-${hex()}`, header: 'authorization' },
  { id: 'claude', label: 'Anthropic Claude', key: `sk-ant-api03-${hex()}`, header: 'authorization' },
  { id: 'gemini', label: 'Google Gemini', key: `AIza${hex()}${hex().slice(0, 3)}`, header: 'x-goog-api-key' },
] as const;

for (const provider of CASES) {
  test(`${provider.label}: a key typed in the popup streams an answer through the real SDK in the service worker`, async ({
    worker,
    openPage,
  }) => {
    let fake: FakeServer;
    let baseUrl: string;
    if (provider.id === 'claude') {
      fake = await startAnthropicFake({ keys: [provider.key] });
      baseUrl = fake.url;
    } else if (provider.id === 'gemini') {
      fake = await startGeminiFake({ keys: [provider.key] });
      baseUrl = fake.url;
    } else {
      fake = await startOpenAIFake({ keys: [provider.key], api: provider.id === 'deepseek' ? 'deepseek' : 'openai' });
      baseUrl = provider.id === 'deepseek' ? fake.url : `${fake.url}/v1`;
    }
    try {
      await saveSettings(worker, { baseUrls: { [provider.id]: baseUrl } });
      const popup = new FeaturePage(await openPage('popup'));
      await popup.chooseFeature('Summarizer');
      await popup.page.getByLabel('Text to summarize').fill('Tidal turbines produced 14 GWh last year.');
      await popup.chooseProvider(provider.label);
      await popup.setModel('test-model');
      await popup.saveKey(provider.key);
      await popup.run();
      await expect(popup.answer).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
      await expect(popup.badge).toHaveText(/BYOK/);
      await expect(popup.answer.locator('.answer-meta')).toContainText('test-model');

      const sent = fake.requests.filter((request) => request.method === 'POST').at(-1);
      expect(sent?.headers[provider.header]).toContain(provider.key);
      expect(sent?.headers.origin).toMatch(/^chrome-extension:\/\//);
      expect(sent?.url).not.toContain(provider.key);
      expect(sent?.body).not.toContain(provider.key);
      // The key field is write-only: the page never shows the key again.
      await expect(popup.page.locator('body')).not.toContainText(provider.key);
    } finally {
      await fake.close();
    }
  });
}

test('a key the provider rejects gives a clear error, never a fallback answer', async ({ worker, openPage }) => {
  const fake = await startOpenAIFake({ keys: ['sk-the-only-valid-key-0000000000'] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Some text.');
    const key = `sk-proj-${hex()}`;
    await popup.saveKey(key);
    await popup.run();
    await expect(popup.answer.getByRole('alert')).toContainText('OpenAI rejected the API key');
    await expect(popup.answer.getByRole('alert')).not.toContainText(key.slice(0, 8));
    await expect(popup.answer.getByRole('alert')).not.toContainText(key.slice(-4));
    await expect(popup.answer.locator('.markdown')).toHaveCount(0);
    await expect(popup.page.getByLabel('Text to summarize')).toHaveValue('Some text.');
  } finally {
    await fake.close();
  }
});

test('Stop aborts the call: the provider sees the connection close, the partial answer stays', async ({ worker, openPage }) => {
  const key = `sk-proj-${hex()}`;
  const fake = await startOpenAIFake({ keys: [key] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Some text.');
    await popup.setModel('slow');
    await popup.saveKey(key);
    await popup.run();
    await expect(popup.answer).toContainText('w3');
    const closed = fake.waitForClose();
    await popup.answer.getByRole('button', { name: 'Stop' }).click();
    expect((await closed).closedEarly).toBe(true);
    await expect(popup.answer).toContainText('Stopped. The partial answer is kept.');
    await expect(popup.answer).toContainText('Answer w1 w2');
  } finally {
    await fake.close();
  }
});

test('a key that looks like another company’s is not saved until the user confirms', async ({ context, openPage }) => {
  const popup = new FeaturePage(await openPage('popup'));
  await popup.openProviderBar();
  await popup.page.getByLabel('Use my own API key').check();
  const field = popup.page.getByRole('textbox', { name: / API key$/ });
  await field.fill(`sk-ant-api03-${hex()}`);
  await expect(popup.page.getByRole('alert')).toContainText('This key looks like one from Anthropic, not from OpenAI');
  await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
  // The first click only asks; nothing has been sent to the background yet.
  await expect(popup.page.getByRole('button', { name: 'Save anyway' })).toBeVisible();
  expect(await storedKeys(context)).toEqual({});
  await popup.page.getByRole('button', { name: 'Save anyway' }).click();
  await expect(popup.page.getByText(/Key saved for this browser session/)).toBeVisible();
  expect(Object.keys(await storedKeys(context))).toEqual(['openai']);
});
