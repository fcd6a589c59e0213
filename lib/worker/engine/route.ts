import { PROVIDERS, type ProviderId } from '../../catalogue/providers';
import type { Settings } from '../../settings/schema';

/**
 * How a request is served, decided once per request and reported as its mode:
 * a BYOK key first (directly, or through the Grompt server if the user chose that),
 * then the Grompt server's own configuration, then the local demo templates.
 */
export type Route =
  | { kind: 'direct'; mode: 'byok' | 'local'; apiKey?: string }
  | { kind: 'server'; serverUrl: string; apiKey?: string }
  | { kind: 'demo' };

export function chooseRoute(provider: ProviderId, apiKey: string | undefined, settings: Settings): Route {
  const serverUrl = settings.server.url.trim();
  const viaServer = serverUrl !== '' && settings.server.routing === 'server';
  if (!PROVIDERS[provider].needsKey) {
    // Ollama needs no key: it is always reachable directly, unless the user routes through the server.
    return viaServer ? { kind: 'server', serverUrl } : { kind: 'direct', mode: 'local' };
  }
  if (apiKey) return viaServer ? { kind: 'server', serverUrl, apiKey } : { kind: 'direct', mode: 'byok', apiKey };
  if (serverUrl) return { kind: 'server', serverUrl };
  return { kind: 'demo' };
}
