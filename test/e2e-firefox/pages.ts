import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from './wait';

/**
 * Opens a page of ours in a new tab. Firefox's BiDi never reports a moz-extension:// navigation
 * as finished (page.goto would time out though the page loads), so the navigation is started
 * without waiting for it, and the page counts as open once React has rendered into #root.
 */
export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  page.goto(url).catch(() => undefined);
  await waitFor(
    () => page.evaluate((expected) => location.href === expected && (document.querySelector('#root')?.childElementCount ?? 0) > 0, url),
    `${url} to render`,
  );
  return page;
}

/** What a person would look for on screen: a field by its label, a button or a tab by its name. */
export type Query = { label: string } | { button: string | RegExp } | { tab: string } | { css: string };

/** Finds the first visible element matching `query`, waiting for it to appear. */
export async function find(page: Page, query: Query, timeoutMs?: number): Promise<ElementHandle<Element>> {
  const wire: Record<string, string> =
    'button' in query && query.button instanceof RegExp ? { buttonPattern: query.button.source } : (query as Record<string, string>);
  return waitFor(
    async () => {
      const handle = await page.evaluateHandle((q: Record<string, string>) => {
        const visible = (element: Element | null | undefined) => (element && element.getClientRects().length > 0 ? element : null);
        const nameOf = (element: Element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
        if (q.css) return visible(document.querySelector(q.css));
        if (q.tab) return visible(document.querySelector(`[role="tab"][aria-label="${q.tab}"]`));
        if (q.label) {
          for (const label of document.querySelectorAll('label')) {
            if (label.textContent?.trim() !== q.label) continue;
            const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input, select, textarea');
            if (visible(control)) return control;
          }
          return visible(document.querySelector(`[aria-label="${q.label}"]`));
        }
        const pattern = q.buttonPattern ? new RegExp(q.buttonPattern) : undefined;
        const buttons = [...document.querySelectorAll('button')].filter((button) =>
          pattern ? pattern.test(nameOf(button)) : nameOf(button) === q.button,
        );
        return buttons.map(visible).find(Boolean) ?? null;
      }, wire);
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (!element) await handle.dispose();
      return element;
    },
    `${JSON.stringify(wire)} on ${page.url()}`,
    timeoutMs,
  );
}

/**
 * Replaces a field's text in one edit, as pasting does: focus, select all, insert. The browser
 * fires one real input event, which React sees (typing key by key would race the settings
 * round trip of fields that save on every change, like Model).
 */
export async function fill(page: Page, query: Query, text: string): Promise<void> {
  const field = await find(page, query);
  await field.evaluate((element, value) => {
    const input = element as HTMLInputElement;
    input.focus();
    input.select();
    document.execCommand(value ? 'insertText' : 'delete', false, value);
  }, text);
  await waitFor(
    () => field.evaluate((element, expected) => (element as HTMLInputElement).value === expected, text),
    `${JSON.stringify(query)} = ${text}`,
  );
}

export async function click(page: Page, query: Query): Promise<void> {
  await (await find(page, query)).click();
}

/** The text of the first element matching `css` ('' when there is none). */
export function textOf(page: Page, css: string): Promise<string> {
  return page.evaluate((selector) => document.querySelector(selector)?.textContent ?? '', css);
}

/** What a page is painted with: the colour scheme it sees, and its background colour. */
export function paintedScheme(page: Page): Promise<{ dark: boolean; background: string }> {
  return page.evaluate(() => ({
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: getComputedStyle(document.body).backgroundColor,
  }));
}
