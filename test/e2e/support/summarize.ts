import type { Page, Worker } from '@playwright/test';
import { FeaturePage } from './popup-page';
import { setModelCommitted, waitForAnswerEnd } from './probes';
import { saveSettings } from './surfaces';

/**
 * A user with an OpenAI key summarizes `text` in the popup against the OpenAI fake at `fakeUrl`,
 * and the answer ends. Returns the popup and its page object.
 */
export async function summarizeInPopup(
  worker: Worker,
  openPopupPage: () => Promise<Page>,
  options: { fakeUrl: string; key: string; text: string },
): Promise<{ page: Page; ui: FeaturePage }> {
  await saveSettings(worker, { baseUrls: { openai: `${options.fakeUrl}/v1` } });
  const page = await openPopupPage();
  const ui = new FeaturePage(page);
  await ui.chooseFeature('Summarizer');
  await setModelCommitted(ui, 'summarizer', 'gpt-test');
  await ui.saveKey(options.key);
  await page.getByLabel('Text to summarize').fill(options.text);
  await ui.run();
  await waitForAnswerEnd(ui.answer);
  return { page, ui };
}
