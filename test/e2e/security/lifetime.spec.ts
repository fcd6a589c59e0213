import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, launchExtension, test } from '../fixtures';
import { FeaturePage } from '../support/popup-page';
import { storedKeys } from '../support/worker';
import { stopServiceWorker } from '../support/worker';

const KEY = `sk-test-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;

test('a key lives exactly as long as the browser session: it survives the worker stopping, not a relaunch', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'grompt-lifetime-'));
  try {
    const first = await launchExtension(profile);
    const popup = new FeaturePage(await first.context.newPage());
    await popup.page.goto(`chrome-extension://${first.extensionId}/popup.html`);
    await popup.saveKey(KEY);
    expect((await storedKeys(first.context)).openai).toBe(KEY);

    // Chrome stops an idle worker after ~30 s; a new one must find the key without asking again.
    await stopServiceWorker(first.context, popup.page);
    await popup.page.reload();
    await popup.openProviderBar();
    await expect(popup.page.getByText(/Key saved for this browser session/)).toBeVisible();
    expect((await storedKeys(first.context)).openai).toBe(KEY);
    await first.context.close();

    // A relaunch on the same profile: session storage is gone with the old browser process.
    const second = await launchExtension(profile);
    expect(await storedKeys(second.context)).toEqual({});
    const again = new FeaturePage(await second.context.newPage());
    await again.page.goto(`chrome-extension://${second.extensionId}/popup.html`);
    await again.openProviderBar();
    await expect(again.page.getByText(/Key saved/)).toHaveCount(0);
    await again.page.getByLabel('Text to summarize').fill('After a restart.');
    await again.run();
    await expect(again.badge).toHaveText(/Demo/);
    await second.context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('reloading the extension (as an update does) forgets the key', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'grompt-reload-'));
  // Lets the DevTools protocol reload an unpacked extension, as chrome://extensions' reload button does.
  const { context, extensionId } = await launchExtension(profile, { extraArgs: ['--enable-unsafe-extension-debugging'] });
  try {
    const popup = new FeaturePage(await context.newPage());
    await popup.page.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.saveKey(KEY);
    expect((await storedKeys(context)).openai).toBe(KEY);
    const browserSession = await context.browser()?.newBrowserCDPSession();
    const reloaded = (await browserSession?.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as
      | { id?: string }
      | undefined;
    expect(reloaded?.id).toBe(extensionId);
    // Our pages closed with the reload; a fresh one (a trusted context, like the worker) reads the session store.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    expect(await page.evaluate(async () => (await chrome.storage.session.get(null)) as Record<string, unknown>)).not.toHaveProperty(
      'byok-keys',
    );
    await expect(page.getByText('No keys saved.')).toBeVisible();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
