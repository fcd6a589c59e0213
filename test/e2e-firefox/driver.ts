import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as wxtBrowser } from 'wxt/browser';
import { ConsoleLog } from './console-log';
import { openPage } from './pages';
import { waitFor } from './wait';

export const EXTENSION_DIR = resolve('.output/firefox-mv3');
export const GECKO_ID = 'grompt-extension@kubex.dev';
/** Fixed internal UUID (pref below): extension URLs and the Origin Firefox sends are known in advance. */
export const UUID = '5f3c2a9e-7b1d-4e8a-9c6f-0d2b4a6e8f10';
export const ORIGIN = `moz-extension://${UUID}`;
const CONSOLE_DIR = 'test-results/firefox-console';

export type Scheme = 'light' | 'dark';
export type Surface = 'popup' | 'sidepanel' | 'options';

export type WebExtensionApi = typeof wxtBrowser;
export type BackgroundWindow = Window & { browser: WebExtensionApi; fetch: typeof fetch; console: Console };

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

function schemePrefs(scheme: Scheme) {
  // 0 dark, 1 light: what pages see as prefers-color-scheme, whatever the (absent) desktop says.
  return {
    'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
    'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
  };
}

/** Debian's Firefox ESR, headless, driven over WebDriver BiDi, with the built extension installed. */
export class Firefox {
  private host: Page | undefined;

  private constructor(
    readonly browser: Browser,
    readonly profileDir: string,
    readonly console: ConsoleLog,
    private readonly ownsProfile: boolean,
  ) {}

  static async launch(options: { profileDir?: string; scheme?: Scheme } = {}): Promise<Firefox> {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No build at ${EXTENSION_DIR}: run "npx wxt build -b firefox" first (npm test does).`);
    }
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'grompt-firefox-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profileDir,
      // Without it BiDi may not navigate to moz-extension:// pages nor reach the browser window.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        // Page consoles and uncaught errors go to stdout/stderr, where ConsoleLog reads them.
        'devtools.console.stdout.content': true,
        // …and the browser's own modules' consoles (remote settings and such on a closed network) do not.
        'devtools.console.stdout.chrome': false,
        'intl.locale.requested': 'en-US',
        ...schemePrefs(options.scheme ?? 'light'),
      },
    });
    const log = new ConsoleLog(ORIGIN);
    log.follow(browser.process()?.stdout);
    log.follow(browser.process()?.stderr);
    const firefox = new Firefox(browser, profileDir, log, !options.profileDir);
    await browser.installExtension(EXTENSION_DIR);
    // Ready once the install handler has run: it records what it derived from the settings
    // (menus, Ollama rule) in session memory (lib/worker/background/settings-sync.ts).
    await waitFor(
      async () => (await firefox.ext(async (api) => (await api.storage.session.get('settings-synced'))['settings-synced'])) != null,
      'the extension to start',
    );
    return firefox;
  }

  /** Opens one of our pages in a new tab, by URL. */
  open(surface: Surface, query = '', viewport = { width: 440, height: 640 }): Promise<Page> {
    return openPage(this.browser, `${ORIGIN}/${surface}.html${query}`, viewport);
  }

  /**
   * Runs `fn` in an extension page of ours, a trusted context, with its `browser` API. `fn` is
   * sent as source text, so it sees only its arguments (and `arg` must be JSON).
   */
  ext<T, A = null>(fn: (api: WebExtensionApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.evaluateInHost(`(${fn.toString()})(browser, ${JSON.stringify(arg ?? null)})`);
  }

  /** Runs `fn` in the background page itself (Firefox's MV3 background is an event page, not a worker). */
  background<T, A = null>(fn: (background: BackgroundWindow, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.evaluateInHost(`(${fn.toString()})(await browser.runtime.getBackgroundPage(), ${JSON.stringify(arg ?? null)})`);
  }

  private async evaluateInHost<T>(call: string): Promise<T> {
    // A string, not a function: BiDi evaluates it as is (the page's CSP does not apply to it).
    const expression = `(async () => ${call})()`;
    try {
      return (await (await this.hostPage()).evaluate(expression)) as T;
    } catch (error) {
      // Our pages close when the extension reloads, and puppeteer does not always notice: open another.
      if (!/no such frame|detached|not found|closed/i.test(String(error))) throw error;
      this.host = undefined;
      return (await (await this.hostPage()).evaluate(expression)) as T;
    }
  }

  private async hostPage(): Promise<Page> {
    if (!this.host || this.host.isClosed()) this.host = await this.open('options', '?host');
    return this.host;
  }

  /** Whether Firefox has the extension enabled right now (false while it reloads). */
  isActive(): Promise<boolean> {
    return this.chrome(`Boolean(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.active)`);
  }

  /** Evaluates an expression in the browser window itself (chrome scope: SidebarController, menus, prefs). */
  async chrome<T>(expression: string): Promise<T> {
    const connection = (this.browser as unknown as { connection: BidiConnection }).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const [window] = tree.result.contexts as { context: string }[];
    if (!window) throw new Error('no browser window');
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => ${expression})()))()`,
      target: { context: window.context },
      awaitPromise: true,
    });
    const outcome = result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (outcome.type !== 'success') throw new Error(`chrome scope: ${outcome.exceptionDetails?.text}`);
    const value = outcome.result?.value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  }

  /** Switches prefers-color-scheme for every page at once, as a desktop theme change would. */
  async setScheme(scheme: Scheme): Promise<void> {
    const prefs = Object.entries(schemePrefs(scheme)).map(
      ([name, value]) => `Services.prefs.setIntPref(${JSON.stringify(name)}, ${value})`,
    );
    await this.chrome(`(${prefs.join(', ')}, true)`);
  }

  /** Merges into the stored settings, as the options page saves them. */
  saveSettings(patch: Record<string, unknown>): Promise<void> {
    return this.ext(async (api, value) => {
      const { settings } = (await api.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await api.storage.local.set({ settings: { ...(settings ?? {}), ...value } });
    }, patch);
  }

  /** Quits Firefox (profile flushed to disk), then fails if any page of ours logged an error. */
  async close(options: { keepProfile?: boolean } = {}): Promise<void> {
    await this.browser.close();
    // Kept for whoever has to read a failure: everything Firefox printed, one file per browser.
    mkdirSync(CONSOLE_DIR, { recursive: true });
    writeFileSync(join(CONSOLE_DIR, `${basename(this.profileDir)}.log`), `${this.console.lines.join('\n')}\n`);
    if (this.ownsProfile && !options.keepProfile) rmSync(this.profileDir, { recursive: true, force: true });
    const errors = this.console.errors();
    if (errors.length) throw new Error(`Errors in Firefox's console:\n${errors.join('\n')}`);
  }
}
