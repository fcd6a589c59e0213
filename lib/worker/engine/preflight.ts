import type { ErrorFacts } from '../../errors/describe';
import { isKeyShaped } from '../../settings/key-shaped';
import { checkUserUrl } from '../../settings/origins';
import { hasOriginAccess } from '../network/origin-access';
import type { Route } from './route';
import type { Target } from './sources';

/**
 * The last checks before a request leaves the worker, whatever the page sent or storage
 * held: nothing key-shaped in the model name (it goes into Gemini's URL path and every
 * request body) or in the URL, and the user still grants access to the URL's origin.
 */
export async function preflight(route: Route, target: Target): Promise<ErrorFacts | undefined> {
  if (route.kind === 'demo') return undefined;
  const provider = route.kind === 'server' ? 'grompt' : target.provider;
  const raw = route.kind === 'server' ? route.serverUrl : target.baseUrl;
  if (isKeyShaped(target.model)) return { kind: 'key-shaped', provider };
  const check = checkUserUrl(raw);
  if (!check.ok) {
    if (check.problem === 'key-shaped') return { kind: 'key-shaped', provider };
    return { kind: 'host-refused', provider, url: hostOf(raw) };
  }
  const url = new URL(raw.trim());
  if (!(await hasOriginAccess(url))) return { kind: 'permission-revoked', provider, url: url.host, origin: url.origin };
  return undefined;
}

function hostOf(raw: string): string {
  try {
    return new URL(raw.trim()).host;
  } catch {
    return raw.slice(0, 80);
  }
}
