import { z } from '../zod';
import { isCustomProviderId } from '../catalogue/provider-ref';
import { actionShapeSchema, type CustomAction, keyShapedField, MAX_ACTIONS } from './schema';

/** The file format, so a file of something else is told apart from a damaged actions file. */
export const ACTIONS_FORMAT = 'grompt-actions';
export const ACTIONS_FORMAT_VERSION = 1;

const fileSchema = z.object({
  format: z.literal(ACTIONS_FORMAT),
  version: z.literal(ACTIONS_FORMAT_VERSION),
  actions: z.array(z.unknown()).check(z.minLength(1)),
});

export type ImportProblem =
  | { problem: 'not-json' }
  | { problem: 'wrong-format' }
  | { problem: 'bad-action'; index: number; field: string }
  | { problem: 'key-shaped'; name: string; field: 'name' | 'template' | 'model' }
  | { problem: 'duplicate-id'; id: string }
  | { problem: 'too-many'; count: number };

export type ImportResult = { ok: true; actions: CustomAction[]; imported: number } | ({ ok: false } & ImportProblem);

/** The actions as a file to keep or share (nothing secret is in an action). */
export function exportActions(actions: readonly CustomAction[], now = new Date()): string {
  return `${JSON.stringify({ format: ACTIONS_FORMAT, version: ACTIONS_FORMAT_VERSION, exportedAt: now.toISOString(), actions }, null, 2)}\n`;
}

/**
 * Reads an actions file and merges it into the current list: an action whose id is already
 * there replaces it in place (importing an export again updates, never duplicates), new ones
 * follow. Any problem refuses the whole file, with what and where, and changes nothing.
 * A custom provider this browser does not have is dropped from an action (the default is used).
 */
export function importActions(text: string, current: readonly CustomAction[], knownProviders: ReadonlySet<string>): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) return { ok: false, problem: 'wrong-format' };
  const imported: CustomAction[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of file.data.actions.entries()) {
    const parsed = actionShapeSchema.safeParse(entry);
    if (!parsed.success)
      return { ok: false, problem: 'bad-action', index: index + 1, field: String(parsed.error.issues[0]?.path[0] ?? '') };
    const action = parsed.data;
    const keyed = keyShapedField(action);
    if (keyed) return { ok: false, problem: 'key-shaped', name: action.name, field: keyed };
    if (ids.has(action.id)) return { ok: false, problem: 'duplicate-id', id: action.id };
    ids.add(action.id);
    const { provider, model, ...rest } = action;
    const keepProvider = provider && (!isCustomProviderId(provider) || knownProviders.has(provider));
    imported.push(keepProvider ? action : rest);
  }
  const byId = new Map(imported.map((action) => [action.id, action]));
  const merged = current.map((action) => byId.get(action.id) ?? action);
  const known = new Set(current.map((action) => action.id));
  merged.push(...imported.filter((action) => !known.has(action.id)));
  if (merged.length > MAX_ACTIONS) return { ok: false, problem: 'too-many', count: merged.length };
  return { ok: true, actions: merged, imported: imported.length };
}
