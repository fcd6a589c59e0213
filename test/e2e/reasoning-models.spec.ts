import AxeBuilder from '@axe-core/playwright';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { saveSettings } from './support/surfaces';
import { hex } from './support/random';

/** Today's models through the built extension: GPT-5 and o-series limits, reasoning shown apart, a missing model. */

const lastChatBody = (fake: FakeServer) =>
  JSON.parse(fake.requests.filter((request) => request.path.endsWith('/chat/completions')).at(-1)?.body ?? '{}') as Record<string, unknown>;

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

for (const model of ['gpt-5.6-luna', 'o4-mini']) {
  test(`${model} streams an answer through the strict OpenAI fake: BYOK, the limit sent as max_completion_tokens`, async ({
    worker,
    openPage,
  }) => {
    const key = `sk-proj-${hex()}`;
    const fake = await startOpenAIFake({ keys: [key] });
    try {
      await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
      const popup = new FeaturePage(await openPage('popup'));
      await popup.page.getByLabel('Text to summarize').fill('Tidal turbines produced 14 GWh last year; salmon counts did not change.');
      await popup.setModel(model);
      await popup.saveKey(key);
      await popup.run();
      await expect(popup.answer.locator('.markdown')).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
      await expect(popup.badge).toHaveText(/BYOK/);
      const body = lastChatBody(fake);
      expect(body.model).toBe(model);
      expect(body.max_completion_tokens).toBeGreaterThan(16_000);
      expect(body).not.toHaveProperty('max_tokens');
      expect(body).not.toHaveProperty('temperature');
    } finally {
      await fake.close();
    }
  });
}

test('a DeepSeek reasoner shows “Thinking…” live, then a collapsed Reasoning section and the answer; Copy and Insert carry only the answer', async ({
  worker,
  openTestPage,
  openPopup,
}) => {
  const key = `sk-${hex()}`;
  const reasoning = 'The reader wants the energy figure first. Salmon are a side note.';
  const answerStarts = gate();
  const fake = await startOpenAIFake({ api: 'deepseek', keys: [key], reasoning, beforeAnswer: answerStarts.opened });
  try {
    await saveSettings(worker, { baseUrls: { deepseek: fake.url } });
    const article = await openTestPage();
    await article.locator('#chat-input').focus();
    const popup = new FeaturePage(await openPopup());
    await popup.page.getByLabel('Text to summarize').fill('Tidal turbines produced 14 GWh last year; salmon counts did not change.');
    await popup.chooseProvider('DeepSeek');
    await popup.setModel('deepseek-v4-pro');
    await popup.saveKey(key);
    await popup.run();

    // The model reasons: a live counter, and the reasoning folded away (plain text, not the answer).
    const thinking = popup.answer.locator('.thinking');
    await expect(thinking).toContainText(/Thinking… [1-9]\d* s/);
    const section = popup.answer.locator('details.reasoning');
    await expect(section).toContainText(reasoning);
    await expect(section).not.toHaveAttribute('open');
    await expect(popup.answer.locator('.markdown')).toHaveCount(0);
    const results = await new AxeBuilder({ page: popup.page }).include('section.answer').analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);

    answerStarts.open();
    await expect(popup.answer.locator('.markdown')).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    await popup.waitForEnd();
    await expect(thinking).toHaveCount(0);
    await expect(section.locator('summary')).toHaveText(/^Reasoning \(\d+ s\)$/);
    await expect(section).not.toHaveAttribute('open');
    await expect(popup.answer.locator('.markdown')).not.toContainText('energy figure first');

    // Copy, then paste where a user would: what lands is the answer alone.
    await popup.answer.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(popup.answer.getByRole('button', { name: 'Copied' })).toBeVisible();
    const pasteHere = await article.evaluateHandle(() => document.body.appendChild(document.createElement('textarea')));
    await article.bringToFront();
    await pasteHere.asElement()?.focus();
    await article.keyboard.press('Control+V');
    expect(await pasteHere.evaluate((field) => (field as HTMLTextAreaElement).value)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    await article.locator('#chat-input').focus();
    await popup.answer.getByRole('button', { name: 'Insert into page' }).click();
    await expect(popup.page.getByText('Inserted')).toBeVisible();
    expect(await article.locator('#chat-input').inputValue()).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
  } finally {
    await fake.close();
  }
});

test('a <think> block from Ollama stays out of the answer: the paragraph right after </think> and the next both show', async ({
  worker,
  openPage,
}) => {
  const content =
    '<think>\nThe reader wants tides explained.\n\nOne analogy is enough.\n</think>Tides are the sea breathing in and out.\n\nThe Moon pulls the water toward it.';
  const ollama = await startOpenAIFake({ api: 'ollama', content, ollamaTags: ['qwen3:8b'] });
  try {
    await saveSettings(worker, { baseUrls: { ollama: ollama.url } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Why are there tides?');
    await popup.chooseProvider('Ollama (local)');
    await popup.setModel('qwen3:8b');
    await popup.run();
    const answer = popup.answer.locator('.markdown');
    await expect(answer.getByText('Tides are the sea breathing in and out.')).toBeVisible();
    await expect(answer.getByText('The Moon pulls the water toward it.')).toBeVisible();
    await expect(answer).not.toContainText('The reader wants tides');
    await expect(answer).not.toContainText('think');
    await expect(popup.badge).toHaveText(/Local/);
    await expect(popup.answer.locator('details.reasoning')).toContainText('One analogy is enough.');
  } finally {
    await ollama.close();
  }
});

test('a model silent for 60 s before its first token still answers (slow: 60 s of silence; Playwright keeps the worker alive)', async ({
  worker,
  openPage,
}) => {
  test.setTimeout(150_000);
  const key = `sk-proj-${hex()}`;
  const fake = await startOpenAIFake({ keys: [key], thinkingMs: 60_000 });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('A long think before a short answer.');
    await popup.setModel('gpt-5.6-sol');
    await popup.saveKey(key);
    const started = Date.now();
    await popup.run();
    await expect(popup.answer.locator('.thinking')).toContainText(/Thinking… [1-9]\d* s/);
    await expect(popup.answer.locator('.markdown')).toContainText('Answer w1 w2 w3 w4 w5 w6 w7', { timeout: 100_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(60_000);
    await expect(popup.answer.getByRole('alert')).toHaveCount(0);
  } finally {
    await fake.close();
  }
});

test('a model the provider does not have: the error names it, offers the provider’s models, and one click switches and runs again', async ({
  worker,
  openPage,
}) => {
  const key = `sk-proj-${hex()}`;
  const fake = await startOpenAIFake({ keys: [key], models: ['gpt-5.6-luna', 'gpt-5.6-terra', 'gpt-5.6-sol', 'gpt-4.1'] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Tidal turbines produced 14 GWh last year.');
    await popup.setModel('gpt-4.5-preview');
    await popup.saveKey(key);
    await popup.run();
    const alert = popup.answer.getByRole('alert');
    await expect(alert).toContainText('OpenAI does not know the model “gpt-4.5-preview”');
    await expect(alert).toContainText('Models OpenAI has:');
    const offers = alert.getByRole('button', { name: /^Use / });
    await expect(offers).toHaveText(['Use gpt-5.6-luna', 'Use gpt-5.6-terra', 'Use gpt-5.6-sol', 'Use gpt-4.1']);

    await alert.getByRole('button', { name: 'Use gpt-5.6-terra' }).click();
    await expect(popup.answer.locator('.markdown')).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    expect(lastChatBody(fake).model).toBe('gpt-5.6-terra');
    await expect(popup.answer.locator('.answer-meta')).toContainText('gpt-5.6-terra');
    // The choice is kept for the feature, as if picked in the provider bar.
    const settings = await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(settings).toMatchObject({ featureDefaults: { summarizer: { provider: 'openai', model: 'gpt-5.6-terra' } } });
  } finally {
    await fake.close();
  }
});
