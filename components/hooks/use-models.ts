import { useEffect, useState } from 'react';
import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import { request } from '@/lib/messaging/client';

/**
 * The models to offer: the provider's own list when it can be fetched, else the suggestions
 * (the catalogue's, or a custom provider's default model; an empty list means free text).
 */
export function useModels(
  provider: ProviderRef,
  suggestions: readonly string[],
  refreshKey: unknown,
  enabled = true,
): { models: readonly string[]; fromProvider: boolean } {
  const [state, setState] = useState<{ models: readonly string[]; fromProvider: boolean }>({ models: suggestions, fromProvider: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes when a key is saved, so the provider's own list can be fetched; suggestions follow the provider.
  useEffect(() => {
    let current = true;
    setState({ models: suggestions, fromProvider: false });
    // Asking the provider costs a request: only once someone can see the list.
    if (!enabled) return;
    void request('models.list', { provider }).then((reply) => {
      if (current && reply.ok) setState({ models: reply.value.models, fromProvider: reply.value.source === 'provider' });
    });
    return () => {
      current = false;
    };
  }, [provider, refreshKey, enabled]);
  return state;
}
