import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAnthropicFake } from '../fakes/anthropic-fake';
import { startGeminiFake } from '../fakes/gemini-fake';
import { startGromptFake } from '../fakes/grompt-fake';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { scanProfile } from '../e2e/support/profile-scan';
import { hex } from '../e2e/support/random';
import { Firefox } from './driver';
import { FeatureUi } from './feature-ui';
import { fill } from './pages';
import { waitFor } from './wait';
import { whereSent } from './wire';

/** A unique key per run, one per provider format; none may reach the disk, a log, or another host. */
const CANARIES = {
  openai: `sk-test-${hex()}`,
  claude: `sk-ant-test-${hex()}`,
  gemini: `AIza${hex(17).slice(0, 35)}`,
  deepseek: `sk-test-${hex()}`,
  /** Rejected by its provider, whose 401 echoes a masked copy of it. */
  chatgpt: `sk-test-${hex()}`,
};
/** Written to storage.local on purpose: the scan must find it, or it proves nothing. */
const CONTROL = `control${hex()}`;

const profileDir = mkdtempSync(join(tmpdir(), 'grompt-firefox-canary-'));
let firefox: Firefox;
const fakes: Record<string, FakeServer> = {};
beforeAll(async () => {
  [firefox, fakes.openai, fakes.claude, fakes.gemini, fakes.deepseek, fakes.chatgpt, fakes.grompt] = await Promise.all([
    Firefox.launch({ profileDir }),
    startOpenAIFake({ keys: [CANARIES.openai] }),
    startAnthropicFake({ keys: [CANARIES.claude] }),
    startGeminiFake({ keys: [CANARIES.gemini] }),
    startOpenAIFake({ keys: [CANARIES.deepseek] }),
    startOpenAIFake({ keys: ['sk-the-only-valid-key-000000000'] }),
    startGromptFake({ prefix: '/api/v1', validKeys: [CANARIES.openai] }),
  ]);
  await firefox.saveSettings({
    baseUrls: {
      openai: `${fakes.openai?.url}/v1`,
      claude: fakes.claude?.url,
      gemini: fakes.gemini?.url,
      deepseek: fakes.deepseek?.url,
      chatgpt: `${fakes.chatgpt?.url}/v1`,
    },
  });
});
afterAll(async () => {
  for (const fake of Object.values(fakes)) await fake.close();
  // The test closes the browser itself before scanning; this is for a test that failed before that.
  if (firefox?.browser.connected) await firefox.close();
  rmSync(profileDir, { recursive: true, force: true });
});

it('typed keys never reach the Firefox profile on disk, a console line, or any host but their own', async () => {
  const popup = new FeatureUi(await firefox.open('popup'));
  await popup.fill('Text to summarize', 'Tides are predictable. Turbines use them.');
  const runWith = async (label: string, key: string, expected: RegExp) => {
    await popup.chooseProvider(label);
    await popup.setModel('canary-model');
    await popup.saveKey(key);
    await popup.run();
    await popup.waitForAnswer(expected);
  };
  await runWith('OpenAI', CANARIES.openai, /Answer w1/);
  await runWith('Anthropic Claude', CANARIES.claude, /Answer w1/);
  await runWith('Google Gemini', CANARIES.gemini, /Answer w1/);
  await runWith('DeepSeek', CANARIES.deepseek, /Answer w1/);
  await runWith('ChatGPT', CANARIES.chatgpt, /rejected the API key/);

  // Through the Grompt server (X-API-Key), then the sidebar's chat, then the options page with the masks.
  await firefox.saveSettings({ server: { url: fakes.grompt?.url, prefix: 'auto', routing: 'server' } });
  await popup.chooseProvider('OpenAI');
  await popup.run();
  await popup.waitForAnswer(/Answer from openai \(byok\)/);
  await firefox.saveSettings({ server: { url: '', prefix: 'auto', routing: 'direct' } });
  const panel = new FeatureUi(await firefox.open('sidepanel'));
  await panel.chooseFeature('Chat');
  await fill(panel.page, { label: 'Message' }, 'What is a tide?');
  await panel.page.keyboard.press('Enter');
  await waitFor(
    () => panel.page.evaluate(() => document.querySelector('.turn-assistant .badge')?.getAttribute('data-mode') === 'byok'),
    'the chat answer',
  );
  const options = await firefox.open('options');
  await waitFor(() => options.evaluate(() => document.body.textContent?.includes('OpenAI:')), 'the saved keys listed');

  await firefox.ext((api, control) => api.storage.local.set({ control }), CONTROL);
  await firefox.close({ keepProfile: true });

  const scan = scanProfile(profileDir, { ...CANARIES, control: CONTROL });
  console.log(`Firefox profile scan: ${scan.files} files, ${(scan.bytes / 1e6).toFixed(1)} MB, hits:`, scan.hits);
  expect(scan.hits.control?.length, 'the control written to storage.local must be found').toBeGreaterThan(0);
  for (const label of Object.keys(CANARIES)) expect(scan.hits[label], `${label} key on disk`).toEqual([]);

  // Not the key, nor its first 8 or last 4 characters, in any console line of any page (our own
  // "[redacted]" marker left out: a key may end in "edac").
  const lines = firefox.console.pageLines().map((line) => line.replaceAll('[redacted]', '·'));
  for (const secret of Object.values(CANARIES)) {
    for (const fragment of [secret, secret.slice(0, 8), secret.slice(-4)])
      expect(lines.filter((line) => line.includes(fragment))).toEqual([]);
  }

  // Each key went only to its own provider, in its key header; the OpenAI key also to the chosen Grompt server.
  expect(whereSent(CANARIES.openai, fakes)).toEqual({ openai: ['authorization'], grompt: ['x-api-key'] });
  expect(whereSent(CANARIES.claude, fakes)).toEqual({ claude: ['authorization'] });
  expect(whereSent(CANARIES.gemini, fakes)).toEqual({ gemini: ['x-goog-api-key'] });
  expect(whereSent(CANARIES.deepseek, fakes)).toEqual({ deepseek: ['authorization'] });
  expect(whereSent(CANARIES.chatgpt, fakes)).toEqual({ chatgpt: ['authorization'] });
});
