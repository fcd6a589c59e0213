import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { hex } from './support/random';
import { saveSettings } from './support/surfaces';

// Screenshots land in docs/screenshots when asked for (UPDATE_SCREENSHOTS=1), else with the test results.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test(`the options page's own providers and actions pass axe with their forms open (${scheme}), and are captured`, async ({
    worker,
    openPage,
  }) => {
    await saveSettings(worker, {
      customProviders: [
        {
          id: 'custom:lm-studio',
          name: 'LM Studio',
          baseUrl: 'http://localhost:1234/v1',
          needsKey: false,
          defaultModel: 'qwen2.5-7b-instruct',
          tokenParameter: 'max_tokens',
        },
        {
          id: 'custom:openrouter',
          name: 'OpenRouter',
          baseUrl: 'https://openrouter.ai/api/v1',
          needsKey: true,
          defaultModel: 'meta-llama/llama-3.3-70b-instruct',
          tokenParameter: 'max_tokens',
        },
        { id: 'custom:groq', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', needsKey: true, tokenParameter: 'max_tokens' },
      ],
    });
    await worker.evaluate(
      (key) => chrome.storage.session.set({ 'byok-keys': { 'custom:openrouter': key }, 'byok-last-activity': Date.now() }),
      `sk-or-v1-${hex()}`,
    );
    const options = await openPage('options');
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 760, height: 900 });
    const providers = options.locator('section.custom-providers');
    const actions = options.locator('section.custom-actions');
    await expect(providers.getByText(/Key saved for this browser session: sk-…/)).toBeVisible();
    await expect(actions.locator('ol.custom-list > li')).toHaveCount(3);

    mkdirSync(SHOTS, { recursive: true });
    // Both sections, one above the other, in page coordinates.
    const pageTop = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
    const pageBottom = (element: Element) => element.getBoundingClientRect().bottom + window.scrollY;
    const top = await providers.evaluate(pageTop);
    const bottom = await actions.evaluate(pageBottom);
    await options.screenshot({
      path: `${SHOTS}/options-custom-${scheme}.png`,
      fullPage: true,
      clip: { x: 0, y: top + 2, width: 760, height: bottom - top + 6 },
    });

    await providers.getByRole('button', { name: 'Add a provider' }).click();
    await actions.getByRole('button', { name: 'Edit Translate to Portuguese' }).click();
    const results = await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id} — ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}
