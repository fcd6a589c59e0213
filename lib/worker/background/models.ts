import { bestEffort } from '../session/room';
import { PROVIDERS, type ProviderId } from '../../catalogue/providers';
import { log } from '../../log/logger';
import { afterOllamaCall, ensureOllamaOriginRule } from '../providers/ollama-origin-rule';
import { ADAPTERS } from '../providers/registry';
import { readKey } from '../secrets/key-store';
import { modelCacheItem, readSettings } from '../../storage/items';

/**
 * The provider's own model list, fetched once per browser session (per base URL), or the
 * catalogue's suggestions when the provider cannot be asked (no key, offline, no list).
 */
export async function listModels(provider: ProviderId): Promise<{ models: string[]; source: 'provider' | 'defaults' }> {
  const info = PROVIDERS[provider];
  const defaults = { models: [...info.suggestedModels], source: 'defaults' as const };
  const settings = await readSettings();
  const baseUrl = settings.baseUrls[provider]?.trim() || info.defaultBaseUrl;
  const cacheKey = `${provider} ${baseUrl}`;
  const cached = (await modelCacheItem.getValue())[cacheKey];
  if (cached) return { models: cached.models, source: 'provider' };
  const apiKey = info.needsKey ? await readKey(provider, settings.keyIdleMinutes) : undefined;
  if (info.needsKey && !apiKey) return defaults;
  try {
    if (provider === 'ollama') await ensureOllamaOriginRule(baseUrl);
    const models = await ADAPTERS[provider].listModels({ baseUrl, ...(apiKey ? { apiKey } : {}) }, AbortSignal.timeout(8_000));
    if (provider === 'ollama') await afterOllamaCall(true, settings);
    if (models.length === 0) return defaults;
    await bestEffort(() => modelCacheItem.update((cache) => ({ ...cache, [cacheKey]: { models, at: Date.now() } })));
    return { models, source: 'provider' };
  } catch (error) {
    if (provider === 'ollama') await afterOllamaCall(false, settings);
    log.info('model list unavailable, using defaults', { provider, error });
    return defaults;
  }
}
