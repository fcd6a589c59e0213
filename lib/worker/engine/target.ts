import type { GenerateRequest } from '../../domain/job';
import type { Settings } from '../../settings/schema';
import { type ResolvedProvider, resolveProvider } from '../../settings/resolve-provider';

/** Where one request goes: the provider (built in or the user's own), its model and base URL. */
export interface Target {
  provider: ResolvedProvider['id'];
  /** The provider's name, for messages (a custom provider has no catalogue entry). */
  label: string;
  model: string;
  baseUrl: string;
  needsKey: boolean;
  inputBudgetChars: number;
  /** Set for a provider the user added: never sent to a Grompt server, which does not know it. */
  custom?: ResolvedProvider['custom'];
}

/**
 * Resolves the request's provider against the settings. A custom id is trusted only if that
 * provider exists in the settings now; undefined otherwise (deleted meanwhile, or made up).
 */
export function resolveTarget(request: Pick<GenerateRequest, 'provider' | 'model'>, settings: Settings): Target | undefined {
  const provider = resolveProvider(request.provider, settings);
  if (!provider) return undefined;
  return {
    provider: provider.id,
    label: provider.label,
    model: request.model?.trim() || settings.models[provider.id] || provider.defaultModel,
    baseUrl: provider.baseUrl,
    needsKey: provider.needsKey,
    inputBudgetChars: provider.inputBudgetChars,
    ...(provider.custom ? { custom: provider.custom } : {}),
  };
}
