import { expect, test } from './fixtures';
import { selectText } from './support/surfaces';

test('popup: the selection pre-fills the summarizer, and a demo answer streams in with the Demo badge', async ({
  openTestPage,
  openPopup,
}) => {
  const article = await openTestPage();
  const selected = await selectText(article, '#lead');

  const popup = await openPopup();
  const input = popup.getByLabel('Text to summarize');
  await expect(input).toHaveValue(selected.trim());
  await expect(popup.getByRole('tab', { name: 'Summarizer' })).toHaveAttribute('aria-selected', 'true');

  await popup.getByRole('button', { name: 'Run' }).click();
  const answer = popup.locator('section.answer');
  await expect(answer.locator('.badge')).toHaveText(/Demo/);
  await expect(answer.getByRole('heading', { name: 'Key Insights' })).toBeVisible();
  // A demo summary is built from the text's own sentences.
  await expect(answer).toContainText('Tidal turbines installed in three northern harbours');
  await expect(answer.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(answer.locator('.answer-meta')).toContainText('OpenAI');
});

test('side panel: opens, runs the demo image prompt, and shows the Demo badge', async ({ openPage }) => {
  const panel = await openPage('sidepanel');
  await panel.getByRole('tab', { name: 'Image Prompt' }).click();
  await panel.getByLabel('Subject').fill('a lighthouse on a cliff at dawn');
  await panel.getByRole('button', { name: 'Run' }).click();
  const answer = panel.locator('section.answer');
  await expect(answer.locator('.badge')).toHaveText(/Demo/);
  await expect(answer).toContainText('Prompt: a lighthouse on a cliff at dawn');
});
