import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http';
import { startPageServer } from '../e2e/support/page-server';
import { hex } from '../e2e/support/random';
import { Firefox } from './driver';
import { FeatureUi } from './feature-ui';
import { find } from './pages';
import { waitFor } from './wait';

const KEY = `sk-test-${hex()}`;

let firefox: Firefox;
let pages: FakeServer;
beforeAll(async () => {
  [firefox, pages] = await Promise.all([Firefox.launch(), startPageServer()]);
});
afterAll(async () => {
  await pages?.close();
  await firefox?.close();
});

it('the console watch sees an error in any page of ours, background included (its positive control)', async () => {
  const marker = `probe-${hex(4)}`;
  await firefox.background((background, text) => {
    background.console.error(`${text} console.error`);
    background.setTimeout(() => {
      throw new Error(`${text} uncaught`);
    });
  }, marker);
  await waitFor(() => firefox.console.errors().filter((line) => line.includes(marker)).length === 2, 'both errors on stdout/stderr');
  expect(firefox.console.expect(marker)).toBe(2);
});

const storedKeys = () =>
  firefox.ext(async (api) => ((await api.storage.session.get('byok-keys'))['byok-keys'] ?? {}) as Record<string, string>);

it('a content script or a web page cannot read storage.session, set a key, or get anything from the background', async () => {
  // A key is present, so that there is something to steal.
  const popup = new FeatureUi(await firefox.open('popup'));
  await popup.saveKey(KEY);
  const page = await firefox.browser.newPage();
  await page.goto(`${pages.url}/article.html`);

  // Our extension's own content-script world on that page (the most privileged thing a page can reach).
  const results = await firefox.ext(async (api, url) => {
    // (Match patterns have no port, so tabs.query({ url }) cannot find a loopback page: compare URLs.)
    const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
    const [injected] = await api.scripting.executeScript({
      target: { tabId: tab?.id ?? -1 },
      func: async () => {
        const runtime = (globalThis as unknown as { browser: typeof api }).browser;
        const attempt = async (action: () => Promise<unknown>) => {
          try {
            return JSON.stringify(await action());
          } catch (error) {
            return `threw: ${error instanceof Error ? error.message : String(error)}`;
          }
        };
        const port = await new Promise<string>((resolve) => {
          const connection = runtime.runtime.connect({ name: 'grompt-generation' });
          connection.onDisconnect.addListener(() => resolve('disconnected'));
          connection.onMessage.addListener((message) => resolve(`message: ${JSON.stringify(message)}`));
          connection.postMessage({ type: 'attach', surface: 'popup' });
        });
        return {
          session: await attempt(() => runtime.storage.session.get(null)),
          status: await attempt(() => runtime.runtime.sendMessage({ type: 'key.status', payload: {} })),
          setKey: await attempt(() =>
            runtime.runtime.sendMessage({ type: 'key.set', payload: { provider: 'openai', key: 'sk-attacker-0000000000000000' } }),
          ),
          forget: await attempt(() => runtime.runtime.sendMessage({ type: 'key.forget-all', payload: {} })),
          port,
        };
      },
    });
    return injected?.result as Record<string, string>;
  }, `${pages.url}/article.html`);
  // Firefox gives content scripts no storage.session at all.
  expect(results.session).toMatch(/^threw: /);
  for (const attempt of [results.status, results.setKey, results.forget]) {
    expect(attempt).toContain('"kind":"permission"');
    expect(attempt).not.toContain(KEY);
  }
  expect(results.port).toBe('disconnected');
  expect((await storedKeys()).openai).toBe(KEY);

  // The page's own scripts: no externally_connectable, no messaging API of any extension.
  expect(await page.evaluate(() => Object.keys(window).filter((name) => name === 'browser' || name === 'chrome'))).toEqual([]);
  await page.close();
  await popup.page.close();
});

it('reloading the extension (as an update does) forgets the keys', async () => {
  expect((await storedKeys()).openai).toBe(KEY);
  // A mark on this background page, to tell the one that comes after the reload from it.
  await firefox.background((background) => Object.assign(background, { beforeReload: true }));
  // runtime.reload() closes our pages, the one this runs in included: its answer may never come.
  await firefox.ext((api) => setTimeout(() => api.runtime.reload())).catch(() => undefined);
  await waitFor(
    async () => (await firefox.isActive()) && (await firefox.background((background) => !('beforeReload' in background))),
    'a new background page',
  );
  await waitFor(
    async () => (await firefox.ext(async (api) => (await api.storage.session.get('settings-synced'))['settings-synced'])) != null,
    'its install handler',
  );
  expect(await firefox.ext((api) => api.storage.session.get(null))).not.toHaveProperty('byok-keys');
  const options = await firefox.open('options');
  await find(options, { css: '.keys-section, section' });
  await waitFor(() => options.evaluate(() => document.body.textContent?.includes('No keys saved.')), 'No keys saved.');
});
