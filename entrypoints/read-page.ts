import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * Injected on demand ("use the whole page"): returns the page's main article as text,
 * via Readability on a copy of the document, so menus, ads and footers stay out.
 */
export default defineUnlistedScript(() => {
  const copy = document.cloneNode(true) as Document;
  const article = new Readability(copy, { charThreshold: 200 }).parse();
  // biome-ignore lint/performance/useDomNodeTextContent: the fallback wants visible text only, not script and style contents.
  const text = article?.textContent?.trim() || document.body?.innerText?.trim() || '';
  return { title: article?.title || document.title, text: text.replace(/\n{3,}/g, '\n\n') };
});
