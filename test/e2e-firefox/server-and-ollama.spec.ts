import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGromptFake } from '../fakes/grompt-fake';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { startPageServer } from '../e2e/support/page-server';
import { hex } from '../e2e/support/random';
import { Firefox, ORIGIN, UUID } from './driver';
import { FeatureUi } from './feature-ui';
import { find } from './pages';
import { lastPost, whereSent } from './wire';

// The routes that need no key of the user's own: a Grompt server, and Ollama on this machine.
const KEY = `sk-proj-${hex()}`;

let firefox: Firefox;
let popup: FeatureUi;
const fakes: Record<string, FakeServer> = {};
beforeAll(async () => {
  [firefox, fakes.openai, fakes.current, fakes.legacy, fakes.broken, fakes.ollama, fakes.pages] = await Promise.all([
    Firefox.launch(),
    startOpenAIFake({ keys: [KEY] }),
    startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'], validKeys: [KEY] }),
    startGromptFake({ prefix: '/api', serverKeys: ['openai'] }),
    startGromptFake({ prefix: 'none' }),
    // Like a default Ollama: an extension Origin (chrome-extension:// or moz-extension://) gets an empty 403.
    startOpenAIFake({ rejectExtensionOrigins: true, ollamaTags: ['llama3.2:latest'] }),
    startPageServer(),
  ]);
  await firefox.saveSettings({ baseUrls: { openai: `${fakes.openai?.url}/v1`, ollama: fakes.ollama?.url } });
  popup = new FeatureUi(await firefox.open('popup'));
  await popup.fill('Text to summarize', 'A short text about tides.');
});
afterAll(async () => {
  for (const fake of Object.values(fakes)) await fake.close();
  await firefox?.close();
});

const pointAtServer = (fake: FakeServer | undefined, routing: 'direct' | 'server') =>
  firefox.saveSettings({ server: { url: fake?.url, prefix: 'auto', routing } });

describe('Grompt server', () => {
  it('no key: the Grompt server answers with its own configuration (Server badge, no key header)', async () => {
    await pointAtServer(fakes.current, 'direct');
    await popup.run();
    await popup.waitForAnswer(/Answer from openai \(server\)/);
    expect(await popup.badge()).toBe('server');
    const sent = lastPost(fakes.current as FakeServer);
    expect(sent?.path).toBe('/api/v1/unified');
    expect(sent?.headers['x-api-key']).toBeUndefined();
    expect(sent?.headers.origin).toBe(ORIGIN);
  });

  it('a key routed through the server goes in X-API-Key, to the server only', async () => {
    await pointAtServer(fakes.current, 'server');
    await popup.saveKey(KEY);
    await popup.run();
    await popup.waitForAnswer(/Answer from openai \(byok\)/);
    expect(await popup.badge()).toBe('byok');
    expect(lastPost(fakes.current as FakeServer)?.headers['x-api-key']).toBe(KEY);
    // The generation went to the server; OpenAI itself only listed models (its own origin, its own header).
    expect(whereSent(KEY, fakes)).toEqual({ current: ['x-api-key'], openai: ['authorization'] });
    expect(fakes.openai?.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/models']);
  });

  it('a server that only has /api (v1.0.9) is detected and used', async () => {
    await pointAtServer(fakes.legacy, 'direct');
    await popup.forgetKey();
    await popup.run();
    await popup.waitForAnswer(/Answer from openai \(server\)/);
    expect(lastPost(fakes.legacy as FakeServer)?.path).toBe('/api/unified');
  });

  it('a server where every route is 404 gets a clear error, not a fallback answer', async () => {
    await pointAtServer(fakes.broken, 'direct');
    await popup.run();
    await popup.waitForAlert(/does not serve the unified API \(tried \/api\/v1 and \/api\)/);
    expect(await popup.page.evaluate(() => document.querySelectorAll('section.answer .markdown').length)).toBe(0);
  });
});

const ollamaUrl = () => fakes.ollama?.url ?? '';
const pagesUrl = () => fakes.pages?.url ?? '';
const ollamaRequests = () => fakes.ollama?.requests ?? [];

describe('Ollama', () => {
  /** A POST from the background page itself, as the provider SDK makes it. */
  const postFromBackground = (url: string) =>
    firefox.background(
      async (background, target) => (await background.fetch(`${target}/v1/chat/completions`, { method: 'POST', body: '{}' })).status,
      url,
    );

  it('Ollama works with zero setup: the session rule drops our Origin, for our own requests only', async () => {
    await popup.chooseProvider('Ollama (local)');
    await find(popup.page, { css: '.provider-bar .hint' });
    await popup.setModel('llama3.2:latest');
    await popup.run();
    await popup.waitForAnswer(/Answer w1 w2 w3/);
    expect(await popup.badge()).toBe('local');
    const ours = ollamaRequests().filter((request) => request.path === '/v1/chat/completions');
    expect(ours.length).toBeGreaterThan(0);
    for (const request of ours) expect([request.headers.origin, request.headers.authorization]).toEqual([undefined, undefined]);

    // The rule: in memory (session), for our initiator (the UUID host in Firefox) and the Ollama host only.
    const rules = await firefox.ext((api) => api.declarativeNetRequest.getSessionRules());
    expect(rules.map((rule) => rule.condition)).toMatchObject([{ initiatorDomains: [UUID], urlFilter: `|${ollamaUrl()}/` }]);
    expect(await firefox.ext((api) => api.declarativeNetRequest.getDynamicRules())).toEqual([]);

    // A web page calling the same Ollama keeps its Origin, so Ollama's own check still applies to pages.
    const page = await firefox.browser.newPage();
    await page.goto(`${pagesUrl()}/article.html`);
    const before = ollamaRequests().length;
    await page.evaluate((url) => fetch(`${url}/api/tags`).catch(() => undefined), ollamaUrl());
    expect(
      ollamaRequests()
        .slice(before)
        .map((request) => request.headers.origin),
    ).toEqual([pagesUrl()]);
    await page.close();

    // Without the rule Firefox sends Origin: moz-extension://<uuid> and a strict Ollama refuses it.
    await firefox.ext((api) => api.declarativeNetRequest.updateSessionRules({ removeRuleIds: [1] }));
    expect(await postFromBackground(ollamaUrl())).toBe(403);
    expect(ollamaRequests().at(-1)?.headers.origin).toBe(ORIGIN);
  });

  it('when Ollama still refuses (403), the error shows the exact OLLAMA_ORIGINS line for Firefox', async () => {
    await popup.setModel('fault-403');
    await popup.run();
    const alert = await popup.waitForAlert(/Ollama refused/);
    expect(alert).toContain(`Restart Ollama with this setting: OLLAMA_ORIGINS=moz-extension://${UUID}`);
  });
});
