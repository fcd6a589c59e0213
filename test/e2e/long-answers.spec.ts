import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { FeaturePage } from './support/popup-page';
import { setModelCommitted } from './support/probes';
import { summarizeInPopup } from './support/summarize';
import { saveSettings } from './support/surfaces';

const KEY = 'sk-proj-longanswers0123456789abcdef0123456';

/** A paragraph of `count` sentences, each naming its paragraph and number. */
const paragraph = (name: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${name} sentence ${index} has a few more words in it.`).join(' ');

// Paragraphs far longer than a block (lib/markdown/blocks.ts cuts them into pieces shown as
// one paragraph), back to back, then a short one: about 28,000 characters in all.
const FIRST = paragraph('Alpha', 150);
const SECOND = paragraph('Beta', 150);
const THIRD = paragraph('Gamma', 300);
const ANSWER = `${FIRST}\n\n${SECOND}\n\n${THIRD}\n\nThe last short paragraph.`;

/** Where a sentence's first character is on screen. */
async function placeOf(page: import('@playwright/test').Page, sentence: string) {
  return page.evaluate((needle) => {
    const markdown = document.querySelector('.markdown');
    const walker = document.createTreeWalker(markdown ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      const left = markdown?.getBoundingClientRect().left ?? 0;
      return { x: Math.round(box.left - left), top: box.top, bottom: box.bottom };
    }
    return null;
  }, sentence);
}

test('popup: a long answer is all shown, its long paragraphs apart, and all of it again on reopening', async ({ worker, openPage }) => {
  const fake = await startOpenAIFake({ keys: [KEY], content: ANSWER });
  try {
    let { page, ui } = await summarizeInPopup(worker, () => openPage('popup'), { fakeUrl: fake.url, key: KEY, text: 'A long text.' });
    const shownInFull = async () => {
      await expect(ui.answer.locator('.markdown')).toHaveAttribute('data-shown', 'all');
      await expect(ui.answer.locator('.markdown')).toContainText('The last short paragraph.');
    };
    await shownInFull();
    // The second long paragraph starts on a line of its own, below the first one's end
    // (laid out inline, the pieces of two adjacent long paragraphs once ran together).
    const firstEnd = await placeOf(page, 'Alpha sentence 149 ');
    const secondStart = await placeOf(page, 'Beta sentence 0 ');
    expect(firstEnd && secondStart).toBeTruthy();
    expect(secondStart?.x).toBe(0);
    expect(secondStart?.top ?? 0).toBeGreaterThan(firstEnd?.bottom ?? Number.POSITIVE_INFINITY);
    await page.close();

    // Reopened, the stored answer arrives at once and is shown a step at a time, to its end.
    page = await openPage('popup');
    ui = new FeaturePage(page);
    await shownInFull();
    await expect(ui.answer.locator('.markdown')).toContainText('Gamma sentence 299 has a few more words in it.');
  } finally {
    await fake.close();
  }
});

test('popup: while a long answer streams, Stop stays in view at the bottom of the answer box and stops it', async ({
  worker,
  openPage,
}) => {
  // 4,000 words at 200 a second: the answer overflows its box (270 px) within a second or two and keeps growing.
  const fake = await startOpenAIFake({ keys: [KEY], eventsPerSecond: 200 });
  try {
    await saveSettings(worker, { baseUrls: { openai: `${fake.url}/v1` } });
    const page = await openPage('popup');
    const ui = new FeaturePage(page);
    await ui.chooseFeature('Summarizer');
    await setModelCommitted(ui, 'summarizer', 'long-4000');
    await ui.saveKey(KEY);
    await page.getByLabel('Text to summarize').fill('A long text.');
    await ui.run();
    await expect.poll(() => ui.answer.evaluate((box) => box.scrollHeight - box.clientHeight)).toBeGreaterThan(300);
    const stop = ui.answer.getByRole('button', { name: 'Stop', exact: true });
    // Within the box's visible part, not pushed below it by the growing text.
    const [box, button] = await Promise.all([ui.answer.boundingBox(), stop.boundingBox()]);
    expect(box && button).toBeTruthy();
    expect(button?.y ?? 0).toBeGreaterThanOrEqual(box?.y ?? Number.POSITIVE_INFINITY);
    expect((button?.y ?? 0) + (button?.height ?? 0)).toBeLessThanOrEqual((box?.y ?? 0) + (box?.height ?? 0) + 1);
    // A plain click: Playwright waits for the button to hold still, as a person's pointer must.
    await stop.click({ timeout: 5_000 });
    await expect(ui.answer.locator('.answer-status')).toHaveText('Stopped. The partial answer is kept.');
  } finally {
    await fake.close();
  }
});
