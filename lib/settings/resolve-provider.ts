import { isProviderId, PROVIDER_IDS, PROVIDERS, type WireProtocol } from '../catalogue/providers';
import { isCustomProviderId, type ProviderRef } from '../catalogue/provider-ref';
import type { CustomProvider } from './custom-providers';
import type { Settings } from './schema';

/**
 * Input budgets for custom endpoints, whose model we cannot know. Keyless ones are almost always
 * a server on this machine (LM Studio, llama.cpp) with a small default context, like Ollama;
 * keyed ones are hosted gateways whose models take 32k tokens and more.
 */
const KEYLESS_BUDGET_CHARS = 24_000;
const KEYED_BUDGET_CHARS = 96_000;

/** A provider as every part of the extension needs it, whether built in or added by the user. */
export interface ResolvedProvider {
  id: ProviderRef;
  label: string;
  protocol: WireProtocol;
  needsKey: boolean;
  /** The base URL calls go to: the user's override, else the default (a custom provider's own). */
  baseUrl: string;
  defaultModel: string;
  suggestedModels: readonly string[];
  inputBudgetChars: number;
  keyUrl?: string;
  /** Set for providers the user added. */
  custom?: CustomProvider;
}

type ProviderSettings = Pick<Settings, 'customProviders' | 'baseUrls'>;

function fromCustom(custom: CustomProvider): ResolvedProvider {
  return {
    id: custom.id,
    label: custom.name,
    protocol: 'openai-compatible',
    needsKey: custom.needsKey,
    baseUrl: custom.baseUrl,
    defaultModel: custom.defaultModel ?? '',
    suggestedModels: custom.defaultModel ? [custom.defaultModel] : [],
    inputBudgetChars: custom.needsKey ? KEYED_BUDGET_CHARS : KEYLESS_BUDGET_CHARS,
    custom,
  };
}

/** The provider behind an id, or undefined for a custom one that no longer exists. */
export function resolveProvider(ref: string, settings: ProviderSettings): ResolvedProvider | undefined {
  if (isProviderId(ref)) {
    const info = PROVIDERS[ref];
    return {
      id: ref,
      label: info.label,
      protocol: info.protocol,
      needsKey: info.needsKey,
      baseUrl: settings.baseUrls[ref]?.trim() || info.defaultBaseUrl,
      defaultModel: info.defaultModel,
      suggestedModels: info.suggestedModels,
      inputBudgetChars: info.inputBudgetChars,
      ...(info.keyUrl ? { keyUrl: info.keyUrl } : {}),
    };
  }
  if (!isCustomProviderId(ref)) return undefined;
  const custom = settings.customProviders.find((provider) => provider.id === ref);
  return custom ? fromCustom(custom) : undefined;
}

/** What to call a provider in the UI and in messages; an unknown id is shown as it is. */
export function providerLabel(ref: string, settings: ProviderSettings): string {
  return resolveProvider(ref, settings)?.label ?? ref;
}

/** Every provider the user can pick, built-in first, then the user's own. */
export function providerChoices(settings: ProviderSettings): { id: ProviderRef; label: string; custom: boolean }[] {
  return [
    ...PROVIDER_IDS.map((id) => ({ id, label: PROVIDERS[id].label, custom: false })),
    ...settings.customProviders.map((provider) => ({ id: provider.id, label: provider.name, custom: true })),
  ];
}
