import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { startPageServer } from '../e2e/support/page-server';
import { Firefox, ORIGIN, UUID } from './driver';
import { FeatureUi } from './feature-ui';
import { find } from './pages';

let firefox: Firefox;
let ollama: FakeServer;
let pages: FakeServer;
let popup: FeatureUi;
beforeAll(async () => {
  // Like a default Ollama: an extension Origin (chrome-extension:// or moz-extension://) gets an empty 403.
  [firefox, ollama, pages] = await Promise.all([
    Firefox.launch(),
    startOpenAIFake({ rejectExtensionOrigins: true, ollamaTags: ['llama3.2:latest'] }),
    startPageServer(),
  ]);
  await firefox.saveSettings({ baseUrls: { ollama: ollama.url } });
  popup = new FeatureUi(await firefox.open('popup'));
  await popup.fill('Text to summarize', 'Local models need no key.');
  await popup.chooseProvider('Ollama (local)');
  await find(popup.page, { css: '.provider-bar .hint' });
});
afterAll(async () => {
  await ollama?.close();
  await pages?.close();
  await firefox?.close();
});

/** A POST from the background page itself, as the provider SDK makes it. */
const postFromBackground = (url: string) =>
  firefox.background(
    async (background, target) => (await background.fetch(`${target}/v1/chat/completions`, { method: 'POST', body: '{}' })).status,
    url,
  );

it('Ollama works with zero setup: the session rule drops our Origin, for our own requests only', async () => {
  await popup.setModel('llama3.2:latest');
  await popup.run();
  await popup.waitForAnswer(/Answer w1 w2 w3/);
  expect(await popup.badge()).toBe('local');
  const ours = ollama.requests.filter((request) => request.path === '/v1/chat/completions');
  expect(ours.length).toBeGreaterThan(0);
  for (const request of ours) expect([request.headers.origin, request.headers.authorization]).toEqual([undefined, undefined]);

  // The rule: in memory (session), for our initiator (the UUID host in Firefox) and the Ollama host only.
  const rules = await firefox.ext((api) => api.declarativeNetRequest.getSessionRules());
  expect(rules.map((rule) => rule.condition)).toMatchObject([{ initiatorDomains: [UUID], urlFilter: `|${ollama.url}/` }]);
  expect(await firefox.ext((api) => api.declarativeNetRequest.getDynamicRules())).toEqual([]);

  // A web page calling the same Ollama keeps its Origin, so Ollama's own check still applies to pages.
  const page = await firefox.browser.newPage();
  await page.goto(`${pages.url}/article.html`);
  const before = ollama.requests.length;
  await page.evaluate((url) => fetch(`${url}/api/tags`).catch(() => undefined), ollama.url);
  expect(ollama.requests.slice(before).map((request) => request.headers.origin)).toEqual([pages.url]);
  await page.close();

  // Without the rule Firefox sends Origin: moz-extension://<uuid> and a strict Ollama refuses it.
  await firefox.ext((api) => api.declarativeNetRequest.updateSessionRules({ removeRuleIds: [1] }));
  expect(await postFromBackground(ollama.url)).toBe(403);
  expect(ollama.requests.at(-1)?.headers.origin).toBe(ORIGIN);
});

it('when Ollama still refuses (403), the error shows the exact OLLAMA_ORIGINS line for Firefox', async () => {
  await popup.setModel('fault-403');
  await popup.run();
  const alert = await popup.waitForAlert(/Ollama refused/);
  expect(alert).toContain(`Restart Ollama with this setting: OLLAMA_ORIGINS=moz-extension://${UUID}`);
});
