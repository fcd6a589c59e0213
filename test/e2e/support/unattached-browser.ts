import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, EXTENSION_DIR } from '../fixtures';

/**
 * Debian's Chromium with the extension, driven through DevTools on its PAGES ONLY.
 *
 * Why not Playwright here: Playwright auto-attaches a DevTools session to every service
 * worker, and an attached DevTools session keeps an extension service worker alive — the
 * very thing a worker-lifetime test must not have. puppeteer-core (it never downloads a
 * browser) takes a `targetFilter`: service-worker targets are never attached, so the worker
 * lives and dies by Chrome's own rules (30 s without an extension API call). `workerAttached`
 * asks the browser itself (Target.getTargets' `attached`) so the test can prove it.
 */
export interface UnattachedBrowser {
  browser: Browser;
  extensionId: string;
  /** An extension page (popup.html, sidepanel.html) as a tab. */
  openPage(name: 'popup' | 'sidepanel'): Promise<Page>;
  /** Whether any DevTools client is attached to the extension's service worker now (undefined: no worker running). */
  workerAttached(): Promise<boolean | undefined>;
  close(): Promise<void>;
}

/** The build under test: the shipped one, or (for the control run) one built without the keep-alive. */
export const LIFETIME_EXTENSION_DIR = resolve(process.env.GROMPT_E2E_EXTENSION_DIR || EXTENSION_DIR);

async function serviceWorkerTarget(session: CDPSession) {
  const { targetInfos } = await session.send('Target.getTargets');
  return targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
}

export async function launchUnattached(): Promise<UnattachedBrowser> {
  const dir = LIFETIME_EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run "npx wxt build" first.`);
  const profileDir = mkdtempSync(join(tmpdir(), 'grompt-lifetime-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profileDir,
    enableExtensions: true,
    args: CHROMIUM_FLAGS.map((flag) => flag.split(EXTENSION_DIR).join(dir)),
    // The point of this file: pages are attached, the service worker never is.
    targetFilter: (target) => target.type() !== 'service_worker',
  });
  const session = await browser.target().createCDPSession();
  let worker = await serviceWorkerTarget(session);
  for (let tries = 0; !worker && tries < 100; tries++) {
    await new Promise((done) => setTimeout(done, 50));
    worker = await serviceWorkerTarget(session);
  }
  if (!worker) throw new Error('the extension service worker did not start');
  const extensionId = new URL(worker.url).host;
  return {
    browser,
    extensionId,
    openPage: async (name) => {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html`);
      return page;
    },
    workerAttached: async () => (await serviceWorkerTarget(session))?.attached,
    close: async () => {
      await browser.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
