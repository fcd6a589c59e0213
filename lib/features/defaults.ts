import type { FeatureId } from './ids';
import { FEATURES } from './registry';

/** A feature's form values before the user touches it: the schema's defaults, main text empty. */
export function defaultInput(feature: FeatureId): Record<string, unknown> {
  const { schema, mainField } = FEATURES[feature];
  const parsed = schema.safeParse({ [mainField]: 'x' });
  return { ...(parsed.success ? parsed.data : {}), [mainField]: '' };
}
