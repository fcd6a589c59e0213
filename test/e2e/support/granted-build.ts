import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, EXTENSION_DIR } from '../fixtures';

/**
 * The built extension as it is after the user granted it access to `origins` (what the options
 * page asks for when a custom provider is saved). Chromium's permission prompt cannot be answered
 * from a test, so a copy of the build lists those origins as granted; the page's own
 * permissions.request then resolves at once, as it does for any origin already granted.
 * `hostRules` maps remote-looking names to loopback (--host-resolver-rules), and the fakes'
 * self-signed certificates are accepted (--ignore-certificate-errors).
 */
export async function launchWithGrantedOrigins(profileDir: string, origins: string[], hostRules: string) {
  const copy = join(mkdtempSync(join(tmpdir(), 'grompt-granted-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const args = CHROMIUM_FLAGS.map((flag) => flag.replace(EXTENSION_DIR, copy));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...args, `--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'],
    viewport: { width: 1000, height: 900 },
    locale: 'en-US',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host };
}
