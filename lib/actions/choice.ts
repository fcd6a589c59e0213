import type { ProviderRef } from '../catalogue/provider-ref';
import { resolveProvider } from '../settings/resolve-provider';
import type { Settings } from '../settings/schema';
import type { CustomAction } from './schema';

/**
 * The provider and model an action runs with: its own when it names one that exists, else the
 * default provider of the moment (and that provider's chosen model).
 */
export function actionChoice(
  action: Pick<CustomAction, 'provider' | 'model'>,
  settings: Settings,
): { provider: ProviderRef; model: string } {
  const own = action.provider && resolveProvider(action.provider, settings) ? action.provider : undefined;
  const provider = own ?? settings.provider;
  const model = (own ? action.model : undefined) || settings.models[provider] || resolveProvider(provider, settings)?.defaultModel || '';
  return { provider, model };
}
