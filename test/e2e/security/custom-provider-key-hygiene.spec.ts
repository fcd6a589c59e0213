import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeServer } from '../../fakes/http';
import { mountOpenAIFake } from '../../fakes/mounted-fake';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { expect, launchExtension, test } from '../fixtures';
import { CustomProvidersArea } from '../support/options-page';
import { FeaturePage } from '../support/popup-page';
import { scanProfile } from '../support/profile-scan';
import { hex } from '../support/random';

test('a custom provider’s key never reaches disk, while the provider itself (settings) does', async () => {
  const canary = `sk-or-v1-${hex()}`;
  // Settings are on disk by design: the provider's name is the positive control of the scan.
  const name = `Gateway ${hex(6)}`;
  const profile = mkdtempSync(join(tmpdir(), 'grompt-custom-canary-'));
  const backend: FakeServer = await startOpenAIFake({ keys: [canary] });
  const gateway = await mountOpenAIFake(backend, { prefix: '/api/v1' });
  const { context, extensionId } = await launchExtension(profile);
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const area = new CustomProvidersArea(options);
    await area.add({ name, baseUrl: `${gateway.url}/api/v1`, needsKey: true, model: 'some-model' });
    await area.saveKey(name, canary);

    const popup = new FeaturePage(await context.newPage());
    await popup.page.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.chooseFeature('Summarizer');
    await popup.page.getByLabel('Text to summarize').fill('Tides are predictable.');
    await popup.chooseProvider(name);
    await popup.run();
    await expect(popup.answer).toContainText('Answer w1 w2');
    await expect(popup.badge).toHaveText(/BYOK/);
    expect(gateway.requests.filter((request) => request.method === 'POST').at(-1)?.headers.authorization).toBe(`Bearer ${canary}`);
  } finally {
    await context.close();
    await Promise.all([gateway.close(), backend.close()]);
  }
  const scan = scanProfile(profile, { canary, control: name });
  rmSync(profile, { recursive: true, force: true });
  expect(scan.hits.canary).toEqual([]);
  expect(scan.hits.control?.length).toBeGreaterThan(0);
});
