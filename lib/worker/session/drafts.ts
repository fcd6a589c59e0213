import type { JobKind, Surface } from '../../domain/job';
import { draftItems } from '../../storage/items';
import { withRoom } from './room';
import { sweepSession } from './sweep';
import { withPackedTexts } from './texts';

/** Texts a draft no longer uses are swept this long after the last save (typing saves often). */
const SWEEP_DELAY_MS = 2_000;
let sweepTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Saves one feature's form values for a surface. The worker is the drafts' only writer (one
 * update at a time, so two features saved at once are both kept), and long texts are stored
 * once, shared with the jobs run from them.
 */
export async function saveDraft(surface: Surface, feature: JobKind, values: Record<string, unknown>): Promise<void> {
  await withPackedTexts(values, (packed) => withRoom(() => draftItems[surface].update((drafts) => ({ ...drafts, [feature]: packed }))));
  clearTimeout(sweepTimer);
  sweepTimer = setTimeout(() => void sweepSession(), SWEEP_DELAY_MS);
}
