import { startOpenAIFake } from '../fakes/openai-fake';
import { expect, test } from './fixtures';
import { summarizeInPopup } from './support/summarize';
import { expectAccessible } from './support/axe';

const KEY = 'sk-proj-references0123456789abcdef01234567';

/**
 * Definitions well after their use, with other blocks between: each block is parsed alone,
 * so they resolve only across blocks. The fake streams it a few characters per chunk.
 */
const ANSWER = [
  '## Where to read more',
  '',
  'See [the docs][d] and the [FAQ][] for details.[^src]',
  '',
  'A paragraph in between, with a second call.[^src] And a [trap][t].',
  '',
  '- a list item citing [the docs][d] again',
  '',
  '[d]: https://example.com/docs "The docs"',
  '[faq]: https://example.com/faq',
  '[t]: javascript:window.__pwned=1',
  '',
  '[^src]: From the [docs][d].',
].join('\n');

test('popup: reference links and footnotes defined in later blocks render as links, safely', async ({ worker, openPage }) => {
  const fake = await startOpenAIFake({ keys: [KEY], content: ANSWER });
  try {
    const { page, ui } = await summarizeInPopup(worker, () => openPage('popup'), {
      fakeUrl: fake.url,
      key: KEY,
      text: 'Where can I read more about tides?',
    });
    const markdown = ui.answer.locator('.markdown');

    const docs = markdown.getByRole('link', { name: 'the docs' });
    await expect(docs).toHaveCount(2);
    for (const link of await docs.all()) {
      await expect(link).toHaveAttribute('href', 'https://example.com/docs');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(link).toHaveAttribute('target', '_blank');
    }
    await expect(markdown.getByRole('link', { name: 'FAQ' })).toHaveAttribute('href', 'https://example.com/faq');
    // A javascript: definition gives no link, as an inline one would not.
    await expect(markdown.getByText('trap', { exact: true })).toBeVisible();
    await expect(markdown.locator('a[href^="javascript" i]')).toHaveCount(0);
    // No definition is left as text.
    await expect(markdown).not.toContainText('[d]:');
    await expect(markdown).not.toContainText('[the docs][d]');

    // Footnotes: both calls are number 1, linking to one section at the end, which links back.
    const calls = markdown.getByRole('link', { name: 'Footnote 1', exact: true });
    await expect(calls).toHaveCount(2);
    const section = markdown.getByRole('region', { name: 'Footnotes' });
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await expect(section.getByRole('listitem')).toContainText('From the docs.');
    await expect(section.getByRole('link', { name: 'docs', exact: true })).toHaveAttribute('href', 'https://example.com/docs');
    const target = (await calls.first().getAttribute('href')) ?? '';
    expect(target).toMatch(/^#[\w-]+-fn-1$/);
    await expect(page.locator(target)).toHaveCount(1);
    const back = (await section.getByRole('link', { name: 'Back to the text of footnote 1' }).getAttribute('href')) ?? '';
    await expect(page.locator(back)).toHaveText('1');
    await expectAccessible(page, 'popup, answer with footnotes');
    await calls.first().click();
    expect(new URL(page.url()).hash).toBe(target);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  } finally {
    await fake.close();
  }
});
