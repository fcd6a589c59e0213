import type { Settings } from '../../settings/schema';
import type { Target } from './target';

/**
 * How a request is served, decided once per request and reported as its mode:
 * a BYOK key first (directly, or through the Grompt server if the user chose that),
 * then the Grompt server's own configuration, then the local demo templates.
 * A custom provider never goes to the server (the server does not know it): directly, or demo.
 */
export type Route =
  | { kind: 'direct'; mode: 'byok' | 'local'; apiKey?: string }
  | { kind: 'server'; serverUrl: string; apiKey?: string }
  | { kind: 'demo' };

export function chooseRoute(target: Pick<Target, 'needsKey' | 'custom'>, apiKey: string | undefined, settings: Settings): Route {
  if (target.custom) {
    if (!target.needsKey) return { kind: 'direct', mode: 'local' };
    return apiKey ? { kind: 'direct', mode: 'byok', apiKey } : { kind: 'demo' };
  }
  const serverUrl = settings.server.url.trim();
  const viaServer = serverUrl !== '' && settings.server.routing === 'server';
  if (!target.needsKey) {
    // Ollama needs no key: it is always reachable directly, unless the user routes through the server.
    return viaServer ? { kind: 'server', serverUrl } : { kind: 'direct', mode: 'local' };
  }
  if (apiKey) return viaServer ? { kind: 'server', serverUrl, apiKey } : { kind: 'direct', mode: 'byok', apiKey };
  if (serverUrl) return { kind: 'server', serverUrl };
  return { kind: 'demo' };
}
