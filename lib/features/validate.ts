import type { MessageKey } from '../i18n/translate';
import type { FeatureId } from './ids';
import { FEATURES } from './registry';

export type Validation =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; field: string; message: MessageKey; params?: Record<string, string> };

const KNOWN_CODES = new Set(['text-required', 'ideas-required', 'goal-required', 'subject-required', 'message-required']);

/**
 * Checks a feature's input against its schema. The UI runs it before sending, to put a
 * specific message next to the field; the background runs it again and trusts nothing.
 */
export function validateInput(feature: FeatureId, raw: Record<string, unknown>): Validation {
  const parsed = FEATURES[feature].schema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? FEATURES[feature].mainField);
  if (issue && KNOWN_CODES.has(issue.message)) {
    return { ok: false, field, message: `validation.${issue.message}` as MessageKey };
  }
  return { ok: false, field, message: 'validation.invalid', params: { field } };
}
