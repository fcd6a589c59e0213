import type { BrowserContext, Page } from '@playwright/test';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chrome does when it
 * is idle for 30 s. `page` must be one of the extension's pages (same origin as the worker).
 * The next event (a message, a port) starts a fresh worker with no memory of the old one.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const versions: WorkerVersion[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => versions.push(...event.versions));
  await cdp.send('ServiceWorker.enable');
  const deadline = Date.now() + 5_000;
  while (!versions.some((version) => version.runningStatus === 'running') && Date.now() < deadline) await page.waitForTimeout(50);
  const running = versions.filter((version) => version.runningStatus === 'running').at(-1);
  if (!running) throw new Error('no running service worker to stop');
  await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
  while (versions.at(-1)?.runningStatus !== 'stopped' && Date.now() < deadline) await page.waitForTimeout(50);
  await cdp.detach();
  if (versions.at(-1)?.runningStatus !== 'stopped') throw new Error('the service worker did not stop');
}

/** Keys as the service worker holds them right now (session storage), read from inside it. */
export async function storedKeys(context: BrowserContext): Promise<Record<string, string>> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => ((await chrome.storage.session.get('byok-keys'))['byok-keys'] ?? {}) as Record<string, string>);
}
