import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, test as base, type Page, type Worker } from '@playwright/test';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { storeKey } from './support/menu';
import { type PageServer, startPageServer } from './support/page-server';
import { hex } from './support/random';
import { openPopupOver, saveSettings } from './support/surfaces';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  `--disable-extensions-except=${EXTENSION_DIR}`,
  `--load-extension=${EXTENSION_DIR}`,
  // This machine's network is closed: without these Chromium floods it with attempts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export async function launchExtension(
  profileDir: string,
  options: { colorScheme?: 'light' | 'dark'; locale?: string; extraArgs?: string[] } = {},
) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run "npx wxt build" first (npm test does).`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.extraArgs ?? [])],
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: 1000, height: 760 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

export interface ExtensionFixtures {
  profileDir: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  openPage(name: 'popup' | 'sidepanel' | 'options', query?: string): Promise<Page>;
  /** Opens the popup over the active tab, as the toolbar button would (see openPopupOver). */
  openPopup(): Promise<Page>;
  /** The test pages (test/e2e/pages) on loopback; started only for tests that ask for it. */
  pageServer: PageServer;
  /** Opens one of the test pages (default: the article) in a new tab, as a person browsing would. */
  openTestPage(path?: string): Promise<Page>;
  /**
   * A loopback OpenAI fake set up as a user with a key would: the settings send OpenAI (model
   * "gpt-test") to it and its key is in session memory. Started only for tests that ask for it.
   */
  byokOpenAI: { fake: FakeServer; key: string };
}

export const test = base.extend<ExtensionFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'grompt-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const { context } = await launchExtension(profileDir);
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  pageServer: async ({}, use) => {
    const server = await startPageServer();
    await use(server);
    await server.close();
  },
  openTestPage: async ({ context, pageServer }, use) => {
    await use(async (path = 'article.html') => {
      const page = await context.newPage();
      await page.goto(`${pageServer.url}/${path}`);
      return page;
    });
  },
  byokOpenAI: async ({ worker }, use) => {
    const key = `sk-proj-${hex()}`;
    const fake = await startOpenAIFake({ keys: [key] });
    try {
      await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` }, models: { openai: 'gpt-test' } });
      await storeKey(worker, 'openai', key);
      await use({ fake, key });
    } finally {
      await fake.close();
    }
  },
  openPopup: async ({ context, worker, extensionId }, use) => {
    await use(() => openPopupOver(context, worker, extensionId));
  },
  openPage: async ({ context, extensionId }, use) => {
    await use(async (name, query = '') => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html${query}`);
      return page;
    });
  },
});

export const expect = test.expect;
