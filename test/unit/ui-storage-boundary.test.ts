import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file a page loads from our own code: components/ and the page entrypoints. */
function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const PAGE_FILES = [
  'components',
  'entrypoints/popup',
  'entrypoints/sidepanel',
  'entrypoints/options',
  'entrypoints/read-page.ts',
  'entrypoints/early-reads.ts',
].flatMap((path) => (statSync(path).isDirectory() ? pageFiles(path) : [path]));

/**
 * Lint keeps pages away from the key store's module; this keeps them away from its data.
 * Pages reach session memory only through the items declared in lib/storage (drafts, jobs,
 * the chat), never the raw API, never an item of their own, never a key's storage name.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/storage\s*\.\s*session/, 'the raw storage.session API'],
  [/\bdefineItem\s*[<(]/, 'a storage item defined outside lib/storage'],
  [/byok-/, "a key item's storage name"],
  [/storage\s*\[\s*['"`]session/, 'storage.session by a computed name'],
];

describe('pages never touch session memory or keys directly', () => {
  it('finds the page files (control)', () => {
    expect(PAGE_FILES.length).toBeGreaterThan(30);
    expect(PAGE_FILES).toContain('components/early-reads.ts');
  });

  it.each(FORBIDDEN)('no page file uses %s (%s)', (pattern) => {
    const offenders = PAGE_FILES.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the scan would catch an offender (control)', () => {
    const sample = "const keys = await browser.storage.session.get('byok-keys');";
    expect(FORBIDDEN.filter(([pattern]) => pattern.test(sample)).length).toBe(2);
  });
});
