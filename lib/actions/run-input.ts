import { z } from '../zod';

/** The job kind of a user-defined action: one generic kind, the action named by its input. */
export const CUSTOM_ACTION = 'custom-action' as const;

/**
 * What a page (or the context menu) sends to run an action: which action, and on what text.
 * Never the template: the worker reads it from storage, so a page cannot make an action say
 * something the user did not write. Unknown fields (a "template" among them) are dropped.
 */
export const actionRunInputSchema = z.object({
  actionId: z.string().check(z.minLength(1), z.maxLength(64)),
  selection: z._default(z.string().check(z.maxLength(5_000_000)), ''),
  pageTitle: z.optional(z.string().check(z.maxLength(2_000))),
  pageUrl: z.optional(z.string().check(z.maxLength(8_000))),
});
export type ActionRunInput = z.infer<typeof actionRunInputSchema>;
