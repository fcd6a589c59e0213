import { CUSTOM_ACTION } from '../actions/run-input';
import type { JobKind } from '../domain/job';
import { FEATURES } from './registry';

/** The field that receives the page selection: the feature's main field, or the action's text. */
export function mainFieldOf(kind: JobKind): string {
  return kind === CUSTOM_ACTION ? 'selection' : FEATURES[kind].mainField;
}

/** A feature's form values before the user touches it: the schema's defaults, main text empty. */
export function defaultInput(feature: JobKind): Record<string, unknown> {
  if (feature === CUSTOM_ACTION) return { actionId: '', selection: '' };
  const { schema, mainField } = FEATURES[feature];
  const parsed = schema.safeParse({ [mainField]: 'x' });
  return { ...(parsed.success ? parsed.data : {}), [mainField]: '' };
}
