import type { Rollup } from 'vite';
import { defineConfig } from 'wxt';
import { PROVIDER_HOST_PERMISSIONS } from './lib/network/hosts';

// Bench-only pages (a bare React baseline) are built only for `npm run bench`,
// so the shipped extension never contains them.
const benchBuild = process.env.GROMPT_BENCH === '1';
// The control build for the worker-lifetime test: no keep-alive (lib/worker/engine/keep-alive.ts),
// built apart so it can never be mistaken for the shipped one.
const controlBuild = process.env.WXT_KEEPALIVE === 'off';

// Extension pages: no inline or remote script, no plugins, no <base> tricks, and no
// remote images, so a prompt-injected answer cannot beacon page text out through <img>.
const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "img-src 'self' data:",
  "form-action 'none'",
].join('; ');

/**
 * Firefox: 140 is the first version with both optional_host_permissions (128; a server or base
 * URL origin is asked for at run time) and the built-in data consent (140) that addons.mozilla.org
 * requires of new add-ons; storage.session (115) comes with it. What we transmit: the page text
 * the user chose, to the provider or Grompt server the user configured. (A variable, not a
 * literal: WXT 0.21's manifest type predates data_collection_permissions.)
 */
const GECKO = {
  id: 'grompt-extension@kubex.dev',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['websiteContent'] },
};

/** The HTML entries whose static imports reach a module. */
function entriesLoading(id: string, meta: Rollup.ManualChunkMeta, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(id)) return found;
  seen.add(id);
  const info = meta.getModuleInfo(id);
  if (info?.isEntry) found.add(id);
  for (const importer of info?.importers ?? []) for (const entry of entriesLoading(importer, meta, seen)) found.add(entry);
  return found;
}

/**
 * Code that two or more pages load at once goes into one chunk. Left to itself, Rollup splits
 * it by which pages share it (all three; popup and side panel), and each file a page loads
 * costs its main thread ~5 ms on this VM (a Chromium trace: the request started, the response
 * handled) before any of our code runs. Modules that are only import()ed stay lazy. In the
 * bench build, what the baseline page shares with ours (React) gets a chunk of its own, so
 * that the baseline stays a bare React page, loaded as before.
 */
function sharedPageChunk(id: string, meta: Rollup.ManualChunkMeta): string | undefined {
  if (meta.getModuleInfo(id)?.isEntry) return undefined;
  const entries = [...entriesLoading(id, meta)];
  const baseline = entries.some((entry) => entry.includes('bench-baseline'));
  if (baseline) return entries.length >= 2 ? 'react' : undefined;
  return entries.length >= 2 ? 'pages' : undefined;
}

export default defineConfig({
  // Explicit imports keep every dependency edge visible to the linter.
  imports: false,
  // MV3 for Firefox too (WXT defaults Firefox to MV2); storage.session needs Firefox 115+.
  manifestVersion: 3,
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'popup')) return;
      config.build ??= {};
      config.build.rollupOptions ??= {};
      config.build.rollupOptions.output = { ...config.build.rollupOptions.output, manualChunks: sharedPageChunk };
    },
  },
  outDir: benchBuild ? '.output-bench' : controlBuild ? '.output-control' : '.output',
  filterEntrypoints: benchBuild ? undefined : ['background', 'popup', 'sidepanel', 'options', 'read-page', 'early-reads'],
  // `wxt zip -b firefox` also packs the sources addons.mozilla.org asks for: what builds the
  // extension (README, package files, configs, entrypoints, components, lib, public, scripts),
  // not tests, benchmarks, screenshots or their results. node_modules, dotfiles, .output and
  // *.spec/*.test files are left out by WXT already.
  zip: { excludeSources: ['test/**', 'test-results/**', 'playwright-report/**', 'bench/**', 'entrypoints/bench-baseline/**', 'docs/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'contextMenus',
      'activeTab',
      'scripting',
      // Drops the Origin header on our own requests to Ollama only (see lib/worker/providers/ollama-origin-rule.ts).
      'declarativeNetRequestWithHostAccess',
      // Forgets keys after the idle time even while no page of ours is open.
      'alarms',
      // WXT adds `sidePanel` for Chromium builds itself; Firefox uses sidebar_action.
    ],
    host_permissions: PROVIDER_HOST_PERMISSIONS,
    // A user-configured Grompt server or base URL is requested at run time from the options page.
    // (Plain http is refused for anything but loopback, which is already granted above.)
    optional_host_permissions: ['https://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandOpenSidePanel__',
      },
      'summarize-selection': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: '__MSG_commandSummarize__',
      },
    },
    // Firefox for Android has the data consent from 142.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } } } : {}),
  }),
});
