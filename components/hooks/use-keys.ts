import { useCallback, useEffect, useState } from 'react';
import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import type { GromptError } from '@/lib/errors/kinds';
import { request } from '@/lib/messaging/client';

type Statuses = Partial<Record<ProviderRef, { hasKey: boolean; masked: string }>>;

/** What the UI may know of keys: whether one is saved, and its mask. Keys only ever go one way. */
export function useKeys() {
  const [statuses, setStatuses] = useState<Statuses>({});
  const [available, setAvailable] = useState(true);
  const refresh = useCallback(async () => {
    const reply = await request('key.status', {});
    if (reply.ok) {
      setStatuses(reply.value.keys);
      setAvailable(reply.value.available);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const save = useCallback(
    async (provider: ProviderRef, key: string): Promise<GromptError | undefined> => {
      const reply = await request('key.set', { provider, key });
      await refresh();
      return reply.ok ? undefined : reply.error;
    },
    [refresh],
  );
  const forget = useCallback(
    async (provider?: ProviderRef) => {
      await (provider ? request('key.forget', { provider }) : request('key.forget-all', {}));
      await refresh();
    },
    [refresh],
  );
  return { statuses, available, save, forget, refresh };
}
