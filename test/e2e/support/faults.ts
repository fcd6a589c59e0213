import { expect } from '@playwright/test';
import type { FeaturePage } from './popup-page';
import { waitForAnswerEnd } from './probes';
import { hex } from './random';

/** The fault specs' shared table runner: what the user must (not) see after each injected failure. */

export const OPENAI_KEY = `sk-proj-${hex()}`;
export const GEMINI_KEY = `AIza${hex()}${hex().slice(0, 3)}`;
export const ANTHROPIC_KEY = `sk-ant-api03-${hex()}`;
/** What the user typed: it must survive every failure untouched. */
export const TYPED = 'Quarterly notes: the harbour turbines made 14 GWh; salmon counts unchanged; costs down a third.';

/** Markup, stack frames, exception names: none of it belongs in what the user reads. */
export const RAW =
  /<\/?[a-z!][^>]*>|&lt;|&gt;|\bat \S+ \(|\.(js|ts):\d+|\b(Type|Syntax|Reference|Range)Error\b|\bstack\b|undefined|\[object /i;

export interface Fault {
  name: string;
  model: string;
  /** The exact first sentence(s) of the alert, from lib/i18n/en.ts. */
  message: string;
  /** Text streamed before the failure, which must stay visible. */
  partial?: string;
  settings?: Record<string, unknown>;
  /** What happens while the answer runs (e.g. cutting the stream once its first words are on screen). */
  during?: (ui: FeaturePage) => Promise<void>;
}

/** Faults run so far in this file, for the log line each spec prints at the end. */
export const injected: string[] = [];

/** Runs once and checks the error the user sees: exact sentence, nothing raw, input and partial text kept. */
export async function expectFault(
  ui: FeaturePage,
  fault: Fault,
  options: { field: string; meta?: boolean } = { field: 'Text to summarize' },
) {
  injected.push(fault.name);
  await ui.run();
  await fault.during?.(ui);
  // The answer shown is this run's (each fault has its own model name), not the previous one's.
  if (options.meta !== false) await expect(ui.answer.locator('.answer-meta')).toContainText(` · ${fault.model} · `, { timeout: 30_000 });
  await waitForAnswerEnd(ui.answer);
  const alert = ui.answer.getByRole('alert');
  await expect(alert, fault.name).toBeVisible();
  const shown = (await alert.textContent()) ?? '';
  // Soft: a wrong sentence is reported (with the whole alert), and the rest of the table still runs.
  await expect.soft(alert.locator('p').first(), `${fault.name} — the alert reads: ${JSON.stringify(shown)}`).toHaveText(fault.message);
  expect(shown, `${fault.name}: raw markup or a stack trace in the alert`).not.toMatch(RAW);
  await expect(alert.getByRole('button', { name: 'Retry' }), fault.name).toBeVisible();
  await expect(ui.page.getByLabel(options.field, { exact: true }), `${fault.name}: the typed input`).toHaveValue(TYPED);
  if (fault.partial) await expect(ui.answer.locator('.markdown'), `${fault.name}: partial text`).toContainText(fault.partial);
  else await expect(ui.answer.locator('.markdown'), `${fault.name}: no answer text`).toHaveCount(0);
  // Nothing raw anywhere in the answer, not only in the alert.
  expect((await ui.answer.textContent()) ?? '', `${fault.name}: raw text in the answer`).not.toMatch(RAW);
}
