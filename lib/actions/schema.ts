import { z } from '../zod';
import { providerRefSchema } from '../catalogue/provider-ref';
import { looksLikeKey } from '../keys/key-shape';

/** Where an action is offered: the popup (and side panel), the page's context menu, or both. */
export const PLACEMENTS = ['both', 'popup', 'menu'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Actions the user may keep at once: plenty for real use, bounded for storage and the menu. */
export const MAX_ACTIONS = 40;
export const MAX_TEMPLATE_CHARS = 20_000;

const ACTION_ID = /^[a-z0-9-]{1,64}$/;

/**
 * An action's shape, before the key-shape rule: the import reports a key in a template apart
 * from a malformed file, so the user knows which action to fix.
 */
export const actionShapeSchema = z.object({
  id: z.string().check(z.regex(ACTION_ID)),
  name: z.string().check(z.trim(), z.minLength(1, 'name-required'), z.maxLength(60)),
  /** The prompt, with {{selection}}, {{page.title}}, {{page.url}} and {{language}} (lib/actions/template.ts). */
  template: z.string().check(z.trim(), z.minLength(1, 'template-required'), z.maxLength(MAX_TEMPLATE_CHARS)),
  /** Absent: the default provider and model of the moment. */
  provider: z.optional(providerRefSchema),
  model: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  placement: z._default(z.enum(PLACEMENTS), 'both'),
});

/** The text fields of an action that is written to disk: none may hold a key. */
export function keyShapedField(action: {
  name: string;
  template: string;
  model?: string | undefined;
}): 'name' | 'template' | 'model' | undefined {
  if (looksLikeKey(action.name)) return 'name';
  if (looksLikeKey(action.template)) return 'template';
  if (action.model && looksLikeKey(action.model)) return 'model';
  return undefined;
}

/** A user-defined action as stored in storage.local (settings on disk: no secrets). */
export const customActionSchema = actionShapeSchema.check(z.refine((action) => keyShapedField(action) === undefined, 'key-shaped'));
export type CustomAction = z.infer<typeof customActionSchema>;

export function newActionId(): string {
  return crypto.randomUUID();
}

export function showsIn(action: Pick<CustomAction, 'placement'>, where: 'popup' | 'menu'): boolean {
  return action.placement === 'both' || action.placement === where;
}

/** The stored list, keeping every valid action in order; a bad or repeated entry is dropped alone. */
export function parseActions(raw: unknown): CustomAction[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const valid: CustomAction[] = [];
  for (const entry of raw) {
    const parsed = customActionSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    valid.push(parsed.data);
  }
  return valid.slice(0, MAX_ACTIONS);
}
