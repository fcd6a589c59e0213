import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGromptFake } from '../fakes/grompt-fake';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { hex } from '../e2e/support/random';
import { Firefox, ORIGIN } from './driver';
import { FeatureUi } from './feature-ui';
import { lastPost, whereSent } from './wire';

const KEY = `sk-proj-${hex()}`;

let firefox: Firefox;
let popup: FeatureUi;
const fakes: Record<string, FakeServer> = {};
beforeAll(async () => {
  [firefox, fakes.openai, fakes.current, fakes.legacy, fakes.broken] = await Promise.all([
    Firefox.launch(),
    startOpenAIFake({ keys: [KEY] }),
    startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'], validKeys: [KEY] }),
    startGromptFake({ prefix: '/api', serverKeys: ['openai'] }),
    startGromptFake({ prefix: 'none' }),
  ]);
  await firefox.saveSettings({ baseUrls: { openai: `${fakes.openai?.url}/v1` } });
  popup = new FeatureUi(await firefox.open('popup'));
  await popup.fill('Text to summarize', 'A short text about tides.');
});
afterAll(async () => {
  for (const fake of Object.values(fakes)) await fake.close();
  await firefox?.close();
});

const useServer = (fake: FakeServer | undefined, routing: 'direct' | 'server') =>
  firefox.saveSettings({ server: { url: fake?.url, prefix: 'auto', routing } });

it('no key: the Grompt server answers with its own configuration (Server badge, no key header)', async () => {
  await useServer(fakes.current, 'direct');
  await popup.run();
  await popup.waitForAnswer(/Answer from openai \(server\)/);
  expect(await popup.badge()).toBe('server');
  const sent = lastPost(fakes.current as FakeServer);
  expect(sent?.path).toBe('/api/v1/unified');
  expect(sent?.headers['x-api-key']).toBeUndefined();
  expect(sent?.headers.origin).toBe(ORIGIN);
});

it('a key routed through the server goes in X-API-Key, to the server only', async () => {
  await useServer(fakes.current, 'server');
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
  await useServer(fakes.legacy, 'direct');
  await popup.forgetKey();
  await popup.run();
  await popup.waitForAnswer(/Answer from openai \(server\)/);
  expect(lastPost(fakes.legacy as FakeServer)?.path).toBe('/api/unified');
});

it('a server where every route is 404 gets a clear error, not a fallback answer', async () => {
  await useServer(fakes.broken, 'direct');
  await popup.run();
  await popup.waitForAlert(/does not serve the unified API \(tried \/api\/v1 and \/api\)/);
  expect(await popup.page.evaluate(() => document.querySelectorAll('section.answer .markdown').length)).toBe(0);
});
