import type { Surface } from '../messaging/job';

/**
 * Storage keys the pages read before anything else (see components/early-reads.ts). Kept
 * apart from items.ts so that those first reads load no schema code.
 */
export const SETTINGS_KEY = 'settings';
export const draftsKey = (surface: Surface) => `drafts.${surface}`;
