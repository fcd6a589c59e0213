import { expect, type Locator, type Page } from '@playwright/test';
import { type FakeServer, startFake } from '../../fakes/http';
import type { FeaturePage } from './popup-page';

/** A 1×1 transparent GIF: what a tracking pixel answers. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A server that records every hit, as an attacker's exfiltration endpoint would. */
export function startBeacon(): Promise<FakeServer> {
  return startFake((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/gif', 'access-control-allow-origin': '*' });
    response.end(PIXEL);
  });
}

export interface Traps {
  /** What hostile code would set if it ever ran. */
  pwned: unknown;
  /** CSP violations: the last line of defence should never even be reached. */
  violations: string[];
  /** Elements of kinds that must never appear (script, iframe, img, object, embed) added anywhere. */
  inserted: string[];
}

/**
 * Installed with page.evaluate right after the page loads (extension pages opened by the
 * worker take no init script): records CSP violations and any script/iframe/img inserted.
 */
export async function installTraps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { violations: [] as string[], inserted: [] as string[] };
    (window as unknown as { __traps: typeof state }).__traps = state;
    document.addEventListener('securitypolicyviolation', (event) => {
      state.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    const watched = /^(SCRIPT|IFRAME|IMG|OBJECT|EMBED|FRAME)$/;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const element of [node, ...node.querySelectorAll('*')]) {
            if (watched.test(element.tagName)) state.inserted.push(element.outerHTML.slice(0, 200));
          }
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
}

export function readTraps(page: Page): Promise<Traps> {
  return page.evaluate(() => {
    const state = (window as unknown as { __traps?: { violations: string[]; inserted: string[] } }).__traps;
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      violations: state?.violations ?? ['traps not installed'],
      inserted: state?.inserted ?? ['traps not installed'],
    };
  });
}

/** Starts recording main-thread long tasks (over 50 ms) in the page. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks recorded so far, with the page's clock now (performance.now()). */
export function longTasks(page: Page): Promise<{ now: number; tasks: { start: number; duration: number }[] }> {
  return page.evaluate(() => ({
    now: Math.round(performance.now()),
    tasks: [...((window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [])],
  }));
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => Math.round(performance.now()));
}

/**
 * Waits for an answer to end (done, error or stopped): its own Copy button appears. Exact name,
 * unlike FeaturePage.waitForEnd, so an answer holding a code block ("Copy code") is not ambiguous.
 */
export async function waitForAnswerEnd(answer: Locator): Promise<void> {
  await expect(answer.getByRole('button', { name: 'Copy', exact: true }).last()).toBeVisible({ timeout: 30_000 });
}

/**
 * FeaturePage.setModel, then waits until the choice is committed to the settings the page runs
 * with: the field changes at once, but Run reads the settings, which update only after a
 * storage round trip (a Run in between still uses the previous model).
 */
export async function setModelCommitted(ui: FeaturePage, feature: string, model: string): Promise<void> {
  await ui.setModel(model);
  await expect
    .poll(() =>
      ui.page.evaluate(async (id) => {
        const { settings } = (await chrome.storage.local.get('settings')) as {
          settings?: { featureDefaults?: Record<string, { model?: string }> };
        };
        return settings?.featureDefaults?.[id]?.model;
      }, feature),
    )
    .toBe(model);
  const summary = ui.page.locator('details.provider-details > summary');
  if (await summary.count()) await expect(summary).toContainText(` · ${model} · `);
}
