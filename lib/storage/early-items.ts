import type { JobKind, Surface } from '../domain/job';
import { defineItem } from './item';

/**
 * The items pages read before anything else (see components/early-reads.ts), declared
 * apart from items.ts so that those first reads load no schema code.
 */
export const SETTINGS_KEY = 'settings';

/** Settings as stored, unvalidated: `parseSettings` (lib/settings) checks them. */
export const rawSettingsItem = defineItem<unknown>('local', SETTINGS_KEY, {});

/** What the user typed in each feature's form (and the actions' form), per surface: closing the popup loses nothing. */
export type FormDrafts = Partial<Record<JobKind, Record<string, unknown>>>;
export const draftItems: Record<Surface, ReturnType<typeof defineDraftItem>> = {
  popup: defineDraftItem('popup'),
  sidepanel: defineDraftItem('sidepanel'),
};

function defineDraftItem(surface: Surface) {
  return defineItem<FormDrafts>('session', `drafts.${surface}`, {});
}
