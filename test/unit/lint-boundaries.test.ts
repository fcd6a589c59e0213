import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIOME = resolve('node_modules/.bin/biome');

/** One file written at `path` with `source`: lint must refuse it with `rule` (saying `says`), or accept it. */
interface Case {
  name: string;
  path: string;
  source: string;
  refused?: { rule: string; says?: string };
}

const UI = 'Pages import only';
const refuseImport = (says = UI) => ({ rule: 'noRestrictedImports', says });

/** Every known way around the UI/worker boundary, each of which must fail, and controls that must pass. */
const CASES: Case[] = [
  { name: 'an SDK by name', path: 'components/case.tsx', source: "import OpenAI from 'openai';", refused: refuseImport() },
  {
    name: 'an SDK subpath (openai)',
    path: 'components/case.tsx',
    source: "import type { Models } from 'openai/resources/index';",
    refused: refuseImport(),
  },
  {
    name: 'an SDK subpath (anthropic)',
    path: 'components/case.tsx',
    source: "import Anthropic from '@anthropic-ai/sdk/index';",
    refused: refuseImport(),
  },
  {
    name: 'the Gemini SDK',
    path: 'entrypoints/options/case.tsx',
    source: "import { GoogleGenerativeAI } from '@google/generative-ai';",
    refused: refuseImport(),
  },
  {
    name: 'zod directly (skipping lib/zod.ts)',
    path: 'components/case.tsx',
    source: "import { z } from 'zod/mini';",
    refused: refuseImport(),
  },
  {
    name: 'the key store',
    path: 'entrypoints/sidepanel/case.tsx',
    source: "import { readKey } from '@/lib/worker/secrets/key-store';",
    refused: refuseImport(),
  },
  {
    name: 'the key store with a .ts suffix',
    path: 'components/case.tsx',
    source: "import { readKey } from '@/lib/worker/secrets/key-store.ts';",
    refused: refuseImport(),
  },
  {
    name: 'the key store through ..',
    path: 'components/case.tsx',
    source: "import { readKey } from '@/lib/storage/../worker/secrets/key-store';",
    refused: refuseImport(),
  },
  {
    name: 'a made-up folder through ..',
    path: 'components/case.tsx',
    source: "import { readKey } from '@/lib/secrets/../secrets/key-store';",
    refused: refuseImport(),
  },
  {
    name: 'worker code by a relative path',
    path: 'components/answer/case.tsx',
    source: "import { startJob } from '../../lib/worker/engine/jobs';",
    refused: refuseImport(),
  },
  {
    name: 'shared lib by a relative path',
    path: 'entrypoints/popup/case.tsx',
    source: "import { FEATURES } from '../../lib/features/registry';",
    refused: refuseImport(),
  },
  {
    name: 'a lib folder pages do not share',
    path: 'components/case.tsx',
    source: "import { x } from '@/lib/network/endpoint-policy';",
    refused: refuseImport(),
  },
  {
    name: 'a provider adapter',
    path: 'components/case.tsx',
    source: "import { ADAPTERS } from '@/lib/worker/providers/registry';",
    refused: refuseImport(),
  },
  { name: 'an npm package nobody allowed', path: 'components/case.tsx', source: "import x from 'left-pad';", refused: refuseImport() },
  {
    name: 'the page script reaching beyond lib/page',
    path: 'entrypoints/read-page.ts',
    source: "import { FEATURES } from '@/lib/features/registry';",
    refused: refuseImport('injected into web pages'),
  },
  {
    name: 'shared lib reaching into the worker',
    path: 'lib/features/case.ts',
    source: "import { readKey } from '../worker/secrets/key-store';",
    refused: refuseImport('must not import lib/worker'),
  },
  {
    name: 'shared lib importing an SDK',
    path: 'lib/markdown/case.ts',
    source: "import OpenAI from 'openai/index';",
    refused: refuseImport('Provider SDKs'),
  },
  {
    name: 'shared lib importing React',
    path: 'lib/features/case.ts',
    source: "import { useState } from 'react';",
    refused: refuseImport('no React'),
  },
  {
    name: 'shared lib importing zod',
    path: 'lib/settings/case.ts',
    source: "import { z } from 'zod';",
    refused: refuseImport('lib/zod.ts'),
  },
  {
    name: 'worker code importing zod/mini',
    path: 'lib/worker/engine/case.ts',
    source: "import { z } from 'zod/mini';",
    refused: refuseImport('lib/zod.ts'),
  },
  {
    name: 'worker code importing UI',
    path: 'lib/worker/case.ts',
    source: "import { App } from '@/components/app';",
    refused: refuseImport('no React'),
  },
  {
    name: 'window in the worker',
    path: 'lib/worker/engine/case.ts',
    source: 'export const width = window.innerWidth;',
    refused: { rule: 'noRestrictedGlobals' },
  },
  {
    name: 'document in the background entry',
    path: 'entrypoints/background.ts',
    source: 'export const t = document.title;',
    refused: { rule: 'noRestrictedGlobals' },
  },
  {
    name: 'localStorage anywhere in the worker',
    path: 'lib/worker/case.ts',
    source: "localStorage.setItem('k', 'v');",
    refused: { rule: 'noRestrictedGlobals' },
  },
  { name: 'a stray console call', path: 'lib/worker/engine/case.ts', source: "console.log('x');", refused: { rule: 'noConsole' } },
  // Controls: the same edges where they are allowed, so the rules are scoped, not global.
  {
    name: 'a page using messaging, shared lib, React and WXT (control)',
    path: 'components/case.tsx',
    source:
      "import { request } from '@/lib/messaging/client';\nimport { useState } from 'react';\nimport { browser } from 'wxt/browser';\nexport const x = [request, useState, browser];",
  },
  {
    name: 'the worker importing an SDK (control)',
    path: 'lib/worker/providers/case.ts',
    source: "import OpenAI from 'openai';\nexport const x = OpenAI;",
  },
  {
    name: 'the page script importing Readability and lib/page (control)',
    path: 'entrypoints/read-page.ts',
    source:
      "import { Readability } from '@mozilla/readability';\nimport { x } from '@/lib/page/selection';\nexport const y = [Readability, x];",
  },
];

let root = '';
const diagnostics = new Map<number, string>();

/** All cases in one Biome run (one scratch folder each, since several share a path): fast, and the real config. */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'grompt-lint-'));
  const config = JSON.parse(readFileSync('biome.json', 'utf8'));
  config.$schema = undefined;
  config.vcs = { enabled: false };
  config.files = undefined;
  // Each case lives in run-N/, so the zones' globs are re-rooted there.
  const reroot = (glob: string) => (glob.startsWith('!') ? `!**/${glob.slice(1)}` : `**/${glob}`);
  for (const override of config.overrides) override.includes = override.includes.map(reroot);
  writeFileSync(join(root, 'biome.json'), JSON.stringify(config));
  for (const [index, item] of CASES.entries()) {
    const file = join(root, `run-${index}`, item.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${item.source}\n`);
  }
  const result = spawnSync(BIOME, ['lint', '--max-diagnostics=none', '.'], { cwd: root, encoding: 'utf8' });
  for (const block of `${result.stdout}${result.stderr}`.split(/\n(?=run-\d+\/)/)) {
    const run = block.match(/^run-(\d+)\//)?.[1];
    if (run !== undefined) diagnostics.set(Number(run), `${diagnostics.get(Number(run)) ?? ''}${block}`);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lint boundaries: what a page, the page script, shared lib and the worker may import', () => {
  it.each(CASES.map((item, index) => [item.name, index, item] as const))('%s', (_name, index, item) => {
    const found = diagnostics.get(index) ?? '';
    if (!item.refused) {
      expect(found).not.toMatch(/noRestricted|noConsole/);
      return;
    }
    expect(found).toContain(item.refused.rule);
    if (item.refused.says) expect(found).toContain(item.refused.says);
  });
});
