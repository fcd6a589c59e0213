import { startGromptFake } from '../fakes/grompt-fake';
import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { saveSettings } from './support/surfaces';
import { hex } from './support/random';

test('BYOK > server > demo: the same request takes each route in turn, and the badge says which', async ({ worker, openPage }) => {
  const key = `sk-proj-${hex()}`;
  const openai = await startOpenAIFake({ keys: [key] });
  const grompt = await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'], validKeys: [key] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${openai.url}/v1` } });
    const popup = new FeaturePage(await openPage('popup'));
    await popup.page.getByLabel('Text to summarize').fill('A short text about tides.');

    // 1. Nothing configured: demo, yellow.
    await popup.run();
    await expect(popup.badge).toHaveText(/Demo/);
    await expect(popup.badge).toHaveClass(/badge-demo/);
    await popup.waitForEnd();

    // 2. A Grompt server: its own configuration, green.
    await saveSettings(worker, { server: { url: grompt.url, prefix: 'auto', routing: 'direct' } });
    await popup.run();
    await expect(popup.answer).toContainText('Answer from openai (server)');
    await expect(popup.badge).toHaveText(/Server/);
    await expect(popup.badge).toHaveClass(/badge-server/);
    expect(grompt.requests.at(-1)?.headers['x-api-key']).toBeUndefined();

    // 3. A key: straight to the provider, blue; the server is not contacted.
    const serverRequests = grompt.requests.length;
    await popup.saveKey(key);
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2');
    await expect(popup.badge).toHaveText(/BYOK/);
    await expect(popup.badge).toHaveClass(/badge-byok/);
    expect(grompt.requests.length).toBe(serverRequests);

    // 4. The user chose to route through the server: the key goes in X-API-Key, to the server only.
    const providerRequests = openai.requests.length;
    await saveSettings(worker, { server: { url: grompt.url, prefix: 'auto', routing: 'server' } });
    await popup.run();
    await expect(popup.answer).toContainText('Answer from openai (byok)');
    await expect(popup.badge).toHaveText(/BYOK/);
    expect(grompt.requests.at(-1)?.headers['x-api-key']).toBe(key);
    expect(openai.requests.length).toBe(providerRequests);

    // 5. Forget the key: back to the server's own configuration.
    await popup.page.getByRole('button', { name: 'Forget' }).click();
    await popup.run();
    await expect(popup.answer).toContainText('Answer from openai (server)');
    await expect(popup.badge).toHaveText(/Server/);
  } finally {
    await openai.close();
    await grompt.close();
  }
});

test('options: Test connection reports the detected prefix, or exactly what is wrong', async ({ openPage }) => {
  const current = await startGromptFake({ prefix: '/api/v1' });
  const broken = await startGromptFake({ prefix: 'none' });
  try {
    const options = await openPage('options');
    const url = options.getByLabel('Server URL');
    await url.fill(current.url);
    await options.getByRole('button', { name: 'Save' }).first().click();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Connected' })).toContainText('/api/v1');
    await url.fill(broken.url);
    await options.getByRole('button', { name: 'Save' }).first().click();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('alert')).toContainText('does not serve the unified API (tried /api/v1 and /api)');
    expect([...current.requests, ...broken.requests].some((request) => request.path.includes('/config'))).toBe(false);
  } finally {
    await current.close();
    await broken.close();
  }
});
