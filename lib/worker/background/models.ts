import { bestEffort } from '../session/room';
import { isProviderId } from '../../catalogue/providers';
import type { ProviderRef } from '../../catalogue/provider-ref';
import { log } from '../../log/logger';
import { resolveProvider } from '../../settings/resolve-provider';
import { beginOllamaCall } from '../providers/ollama-origin-rule';
import { adapterFor } from '../providers/registry';
import { readKey } from '../secrets/key-store';
import { modelCacheItem, readSettings } from '../../storage/items';

/**
 * The provider's own model list, fetched once per browser session (per base URL), or the
 * catalogue's suggestions when the provider cannot be asked (no key, offline, no list). A custom
 * provider is asked at `GET {base}/models`; without an answer its model is typed freely.
 */
export async function listModels(ref: ProviderRef): Promise<{ models: string[]; source: 'provider' | 'defaults' }> {
  const settings = await readSettings();
  const info = resolveProvider(ref, settings);
  if (!info) return { models: [], source: 'defaults' };
  const defaults = { models: [...info.suggestedModels], source: 'defaults' as const };
  const { baseUrl } = info;
  const cacheKey = `${ref} ${baseUrl}`;
  const cached = (await modelCacheItem.getValue())[cacheKey];
  if (cached) return { models: cached.models, source: 'provider' };
  const apiKey = info.needsKey ? await readKey(ref, settings.keyIdleMinutes) : undefined;
  if (info.needsKey && !apiKey) return defaults;
  const adapter = info.custom ? adapterFor(info.custom) : isProviderId(ref) ? adapterFor(ref) : undefined;
  if (!adapter) return defaults;
  const endOllamaCall = ref === 'ollama' ? await beginOllamaCall(baseUrl) : undefined;
  try {
    const models = await adapter.listModels({ baseUrl, ...(apiKey ? { apiKey } : {}) }, AbortSignal.timeout(8_000));
    await endOllamaCall?.(true);
    if (models.length === 0) return defaults;
    await bestEffort(() => modelCacheItem.update((cache) => ({ ...cache, [cacheKey]: { models, at: Date.now() } })));
    return { models, source: 'provider' };
  } catch (error) {
    await endOllamaCall?.(false);
    log.info('model list unavailable, using defaults', { provider: ref, error });
    return defaults;
  }
}
