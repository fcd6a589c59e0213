import { cleanDetail } from '../../errors/clean-detail';
import { normaliseServerUrl, PREFIXES, ServerCallError, serverFetch } from './client';

export interface ServerProbe {
  prefix: string;
  version?: string;
}

const PROBE_TIMEOUT_MS = 8_000;

/**
 * Finds which API prefix a Grompt server answers on: /api/v1 (builds since late 2025)
 * or /api (v1.0.9 and older). Never calls /config, which would hand us the server's keys.
 */
export async function detectPrefix(serverUrl: string, signal: AbortSignal): Promise<ServerProbe> {
  const root = normaliseServerUrl(serverUrl);
  for (const prefix of PREFIXES) {
    const response = await serverFetch(`${root}${prefix}/health`, { method: 'GET' }, signal, PROBE_TIMEOUT_MS, 'grompt');
    const text = await response.text();
    if (response.status === 404) continue;
    if (!response.ok) throw new ServerCallError({ kind: 'server', provider: 'grompt', status: response.status, detail: cleanDetail(text) });
    try {
      const health = JSON.parse(text) as { version?: unknown };
      return { prefix, ...(typeof health.version === 'string' ? { version: health.version } : {}) };
    } catch {
      throw new ServerCallError({ kind: 'bad-response', provider: 'grompt', detail: cleanDetail(text) });
    }
  }
  throw new ServerCallError({ kind: 'server-unsupported', provider: 'grompt' });
}
