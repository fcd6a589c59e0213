import { expect, test } from '../fixtures';
import { storedKeys } from '../support/worker';

test('a content script on a web page cannot read storage.session, set a key, or get anything from the background', async ({
  pageServer,
  context,
  worker,
  openPage,
}) => {
  const popup = await openPage('popup');
  // A key is present, so that there is something to steal.
  await popup.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'key.set', payload: { provider: 'openai', key: 'sk-test-present-0123456789abcdef' } }),
  );
  const page = await context.newPage();
  await page.goto(`${pageServer.url}/article.html`);
  await page.bringToFront();

  // Our extension's own content-script world on that page (the most privileged thing a page can reach).
  const results = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const [injected] = await chrome.scripting.executeScript({
      target: { tabId: tab?.id ?? -1 },
      world: 'ISOLATED',
      func: async () => {
        const attempt = async (action: () => Promise<unknown>) => {
          try {
            return JSON.stringify(await action());
          } catch (error) {
            return `threw: ${error instanceof Error ? error.message : String(error)}`;
          }
        };
        const port = await new Promise<string>((resolve) => {
          const connection = chrome.runtime.connect({ name: 'grompt-generation' });
          connection.onDisconnect.addListener(() => resolve('disconnected'));
          connection.postMessage({ type: 'attach', surface: 'popup' });
          connection.onMessage.addListener((message) => resolve(`message: ${JSON.stringify(message)}`));
        });
        return {
          session: await attempt(() => chrome.storage.session.get(null)),
          status: await attempt(() => chrome.runtime.sendMessage({ type: 'key.status', payload: {} })),
          setKey: await attempt(() =>
            chrome.runtime.sendMessage({ type: 'key.set', payload: { provider: 'openai', key: 'sk-attacker-000000000000000000' } }),
          ),
          forget: await attempt(() => chrome.runtime.sendMessage({ type: 'key.forget-all', payload: {} })),
          port,
        };
      },
    });
    return injected?.result as Record<string, string>;
  });
  expect(results.session).toMatch(/^threw: .*(not allowed|Access)/i);
  for (const attempt of [results.status, results.setKey, results.forget]) {
    expect(attempt).toContain('"kind":"permission"');
    expect(attempt).not.toContain('sk-test-present');
  }
  expect(results.port).toBe('disconnected');
  expect((await storedKeys(context)).openai).toBe('sk-test-present-0123456789abcdef');

  // The page's own scripts: no externally_connectable, so no way to message the extension at all.
  const pageView = await page.evaluate(() => {
    const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    return typeof runtime?.sendMessage;
  });
  expect(pageView).toBe('undefined');
});

test('no external messaging surface: the worker has no onMessageExternal or onConnectExternal listener', async ({ worker }) => {
  const listeners = await worker.evaluate(() => ({
    message: chrome.runtime.onMessageExternal?.hasListeners() ?? false,
    connect: chrome.runtime.onConnectExternal?.hasListeners() ?? false,
  }));
  expect(listeners).toEqual({ message: false, connect: false });
});
