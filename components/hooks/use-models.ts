import { useEffect, useState } from 'react';
import { PROVIDERS, type ProviderId } from '@/lib/catalogue/providers';
import { request } from '@/lib/messaging/client';

/** The models to offer: the provider's own list when it can be fetched, else the catalogue's. */
export function useModels(provider: ProviderId, refreshKey: unknown, enabled = true): { models: readonly string[]; fromProvider: boolean } {
  const [state, setState] = useState<{ models: readonly string[]; fromProvider: boolean }>({
    models: PROVIDERS[provider].suggestedModels,
    fromProvider: false,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes when a key is saved, so the provider's own list can be fetched.
  useEffect(() => {
    let current = true;
    setState({ models: PROVIDERS[provider].suggestedModels, fromProvider: false });
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
