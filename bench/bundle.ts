import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface EntrySize {
  /** JavaScript loaded before the page can run: the entry chunk and everything it imports statically. */
  firstLoad: FileSize[];
  firstLoadBytes: number;
  firstLoadGzip: number;
  /** Stylesheets the page links. */
  css: FileSize[];
  /** Chunks loaded later by import() (Markdown, highlighting), not already in the first load. */
  lazy: FileSize[];
}

export interface BundleResult {
  dir: string;
  entries: Record<'popup' | 'sidepanel' | 'options' | 'background', EntrySize>;
  totalBytes: number;
  files: number;
}

const STATIC_IMPORT = /\b(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*[\w$*{}\s,]+?\s*from\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

function size(root: string, file: string): FileSize {
  const content = readFileSync(join(root, file));
  return { file, bytes: content.length, gzip: gzipSync(content).length };
}

/** Follows relative imports of `from` (a path inside the build, like "chunks/popup-x.js"). */
function importsOf(root: string, from: string, pattern: RegExp): string[] {
  const source = readFileSync(join(root, from), 'utf8');
  return [...source.matchAll(pattern)].map((match) => posix.join(posix.dirname(from), match[1] ?? ''));
}

function closure(root: string, starts: string[], patterns: RegExp[]): string[] {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const pattern of patterns) queue.push(...importsOf(root, file, pattern));
  }
  return [...seen];
}

function entry(root: string, starts: string[], css: string[]): EntrySize {
  const eager = closure(root, starts, [STATIC_IMPORT]);
  const lazyStarts = eager.flatMap((file) => importsOf(root, file, DYNAMIC_IMPORT));
  // Everything import() can reach later, less what the first load already brought.
  const lazy = closure(root, lazyStarts, [STATIC_IMPORT, DYNAMIC_IMPORT]).filter((file) => !eager.includes(file));
  const firstLoad = eager.map((file) => size(root, file));
  return {
    firstLoad,
    firstLoadBytes: firstLoad.reduce((sum, file) => sum + file.bytes, 0),
    firstLoadGzip: firstLoad.reduce((sum, file) => sum + file.gzip, 0),
    css: css.map((file) => size(root, file)),
    lazy: lazy.map((file) => size(root, file)).sort((a, b) => b.bytes - a.bytes),
  };
}

/** A page's scripts (its module entry and the classic early-reads script), modulepreloads and stylesheets its HTML lists. */
function pageEntry(root: string, html: string): EntrySize {
  const source = readFileSync(join(root, html), 'utf8');
  const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1]?.replace(/^\//, '');
  const tags = source.match(/<(script|link)\b[^>]*>/g) ?? [];
  const scripts = tags.filter((tag) => tag.startsWith('<script')).map((tag) => attribute(tag, 'src'));
  const preloads = tags.filter((tag) => /rel="modulepreload"/.test(tag)).map((tag) => attribute(tag, 'href'));
  const styles = tags.filter((tag) => /rel="stylesheet"/.test(tag)).map((tag) => attribute(tag, 'href'));
  const defined = (list: (string | undefined)[]) => list.filter((item): item is string => Boolean(item));
  return entry(root, [...defined(scripts), ...defined(preloads)], defined(styles));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Benchmark 6: what each page of the shipped build loads, raw and gzip (zlib's default level). */
export function measureBundle(root: string): BundleResult {
  const files = walk(root);
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  const background = manifest.background?.service_worker ?? 'background.js';
  return {
    dir: relative(process.cwd(), root) || root,
    entries: {
      popup: pageEntry(root, 'popup.html'),
      sidepanel: pageEntry(root, 'sidepanel.html'),
      options: pageEntry(root, 'options.html'),
      background: entry(root, [background], []),
    },
    totalBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    files: files.length,
  };
}

/** kB as Vite prints them: 1,000 bytes. */
export const kB = (bytes: number) => Math.round(bytes / 100) / 10;
