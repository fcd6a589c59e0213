import type { Page } from '@playwright/test';
import type { FakeServer } from '../fakes/http';
import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { saveSettings } from './support/surfaces';
import { FEATURE_IDS, type FeatureId } from '../../lib/features/ids';
import { FEATURES as REGISTRY } from '../../lib/features/registry';
import { en } from '../../lib/i18n/en';

const KEY = 'sk-proj-features0123456789abcdef01234567';

/** What each feature's demo answer must contain for its sample input. Typed by FeatureId: a new feature must add its row. */
const SAMPLES: Record<FeatureId, { input: string; demo: string }> = {
  'prompt-crafter': { input: 'landing page for a bakery\nwarm tone', demo: 'landing page for a bakery' },
  'code-generator': { input: 'list orders with pagination', demo: 'TypeScript + React' },
  summarizer: { input: 'Tides are predictable. Turbines use them. Salmon were not harmed.', demo: 'Key Insights' },
  'image-prompt': { input: 'a red fox in snow', demo: 'Prompt: a red fox in snow' },
  chat: { input: 'What is tidal energy?', demo: 'tidal' },
};

/**
 * Every feature of the registry, as a person meets it: its tab (by its visible name) and its
 * main field (by its label). Both UIs must render each one from the registry, not a list of their own.
 */
const FEATURES = FEATURE_IDS.map((id) => {
  const feature = REGISTRY[id];
  const main = feature.fields.find((field) => field.name === feature.mainField);
  if (!main) throw new Error(`${id} has no main field`);
  return { id, tab: en[feature.title], field: en[main.label], ...SAMPLES[id] };
});

async function runAll(page: Page, mode: 'demo' | 'provider', fake?: FakeServer) {
  const surface = new FeaturePage(page);
  for (const feature of FEATURES) {
    await surface.chooseFeature(feature.tab);
    await page.getByLabel(feature.field, { exact: true }).fill(feature.input);
    if (mode === 'provider' && !(await page.getByText(/Key saved for this browser session/).isVisible())) await surface.saveKey(KEY);
    const before = fake?.requests.length ?? 0;
    if (feature.id === 'chat' && page.url().includes('sidepanel')) await page.getByRole('button', { name: 'Send', exact: true }).click();
    else await surface.run();
    const answer = page.locator('section.answer, .turn-assistant').last();
    await expect(answer.locator('.badge')).toHaveText(mode === 'demo' ? /Demo/ : /BYOK/);
    await expect(answer).toContainText(mode === 'demo' ? feature.demo : 'Answer w1 w2 w3', { ignoreCase: true });
    if (fake) {
      await expect.poll(() => fake.requests.length).toBeGreaterThan(before);
      const chat = fake.requests.filter((request) => request.path === '/v1/chat/completions').at(-1);
      expect(chat?.body).toContain(feature.input.split('\n')[0]);
    }
  }
}

for (const surface of ['popup', 'sidepanel'] as const) {
  test(`${surface}: all five features answer in demo mode, each with its own demo built from the input`, async ({ openPage }) => {
    await runAll(await openPage(surface), 'demo');
  });

  test(`${surface}: all five features stream from a provider (fake OpenAI) with the BYOK badge`, async ({ worker, openPage }) => {
    const fake = await startOpenAIFake({ keys: [KEY] });
    try {
      await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
      await runAll(await openPage(surface), 'provider', fake);
    } finally {
      await fake.close();
    }
  });
}

test('side panel chat: three turns, the third request carries the first two, and the chat survives a reopen', async ({
  worker,
  openPage,
}) => {
  const fake = await startOpenAIFake({ keys: [KEY] });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const panel = await openPage('sidepanel');
    const surface = new FeaturePage(panel);
    await surface.saveKey(KEY);
    const composer = panel.getByLabel('Message', { exact: true });
    for (const message of ['First turn', 'Second turn', 'Third turn']) {
      await composer.fill(message);
      await composer.press('Enter');
      await expect(panel.locator('.turn-assistant')).toHaveCount(['First turn', 'Second turn', 'Third turn'].indexOf(message) + 1);
    }
    const chats = () => fake.requests.filter((request) => request.path === '/v1/chat/completions');
    const third = JSON.parse(chats().at(-1)?.body ?? '{}') as { messages: { role: string; content: string }[] };
    expect(third.messages.filter((entry) => entry.role === 'user').map((entry) => entry.content)).toEqual([
      'First turn',
      'Second turn',
      'Third turn',
    ]);
    expect(third.messages.filter((entry) => entry.role === 'assistant')).toHaveLength(2);

    await panel.close();
    const reopened = await openPage('sidepanel');
    await expect(reopened.locator('.turn-user')).toHaveCount(3);
    await expect(reopened.locator('.turn-assistant')).toHaveCount(3);

    await reopened.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => chats().length).toBe(4);
    await expect(reopened.locator('.turn-assistant')).toHaveCount(3);

    await reopened.getByRole('button', { name: 'New chat' }).click();
    await expect(reopened.locator('.turn-user')).toHaveCount(0);
  } finally {
    await fake.close();
  }
});
