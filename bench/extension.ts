import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_FLAGS, EXTENSION_DIR } from '../test/e2e/fixtures';
import { bigPageHtml } from './big-page';
import { startPageServer } from '../test/e2e/support/page-server';
import { saveSettings, selectText } from '../test/e2e/support/surfaces';
import type { FakeServer } from '../test/fakes/http';
import { type BenchWindow, pageScript, portProbe, type ReadinessProbe, readinessProbe } from './probes';

/** The bench build: the shipped entrypoints plus the bench-only baseline page (BENCH_EXTENSION_DIR: another build, e.g. unminified to profile). */
export const BENCH_EXTENSION_DIR = resolve(process.env.BENCH_EXTENSION_DIR || '.output-bench/chrome-mv3');

export const BENCH_KEY = 'sk-proj-bench0123456789abcdef0123456789ab';

/** Headless Debian Chromium with the bench build loaded, the same flags as the end-to-end tests. */
export class BenchBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly article: Page,
    readonly pages: FakeServer,
    private readonly profileDir: string,
  ) {}

  static async launch(): Promise<BenchBrowser> {
    if (!existsSync(join(BENCH_EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No bench build at ${BENCH_EXTENSION_DIR}: run "GROMPT_BENCH=1 npx wxt build" (npm run bench does).`);
    }
    const profileDir = mkdtempSync(join(tmpdir(), 'grompt-bench-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_FLAGS.map((flag) => flag.split(EXTENSION_DIR).join(BENCH_EXTENSION_DIR)),
      colorScheme: 'light',
      locale: 'en-US',
      viewport: { width: 1000, height: 760 },
    });
    await context.addInitScript({ content: pageScript(readinessProbe) });
    await context.addInitScript({ content: pageScript(portProbe) });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    // The web page the popup reads its selection from: the active tab of the last focused window.
    const pages = await startPageServer();
    pages.addPages({ '/big.html': bigPageHtml() });
    const article = context.pages()[0] ?? (await context.newPage());
    await article.goto(`${pages.url}/article.html`);
    await article.bringToFront();
    return new BenchBrowser(context, extensionId, article, pages, profileDir);
  }

  url(page: string): string {
    return `chrome-extension://${this.extensionId}/${page}`;
  }

  /** The service worker now running; after a stop, the one that the next event wakes. */
  async worker(): Promise<Worker> {
    return this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker', { timeout: 15_000 }));
  }

  /** Selects the article's lead paragraph and returns the text the popup should pre-fill. */
  async selectLead(): Promise<string> {
    await this.article.bringToFront();
    return (await selectText(this.article, '#lead')).trim();
  }

  /** Selects the big page's 2 MB paragraph (in a tab of its own, brought to the front) and returns its length. */
  async selectBig(): Promise<number> {
    const tab = this.bigTab ?? (await this.context.newPage());
    if (!this.bigTab) {
      this.bigTab = tab;
      await tab.goto(`${this.pages.url}/big.html`);
    }
    await tab.bringToFront();
    return (await selectText(tab, '#big')).length;
  }

  private bigTab: Page | undefined;

  /**
   * An extension page in a new unfocused popup window over the article, as a toolbar click
   * leaves things (the same as openPopupOver in test/e2e/support/surfaces.ts, for any page).
   */
  async openWindow(page: 'popup.html' | 'bench-baseline.html'): Promise<Page> {
    const url = this.url(page);
    const opened = this.context.waitForEvent('page', (candidate) => candidate.url() === url);
    const worker = await this.worker();
    await worker.evaluate(async (target) => {
      await chrome.windows.create({ url: target, type: 'popup', focused: false, width: 460, height: 600 });
    }, url);
    return opened;
  }

  /** An extension page as a tab, as the end-to-end tests open the side panel. */
  async openTab(page: 'sidepanel.html' | 'bench-baseline.html'): Promise<Page> {
    const tab = await this.context.newPage();
    await tab.goto(this.url(page));
    return tab;
  }

  /** Waits for the readiness probe (see probes.ts): ms from navigation start to interactive. */
  async ready(page: Page, timeout = 15_000): Promise<ReadinessProbe & { ready: number; firstRender: number }> {
    const handle = await page.waitForFunction(
      () => {
        const probe = (window as BenchWindow).__benchProbe;
        return probe?.ready !== undefined && probe;
      },
      null,
      { timeout },
    );
    return (await handle.jsonValue()) as ReadinessProbe & { ready: number; firstRender: number };
  }

  /**
   * Stops the extension's service worker as Chromium does when it idles out, through the
   * DevTools protocol of one of our pages, and waits until it has stopped.
   */
  async stopWorker(page: Page): Promise<void> {
    const cdp = await this.context.newCDPSession(page);
    try {
      const status = new Map<string, string>();
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the service worker did not stop')), 10_000);
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          for (const version of versions) {
            if (!version.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`)) continue;
            status.set(version.versionId, version.runningStatus);
          }
          if (status.size && [...status.values()].every((running) => running === 'stopped')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await cdp.send('ServiceWorker.disable');
    } finally {
      await cdp.detach();
    }
  }

  async settings(settings: Record<string, unknown>): Promise<void> {
    await saveSettings(await this.worker(), settings);
  }

  /** BYOK as the key field leaves it: the key in session memory, used just now. */
  async saveKey(key = BENCH_KEY): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate((value) => chrome.storage.session.set({ 'byok-keys': { openai: value }, 'byok-last-activity': Date.now() }), key);
  }

  /** Forgets session items (a surface's drafts, the chat), so a page opens as the first time. */
  async forget(...keys: string[]): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate((names) => chrome.storage.session.remove(names), keys);
  }

  /** Forgets every job (index, records, chunks, waiting runs) and every stored long text. */
  async forgetJobs(): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate(async () => {
      const names = Object.keys(await chrome.storage.session.get(null));
      await chrome.storage.session.remove(names.filter((name) => /^(jobs|job\.|text\.)/.test(name)));
    });
  }

  /** A surface's job for a feature as stored (its record: status and times, no text). */
  async storedJob(slot: string): Promise<{ firstTokenAt?: number; status?: string } | undefined> {
    const worker = await this.worker();
    return worker.evaluate(async (name) => {
      const { jobs } = (await chrome.storage.session.get('jobs')) as { jobs?: Record<string, string> };
      const id = jobs?.[name];
      if (!id) return undefined;
      return (await chrome.storage.session.get(`job.${id}`))[`job.${id}`] as { firstTokenAt?: number; status?: string } | undefined;
    }, slot);
  }

  /** BYOK against a fake OpenAI: its base URL, a model, and the key. */
  async routeToFakeOpenAI(fake: FakeServer, model: string): Promise<void> {
    await this.settings({ provider: 'openai', baseUrls: { openai: `${fake.url}/v1` }, models: { openai: model }, featureDefaults: {} });
    await this.saveKey();
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.pages.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
