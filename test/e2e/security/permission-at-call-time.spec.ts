import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startGromptFake } from '../../fakes/grompt-fake';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, launchExtension, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { hex } from '../support/random';
import { startTlsFront } from '../support/tls-front';

/** A host the manifest does not grant: access to it is the user's to give, and to take back. */
const HOST = 'gateway.grompt.test';
const PATTERN = `https://${HOST}/*`;

/**
 * The user's consent, as the browser records it when they accept the permission prompt. The
 * prompt is browser UI that Playwright cannot click; chrome://extensions' own API records the
 * same consent, and our Save button's permissions.request() is then granted without a prompt.
 */
async function recordConsent(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  await page.evaluate(
    ({ id, pattern }) =>
      (
        chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
      ).developerPrivate.addHostPermission(id, pattern),
    { id: extensionId, pattern: PATTERN },
  );
  await page.close();
}

/** What the user does in chrome://extensions when they withdraw the site access. */
async function revoke(worker: Worker): Promise<void> {
  expect(await worker.evaluate((pattern) => chrome.permissions.remove({ origins: [pattern] }), PATTERN)).toBe(true);
  expect(await worker.evaluate((pattern) => chrome.permissions.contains({ origins: [pattern] }), PATTERN)).toBe(false);
}

async function saveUrl(options: Page, label: string, url: string): Promise<void> {
  const input = options.getByLabel(label, { exact: true });
  await input.fill(url);
  await input.locator('xpath=ancestor::div[contains(@class, "field")][1]').getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved.', { exact: true })).toBeVisible();
}

async function withBrowser(front: { browserArgs: string[] }, run: (setup: Awaited<ReturnType<typeof launchExtension>>) => Promise<void>) {
  const profile = mkdtempSync(join(tmpdir(), 'grompt-permission-'));
  const setup = await launchExtension(profile, { extraArgs: front.browserArgs });
  try {
    await run(setup);
  } finally {
    await setup.context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const chatRequests = (fake: FakeServer) => fake.requests.filter((request) => request.path.endsWith('/chat/completions'));

test('a base URL whose access was withdrawn gets no request and says why; "Grant access" asks again and retries', async () => {
  const key = `sk-test-${hex()}`;
  const fake = await startOpenAIFake({ keys: [key] });
  const front = await startTlsFront(fake.port, HOST);
  try {
    await withBrowser(front, async ({ context, worker, extensionId }) => {
      await recordConsent(context, extensionId);
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await saveUrl(options, 'OpenAI — Base URL', `${front.url}/v1`);
      expect(await worker.evaluate((pattern) => chrome.permissions.contains({ origins: [pattern] }), PATTERN)).toBe(true);

      // Granted: the request goes out, key in its header.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const popup = new FeaturePage(page);
      await page.getByLabel('Text to summarize').fill('Tides are predictable; turbines use them.');
      await popup.saveKey(key);
      await popup.run();
      await expect(popup.answer).toContainText('Answer w1 w2');
      expect(chatRequests(fake)).toHaveLength(1);
      expect(chatRequests(fake)[0]?.headers.authorization).toBe(`Bearer ${key}`);

      // Withdrawn: nothing leaves, and the answer says why.
      await revoke(worker);
      await popup.run();
      const alert = popup.answer.getByRole('alert');
      await expect(alert).toContainText(`Access to ${new URL(front.url).host} was withdrawn in the browser, so nothing was sent.`);
      expect(chatRequests(fake)).toHaveLength(1);

      // "Grant access" asks the browser again (inside the click) and runs the request again.
      await alert.getByRole('button', { name: 'Grant access' }).click();
      await expect(popup.answer).toContainText('Answer w1 w2');
      expect(chatRequests(fake)).toHaveLength(2);
    });
  } finally {
    await front.close();
    await fake.close();
  }
});

test('a Grompt server whose access was withdrawn gets no request either (key or no key)', async () => {
  const key = `sk-test-${hex()}`;
  const server = await startGromptFake({ prefix: '/api/v1', validKeys: [key] });
  const front = await startTlsFront(server.port, HOST);
  try {
    await withBrowser(front, async ({ context, worker, extensionId }) => {
      await recordConsent(context, extensionId);
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await saveUrl(options, 'Server URL', front.url);
      await options.getByLabel('Send through the Grompt server (key in X-API-Key)').check();

      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const popup = new FeaturePage(page);
      await page.getByLabel('Text to summarize').fill('Tides are predictable; turbines use them.');
      await popup.saveKey(key);
      await popup.run();
      await expect(popup.badge).toHaveText(/BYOK/);
      const unified = () => server.requests.filter((request) => request.path.endsWith('/unified'));
      expect(unified()).toHaveLength(1);
      expect(unified()[0]?.headers['x-api-key']).toBe(key);

      await revoke(worker);
      const before = server.requests.length;
      await popup.run();
      await expect(popup.answer.getByRole('alert')).toContainText('was withdrawn in the browser, so nothing was sent');
      expect(server.requests).toHaveLength(before);
    });
  } finally {
    await front.close();
    await server.close();
  }
});
