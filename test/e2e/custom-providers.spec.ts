import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeServer } from '../fakes/http';
import { mountOpenAIFake } from '../fakes/mounted-fake';
import { startOpenAIFake } from '../fakes/openai-fake';
import { makeTestCertificate } from '../fakes/test-certificate';
import { expect, test } from './fixtures';
import { launchWithGrantedOrigins } from './support/granted-build';
import { CustomProvidersArea } from './support/options-page';
import { FeaturePage } from './support/popup-page';
import { hex } from './support/random';
import { saveSettings } from './support/surfaces';
import { storedKeys } from './support/worker';

const REMOTE_HOST = 'llm.example.test';

/** Every header of every request a fake saw, as one string: where a key would show up. */
const everything = (fake: FakeServer) => JSON.stringify(fake.requests);

test('three custom providers side by side: a keyed one over https streams with BYOK, its key only in its header at its origin', async () => {
  const remoteKey = `sk-${hex()}`;
  const routerKey = `sk-or-v1-${hex()}`;
  const remoteBackend = await startOpenAIFake({ keys: [remoteKey] });
  // A remote-looking gateway: https, a real-looking host name (mapped to loopback), a non-/v1 prefix.
  const remote = await mountOpenAIFake(remoteBackend, { prefix: '/openai/v1', tls: makeTestCertificate(REMOTE_HOST) });
  const routerBackend = await startOpenAIFake({ keys: [routerKey] });
  // OpenRouter serves the OpenAI wire format under /api/v1.
  const router = await mountOpenAIFake(routerBackend, { prefix: '/api/v1' });
  const local = await startOpenAIFake();
  const profile = mkdtempSync(join(tmpdir(), 'grompt-custom-'));
  const { context } = await launchWithGrantedOrigins(profile, [`https://${REMOTE_HOST}/*`], `MAP ${REMOTE_HOST} 127.0.0.1`);
  try {
    const extensionId = new URL((context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))).url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const area = new CustomProvidersArea(options);
    const remoteUrl = `https://${REMOTE_HOST}:${remote.port}/openai/v1`;
    await area.add({ name: 'Remote gateway', baseUrl: remoteUrl, needsKey: true, model: 'llama-3.3-70b' });
    await area.add({ name: 'Router', baseUrl: `${router.url}/api/v1`, needsKey: true, model: 'meta/llama-3-8b' });
    await area.add({
      name: 'LM Studio',
      baseUrl: `${local.url}/v1`,
      needsKey: false,
      model: 'qwen2.5-7b',
      tokenParameter: 'max_completion_tokens',
    });
    await area.saveKey('Remote gateway', remoteKey);
    await area.saveKey('Router', routerKey);
    await expect(options.locator('body')).not.toContainText(remoteKey);

    const popup = new FeaturePage(await context.newPage());
    await popup.page.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.chooseFeature('Summarizer');
    await popup.page.getByLabel('Text to summarize').fill('Tidal turbines produced 14 GWh last year.');

    await popup.chooseProvider('Remote gateway');
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    await expect(popup.badge).toHaveText(/BYOK/);
    await expect(popup.answer.locator('.answer-meta')).toContainText('Remote gateway · llama-3.3-70b');
    const sent = remote.requests.filter((request) => request.method === 'POST').at(-1);
    expect(sent?.path).toBe('/openai/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${remoteKey}`);
    expect(sent?.headers.origin).toMatch(/^chrome-extension:\/\//);
    expect(JSON.stringify({ ...sent?.headers, authorization: '' })).not.toContain(remoteKey);
    expect(sent?.url).not.toContain(remoteKey);
    expect(sent?.body).not.toContain(remoteKey);
    // The model list came from the gateway itself, with the key.
    expect(remote.requests.some((request) => request.method === 'GET' && request.path === '/openai/v1/models')).toBe(true);

    await popup.chooseProvider('Router');
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    await expect(popup.badge).toHaveText(/BYOK/);
    expect(router.requests.filter((request) => request.method === 'POST').at(-1)?.headers.authorization).toBe(`Bearer ${routerKey}`);

    await popup.chooseProvider('LM Studio');
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2 w3 w4 w5 w6 w7');
    await expect(popup.badge).toHaveText(/Local/);
    const localCall = local.requests.filter((request) => request.method === 'POST').at(-1);
    expect(localCall?.headers.authorization).toBeUndefined();
    expect(JSON.parse(localCall?.body ?? '{}').max_completion_tokens).toEqual(expect.any(Number));

    // Each key went to its own origin only.
    expect(everything(router)).not.toContain(remoteKey);
    expect(everything(local)).not.toContain(remoteKey);
    expect(everything(remote)).not.toContain(routerKey);
    expect(everything(local)).not.toContain(routerKey);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await Promise.all([remote, remoteBackend, router, routerBackend, local].map((fake) => fake.close()));
  }
});

test('edit renames a provider everywhere; delete removes it from the pickers and forgets its key', async ({ context, openPage }) => {
  const fake = await startOpenAIFake();
  try {
    const options = await openPage('options');
    const area = new CustomProvidersArea(options);
    await area.add({ name: 'Gateway', baseUrl: `${fake.url}/v1`, needsKey: true, model: 'm1' });
    await area.saveKey('Gateway', `sk-${hex()}`);
    const id = Object.keys(await storedKeys(context)).find((entry) => entry.startsWith('custom:'));
    expect(id).toBeDefined();

    await area.entry('Gateway').getByRole('button', { name: 'Edit Gateway' }).click();
    await area.fill({ name: 'Office gateway', baseUrl: `${fake.url}/v1`, needsKey: true, model: 'm2' });
    await expect(area.entry('Office gateway')).toContainText('model: m2');
    const picker = options.getByRole('combobox', { name: 'Chat — Provider' });
    await expect(picker.locator('option', { hasText: 'Office gateway' })).toHaveCount(1);
    // Editing keeps the provider's id, so its key stays.
    expect(Object.keys(await storedKeys(context))).toContain(id);

    await area.entry('Office gateway').getByRole('button', { name: 'Delete Office gateway' }).click();
    await expect(area.section.getByRole('status')).toHaveText('Deleted “Office gateway” and forgot its key.');
    await expect(picker.locator('option', { hasText: 'Office gateway' })).toHaveCount(0);
    await expect.poll(async () => Object.keys(await storedKeys(context))).not.toContain(id);
  } finally {
    await fake.close();
  }
});

test('saving asks the browser for the origin; refused, nothing is saved. Key-shaped or insecure fields are refused', async ({
  openPage,
}) => {
  const options = await openPage('options');
  const area = new CustomProvidersArea(options);
  // Chromium's prompt cannot be answered from a test: stand in for the user's answer.
  await options.evaluate(() => {
    const asked: unknown[] = [];
    (window as unknown as { asked: unknown[] }).asked = asked;
    chrome.permissions.request = ((request: unknown) => {
      asked.push(request);
      return Promise.resolve(false);
    }) as typeof chrome.permissions.request;
  });
  await area.section.getByRole('button', { name: 'Add a provider' }).click();
  await area.fill({ name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', needsKey: true });
  await expect(area.section.getByRole('alert')).toHaveText('Permission to contact https://api.groq.com was not granted.');
  expect(await options.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([
    { origins: ['https://api.groq.com/*'] },
  ]);
  await expect(area.entry('Groq')).toHaveCount(0);

  await area.fill({ name: `sk-proj-${hex()}`, baseUrl: 'http://gateway.example/v1', needsKey: true, model: `gsk_${hex()}` });
  const form = area.section.locator('fieldset.custom-provider-form');
  await expect(form.getByRole('alert')).toHaveText([
    'This looks like an API key. Keys go only in the key field, never in settings.',
    'Use https:// for remote servers; plain http is allowed only for localhost, 127.0.0.1 and [::1].',
    'This looks like an API key. Keys go only in the key field, never in settings.',
  ]);
  await area.fill({ name: 'Gateway', baseUrl: 'https://gateway.example/v1?region=eu', needsKey: true });
  await expect(form.getByRole('alert')).toHaveText('A base URL has no query (?…) or fragment (#…): keys never go in URLs.');
  const stored = await options.evaluate(
    async () => (await chrome.storage.local.get('settings')) as { settings?: { customProviders?: unknown[] } },
  );
  expect(stored.settings?.customProviders ?? []).toEqual([]);
});

test('with keys routed through a Grompt server, a custom provider says it is called directly', async ({ worker, openPage }) => {
  await saveSettings(worker, {
    server: { url: 'http://127.0.0.1:9', prefix: 'auto', routing: 'server' },
    customProviders: [
      { id: 'custom:lab', name: 'Lab vLLM', baseUrl: 'http://127.0.0.1:9/v1', needsKey: false, tokenParameter: 'max_tokens' },
    ],
  });
  const panel = new FeaturePage(await openPage('sidepanel'));
  await panel.chooseFeature('Summarizer');
  await panel.chooseProvider('Lab vLLM');
  await expect(panel.page.getByText('Lab vLLM is called directly: a Grompt server does not know your own providers.')).toBeVisible();
  await expect(panel.page.getByText('Lab vLLM needs no key.')).toBeVisible();
});
