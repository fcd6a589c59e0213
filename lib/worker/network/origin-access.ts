import { browser } from 'wxt/browser';
import { RequestRefusedError } from '../../network/endpoint-policy';
import { isBuiltInOrigin } from '../../network/hosts';
import { originPattern } from '../../settings/origins';

/**
 * Whether the user still lets the extension reach this origin. Access to a base URL or
 * Grompt server origin is granted at save time, but the user may withdraw it later in the
 * browser's extension settings; the service worker's fetch would still go out (in CORS mode,
 * and succeed against any server that allows CORS), so we ask right before each request.
 * The manifest's own origins (providers, loopback) are granted at install and not asked about.
 * An API that fails to answer counts as "no": we fail closed.
 */
export async function hasOriginAccess(url: URL): Promise<boolean> {
  if (isBuiltInOrigin(url)) return true;
  try {
    return await browser.permissions.contains({ origins: [originPattern(url.origin)] });
  } catch {
    return false;
  }
}

/** Throws permission-revoked (no request leaves) when the user no longer allows the origin. */
export async function assertOriginAccess(url: URL): Promise<void> {
  if (!(await hasOriginAccess(url))) throw new RequestRefusedError('permission-revoked', url.host, url.origin);
}
