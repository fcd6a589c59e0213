import { startGromptFake } from '../../fakes/grompt-fake';
import { expect, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { saveSettings } from '../support/surfaces';
import { storedKeys } from '../support/worker';
import { hex } from '../support/random';

test('a Grompt server answering 307 to another host never gets the key forwarded there', async ({ worker, openPage }) => {
  const key = `sk-test-${hex()}`;
  const target = await startGromptFake({ prefix: '/api/v1', validKeys: [key] });
  const redirecting = await startGromptFake({ prefix: '/api/v1', redirectTo: target.url });
  try {
    await saveSettings(worker, { server: { url: redirecting.url, prefix: '/api/v1', routing: 'server' } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Redirect me.');
    await popup.saveKey(key);
    await popup.run();
    await expect(popup.answer.getByRole('alert')).toContainText('tried to redirect the request elsewhere');
    expect(redirecting.requests.at(-1)?.headers['x-api-key']).toBe(key);
    expect(target.requests).toHaveLength(0);
  } finally {
    await target.close();
    await redirecting.close();
  }
});

test('"Forget" removes the key from session storage; the next answer follows the hierarchy (server, then demo)', async ({
  context,
  worker,
  openPage,
}) => {
  const key = `sk-test-${hex()}`;
  const server = await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'] });
  try {
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('Forget me.');
    await popup.saveKey(key);
    await popup.page.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect(popup.page.getByText(/Key saved/)).toHaveCount(0);
    expect(await storedKeys(context)).toEqual({});

    await saveSettings(worker, { server: { url: server.url, prefix: 'auto', routing: 'direct' } });
    await popup.run();
    await expect(popup.badge).toHaveText(/Server/);
    expect(server.requests.at(-1)?.headers['x-api-key']).toBeUndefined();

    await saveSettings(worker, { server: { url: '', prefix: 'auto', routing: 'direct' } });
    await popup.run();
    await expect(popup.badge).toHaveText(/Demo/);
  } finally {
    await server.close();
  }
});

test('keys unused for the idle time are forgotten by the alarm, even with no page open', async ({ context, worker, openPage }) => {
  const popup = new FeaturePage(await openPage('popup'));
  await popup.saveKey(`sk-test-${hex()}`);
  await popup.page.close();
  await saveSettings(worker, { keyIdleMinutes: 1 });
  // Two minutes without use, then the alarm fires (unpacked extensions may fire it at once).
  await worker.evaluate(async () => {
    await chrome.storage.session.set({ 'byok-last-activity': Date.now() - 2 * 60_000 });
    await chrome.alarms.create('forget-idle-keys', { when: Date.now() + 50, periodInMinutes: 1 });
  });
  await expect.poll(() => storedKeys(context), { timeout: 15_000 }).toEqual({});
  const again = new FeaturePage(await openPage('popup'));
  await again.page.getByLabel('Text to summarize').fill('After the idle time.');
  await again.run();
  await expect(again.badge).toHaveText(/Demo/);
});

test('"Forget all keys" in the options page empties the store', async ({ context, openPage }) => {
  const popup = new FeaturePage(await openPage('popup'));
  await popup.saveKey(`sk-test-${hex()}`);
  await popup.chooseProvider('Anthropic Claude');
  await popup.saveKey(`sk-ant-test-${hex()}`);
  expect(Object.keys(await storedKeys(context)).sort()).toEqual(['claude', 'openai']);
  const options = await openPage('options');
  await expect(options.getByText('Anthropic Claude:')).toBeVisible();
  await options.getByRole('button', { name: 'Forget all keys' }).click();
  await expect(options.getByText('No keys saved.')).toBeVisible();
  expect(await storedKeys(context)).toEqual({});
});
