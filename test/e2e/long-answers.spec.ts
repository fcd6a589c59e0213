import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { summarizeInPopup } from './support/summarize';
import { FeaturePage } from './support/popup-page';

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
