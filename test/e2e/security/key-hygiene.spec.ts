import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage } from '@playwright/test';
import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import { startGromptFake } from '../../fakes/grompt-fake';
import type { FakeServer, RecordedRequest } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, launchExtension, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { scanProfile } from '../support/profile-scan';
import { saveSettings } from '../support/surfaces';
import { stopServiceWorker } from '../support/worker';
import { hex } from '../support/random';

/** A unique key per run, one per provider format; each must never reach disk or a log. */
const CANARIES = {
  openai: `sk-test-${hex()}`,
  deepseek: `sk-test-${hex()}`,
  claude: `sk-ant-test-${hex()}`,
  gemini: `AIza${hex(17).slice(0, 35)}`,
  /** Rejected by its provider, whose 401 echoes a masked copy of it. */
  rejected: `sk-test-${hex()}`,
};
const CONTROL = `control-${hex()}`;

const FEATURES = [
  { tab: 'Prompt Crafter', field: 'Your ideas (one per line)', input: 'a bakery site' },
  { tab: 'Code Generator', field: 'What should the code do?', input: 'list orders' },
  { tab: 'Summarizer', field: 'Text to summarize', input: 'Tides are predictable. Turbines use them.' },
  { tab: 'Image Prompt', field: 'Subject', input: 'a red fox' },
  { tab: 'Chat', field: 'Message', input: 'What is a tide?' },
];

function captureConsole(context: BrowserContext, lines: string[]): void {
  const record = (source: string) => (message: ConsoleMessage) => lines.push(`${source}: ${message.text()}`);
  context.on('console', record('page'));
  context.on('page', (page) => page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`)));
  for (const worker of context.serviceWorkers()) worker.on('console', record('worker'));
  context.on('serviceworker', (worker) => worker.on('console', record('worker')));
}

/** Where a secret appeared in a fake's request log: a header name, or "url"/"body". */
function placesOf(secret: string, requests: RecordedRequest[]): string[] {
  const places: string[] = [];
  for (const request of requests) {
    if (request.url.includes(secret)) places.push('url');
    if (request.body.includes(secret)) places.push('body');
    for (const [name, value] of Object.entries(request.headers)) if (value.includes(secret)) places.push(name);
  }
  return [...new Set(places)];
}

test('a typed key never reaches disk, a log line, or any host but its own provider (or the chosen Grompt server)', async () => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'grompt-canary-'));
  const fakes: Record<string, FakeServer> = {
    openai: await startOpenAIFake({ keys: [CANARIES.openai] }),
    deepseek: await startOpenAIFake({ api: 'deepseek', keys: [CANARIES.deepseek] }),
    chatgpt: await startOpenAIFake({ keys: ['sk-only-this-one-0000000000000000'] }),
    claude: await startAnthropicFake({ keys: [CANARIES.claude] }),
    gemini: await startGeminiFake({ keys: [CANARIES.gemini] }),
    grompt: await startGromptFake({ prefix: '/api/v1', validKeys: [CANARIES.openai] }),
  };
  const consoleLines: string[] = [];
  let scanned = { files: 0, bytes: 0 };
  try {
    const { context, worker } = await launchExtension(profile);
    captureConsole(context, consoleLines);
    await saveSettings(worker, {
      timeoutSeconds: 5,
      baseUrls: {
        openai: `${fakes.openai?.url}/v1`,
        chatgpt: `${fakes.chatgpt?.url}/v1`,
        deepseek: fakes.deepseek?.url,
        claude: fakes.claude?.url,
        gemini: fakes.gemini?.url,
      },
    });
    const extensionId = new URL(worker.url()).host;
    const popupPage = await context.newPage();
    await popupPage.goto(`chrome-extension://${extensionId}/popup.html`);
    const popup = new FeaturePage(popupPage);

    // Every feature, directly against the provider, with a key typed into the password field.
    for (const [index, feature] of FEATURES.entries()) {
      await popup.chooseFeature(feature.tab);
      await popupPage.getByLabel(feature.field, { exact: true }).fill(feature.input);
      if (index === 0) {
        await popup.chooseProvider('OpenAI');
        await popup.setModel('gpt-test');
        await popup.saveKey(CANARIES.openai);
      }
      await popup.run();
      await expect(popup.badge).toHaveText(/BYOK/);
      await popup.waitForEnd();
    }

    // The other providers, a 401 that echoes the key, a 500, a timeout and a network failure.
    await popup.chooseFeature('Summarizer');
    await popupPage.getByLabel('Text to summarize', { exact: true }).fill('A short text.');
    const runWith = async (provider: string, model: string, key?: string) => {
      await popup.chooseProvider(provider);
      await popup.setModel(model);
      if (key) await popup.saveKey(key);
      await popup.run();
      await popup.waitForEnd();
    };
    await runWith('Anthropic Claude', 'claude-test', CANARIES.claude);
    await expect(popup.answer).toContainText('Answer w1');
    await runWith('Google Gemini', 'gemini-test', CANARIES.gemini);
    await expect(popup.answer).toContainText('Answer w1');
    await runWith('DeepSeek', 'deepseek-chat', CANARIES.deepseek);
    await expect(popup.answer).toContainText('Answer w1');
    await runWith('ChatGPT', 'chatgpt-4o-latest', CANARIES.rejected);
    await expect(popup.answer.getByRole('alert')).toContainText('rejected the API key');
    await runWith('Google Gemini', 'fault-500');
    await expect(popup.answer.getByRole('alert')).toContainText('internal error');
    await runWith('OpenAI', 'fault-hang');
    await expect(popup.answer.getByRole('alert')).toContainText('did not answer in time');
    await saveSettings(worker, {
      baseUrls: { deepseek: 'http://127.0.0.1:9', openai: `${fakes.openai?.url}/v1`, claude: fakes.claude?.url, gemini: fakes.gemini?.url },
    });
    await runWith('DeepSeek', 'deepseek-chat');
    await expect(popup.answer.getByRole('alert')).toContainText('Could not reach DeepSeek');

    // Through the Grompt server: the key goes in X-API-Key; a rejected one comes back echoed in plain text.
    await saveSettings(worker, { server: { url: fakes.grompt?.url, prefix: 'auto', routing: 'server' } });
    await runWith('OpenAI', 'gpt-test');
    await expect(popup.answer).toContainText('Answer from openai (byok)');
    await runWith('ChatGPT', 'chatgpt-4o-latest');
    await expect(popup.answer.getByRole('alert')).toContainText('rejected the API key');
    await saveSettings(worker, { server: { url: '', prefix: 'auto', routing: 'direct' } });

    // The side panel, opened and closed; the options page, which lists the keys' masks.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByLabel('Message', { exact: true }).fill('Hello');
    await panel.getByLabel('Message', { exact: true }).press('Enter');
    await expect(panel.locator('.turn-assistant')).toHaveCount(1);
    await panel.close();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByText('OpenAI:')).toBeVisible();
    await expect(options.locator('body')).not.toContainText(CANARIES.openai);

    // The worker is stopped (as Chrome does when idle); the key is still there, no re-prompt.
    await stopServiceWorker(context, options);
    await runWith('OpenAI', 'gpt-test');
    await expect(popup.badge).toHaveText(/BYOK/);
    await expect(popup.answer).toContainText('Answer w1');

    // Positive control: the same scan must find a string we did write to disk on purpose.
    await worker.evaluate((control) => chrome.storage.local.set({ control }), CONTROL);
    await context.close();

    const scan = scanProfile(profile, { ...CANARIES, control: CONTROL });
    scanned = { files: scan.files, bytes: scan.bytes };
    console.log(`profile scan: ${scan.files} files, ${(scan.bytes / 1e6).toFixed(1)} MB, hits:`, scan.hits);
    expect(scan.hits.control?.length, 'the control string written to storage.local must be found').toBeGreaterThan(0);
    for (const label of Object.keys(CANARIES)) expect(scan.hits[label], `${label} key on disk`).toEqual([]);
  } finally {
    for (const fake of Object.values(fakes)) await fake.close();
    rmSync(profile, { recursive: true, force: true });
  }

  // Nothing in any console: not the key, not its first 8 or last 4 characters. Our own marker
  // is left out of the search (a key may end in "edac", which "[redacted]" contains).
  expect(consoleLines.length).toBeGreaterThan(0);
  const withoutMarkers = consoleLines.map((line) => line.replaceAll('[redacted]', '·'));
  for (const [label, secret] of Object.entries(CANARIES)) {
    for (const fragment of [secret, secret.slice(0, 8), secret.slice(-4)]) {
      expect(
        withoutMarkers.filter((line) => line.includes(fragment)),
        `${label} fragment "${fragment}" in the console`,
      ).toEqual([]);
    }
  }

  // Each key went only to its own provider, in its key header; the OpenAI key also to the chosen Grompt server.
  const requests = Object.fromEntries(Object.entries(fakes).map(([name, fake]) => [name, fake.requests]));
  expect(placesOf(CANARIES.openai, requests.openai ?? [])).toEqual(['authorization']);
  expect(placesOf(CANARIES.openai, requests.grompt ?? [])).toEqual(['x-api-key']);
  expect(placesOf(CANARIES.deepseek, requests.deepseek ?? [])).toEqual(['authorization']);
  expect(placesOf(CANARIES.claude, requests.claude ?? [])).toEqual(['authorization']);
  expect(placesOf(CANARIES.gemini, requests.gemini ?? [])).toEqual(['x-goog-api-key']);
  expect(placesOf(CANARIES.rejected, requests.chatgpt ?? [])).toEqual(['authorization']);
  for (const [label, secret] of Object.entries(CANARIES)) {
    for (const [name, list] of Object.entries(requests)) {
      const expected = placesOf(secret, list);
      const allowed =
        label === name || (label === 'rejected' && (name === 'chatgpt' || name === 'grompt')) || (label === 'openai' && name === 'grompt');
      if (!allowed) expect(expected, `${label} key sent to the ${name} fake`).toEqual([]);
    }
  }
  console.log(`scanned ${scanned.files} files; console lines checked: ${consoleLines.length}`);
});
