import type { JobKind, Surface } from '../domain/job';
import { defineItem } from './item';
import { resolveTexts } from './texts';

/**
 * The items pages read before anything else (see components/early-reads.ts), declared
 * apart from items.ts so that those first reads load no schema code.
 */
export const SETTINGS_KEY = 'settings';

/** Settings as stored, unvalidated: `parseSettings` (lib/settings) checks them. */
export const rawSettingsItem = defineItem<unknown>('local', SETTINGS_KEY, {});

/**
 * What the user typed in each feature's form (and the actions' form), per surface: closing the
 * popup loses nothing. Written by the background only (lib/worker/session/drafts.ts); long texts
 * are references.
 */
export type FormDrafts = Partial<Record<JobKind, Record<string, unknown>>>;
export const draftItems: Record<Surface, ReturnType<typeof defineDraftItem>> = {
  popup: defineDraftItem('popup'),
  sidepanel: defineDraftItem('sidepanel'),
};

function defineDraftItem(surface: Surface) {
  return defineItem<FormDrafts>('session', `drafts.${surface}`, {});
}

/** A surface's drafts with their long texts read back in place (one more read only when there are any). */
export async function readDrafts(surface: Surface): Promise<FormDrafts> {
  const stored = await draftItems[surface].getValue();
  const entries = await Promise.all(Object.entries(stored).map(async ([feature, values]) => [feature, await resolveTexts(values ?? {})]));
  return Object.fromEntries(entries);
}
