import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import type { FeatureId } from '@/lib/features/ids';
import type { Settings } from '@/lib/settings/schema';

/** Settings with `model` chosen for `feature` on `provider` (what picking it in the provider bar saves). */
export function withFeatureModel(settings: Settings, feature: FeatureId, provider: ProviderRef, model: string): Settings {
  return {
    ...settings,
    provider,
    featureDefaults: { ...settings.featureDefaults, [feature]: { provider, model } },
    models: { ...settings.models, [provider]: model },
  };
}
