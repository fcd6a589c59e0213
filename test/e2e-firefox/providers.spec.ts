import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAnthropicFake } from '../fakes/anthropic-fake';
import { startGeminiFake } from '../fakes/gemini-fake';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { hex } from '../e2e/support/random';
import { Firefox, ORIGIN } from './driver';
import { FeatureUi } from './feature-ui';
import { lastPost, whereSent } from './wire';

const CASES = [
  { id: 'openai', label: 'OpenAI', key: `sk-proj-${hex()}`, header: 'authorization' },
  { id: 'claude', label: 'Anthropic Claude', key: `sk-ant-api03-${hex()}`, header: 'authorization' },
  { id: 'gemini', label: 'Google Gemini', key: `AIza${hex()}${hex().slice(0, 3)}`, header: 'x-goog-api-key' },
  { id: 'deepseek', label: 'DeepSeek', key: `sk-${hex()}`, header: 'authorization' },
] as const;
const REJECTED = `sk-proj-${hex()}`;

let firefox: Firefox;
let popup: FeatureUi;
const fakes: Record<string, FakeServer> = {};
beforeAll(async () => {
  [firefox, fakes.openai, fakes.claude, fakes.gemini, fakes.deepseek] = await Promise.all([
    Firefox.launch(),
    startOpenAIFake({ keys: [CASES[0].key] }),
    startAnthropicFake({ keys: [CASES[1].key] }),
    startGeminiFake({ keys: [CASES[2].key] }),
    startOpenAIFake({ keys: [CASES[3].key] }),
  ]);
  await firefox.saveSettings({
    baseUrls: { openai: `${fakes.openai?.url}/v1`, claude: fakes.claude?.url, gemini: fakes.gemini?.url, deepseek: fakes.deepseek?.url },
  });
  popup = new FeatureUi(await firefox.open('popup'));
  await popup.fill('Text to summarize', 'Tidal turbines produced 14 GWh last year.');
});
afterAll(async () => {
  for (const fake of Object.values(fakes)) await fake.close();
  await firefox?.close();
});

for (const provider of CASES) {
  it(`${provider.label}: a key typed in the popup streams an answer through the real SDK in the background`, async () => {
    await popup.chooseProvider(provider.label);
    await popup.setModel('test-model');
    await popup.saveKey(provider.key);
    await popup.run();
    const answer = await popup.waitForAnswer(/Answer w1 w2 w3 w4 w5 w6 w7[\s\S]*test-model/);
    expect(await popup.badge()).toBe('byok');
    expect(answer).not.toContain(provider.key);

    const sent = lastPost(fakes[provider.id] as FakeServer);
    // Firefox's background is a moz-extension:// origin, and says so on every POST.
    expect(sent?.headers.origin).toBe(ORIGIN);
    // The key in its header only, and only to its own provider's origin.
    expect(whereSent(provider.key, fakes)).toEqual({ [provider.id]: [provider.header] });
    expect(await popup.page.evaluate(() => document.body.textContent)).not.toContain(provider.key);
  });
}

it('a key the provider rejects gives the specific error, never a fallback answer', async () => {
  await popup.chooseProvider('OpenAI');
  await popup.forgetKey();
  await popup.saveKey(REJECTED);
  const before = fakes.openai?.requests.length ?? 0;
  await popup.run();
  const alert = await popup.waitForAlert(/OpenAI rejected the API key/);
  expect(alert).not.toContain(REJECTED.slice(0, 8));
  expect(alert).not.toContain(REJECTED.slice(-4));
  expect(await popup.page.evaluate(() => document.querySelectorAll('section.answer .markdown').length)).toBe(0);
  expect(await popup.page.evaluate(() => document.querySelector('textarea')?.value)).toBe('Tidal turbines produced 14 GWh last year.');
  // One call to OpenAI (a 401 is not retried), and nothing to anyone else.
  expect(fakes.openai?.requests.length).toBe(before + 1);
  expect(whereSent(REJECTED, fakes)).toEqual({ openai: ['authorization'] });
});
