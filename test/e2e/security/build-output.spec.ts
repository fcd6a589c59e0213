import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The built extension, read as a reviewer would: what it may do (manifest), and what it
 * ships (no keys, no eval, no SDK in the pages a user opens). No browser needed.
 */
const BUILDS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv3' } as const;

function manifestOf(build: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
}

/** The security-relevant part of a manifest; any widening shows up as a diff of this snapshot. */
function permissionsOf(manifest: Record<string, unknown>) {
  return {
    permissions: manifest.permissions,
    host_permissions: manifest.host_permissions,
    optional_host_permissions: manifest.optional_host_permissions,
    content_security_policy: manifest.content_security_policy,
    content_scripts: manifest.content_scripts ?? null,
    web_accessible_resources: manifest.web_accessible_resources ?? null,
    externally_connectable: manifest.externally_connectable ?? null,
  };
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

test('the manifests ask for exactly the reviewed permissions (snapshot)', () => {
  const snapshot = JSON.parse(readFileSync('test/e2e/security/manifest.snapshot.json', 'utf8'));
  expect({ chrome: permissionsOf(manifestOf(BUILDS.chrome)), firefox: permissionsOf(manifestOf(BUILDS.firefox)) }).toEqual(snapshot);
});

test('extension pages run only our own script: no inline or remote code, no eval', () => {
  const csp = (manifestOf(BUILDS.chrome).content_security_policy as { extension_pages: string }).extension_pages;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  for (const file of filesOf(BUILDS.chrome)) {
    if (file.endsWith('.html')) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/<script(?![^>]*\bsrc="\/)[^>]*>/);
      expect(html, file).not.toMatch(/src="https?:/);
    }
    if (file.endsWith('.js')) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
    }
  }
});

test('nothing key-like is shipped, and the pages a user opens contain no provider SDK', () => {
  const keyLike = /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}/;
  const sdkMarkers = ['dangerouslyAllowBrowser', 'anthropic-dangerous-direct-browser-access', 'x-goog-api-client', 'x-stainless-'];
  const files = filesOf(BUILDS.chrome);
  for (const file of files) {
    const text = readFileSync(file).toString('latin1');
    expect(text.match(keyLike)?.[0], file).toBeUndefined();
  }
  const background = readFileSync(join(BUILDS.chrome, 'background.js'), 'utf8');
  // Positive control: the markers are real, the background (the only SDK user) has them.
  for (const marker of sdkMarkers) expect(background, marker).toContain(marker);
  const uiChunks = files.filter((file) => file.endsWith('.js') && !file.endsWith('background.js'));
  expect(uiChunks.length).toBeGreaterThan(3);
  for (const file of uiChunks) {
    const code = readFileSync(file, 'utf8');
    for (const marker of sdkMarkers) expect(code.includes(marker), `${marker} in ${file}`).toBe(false);
  }
});
