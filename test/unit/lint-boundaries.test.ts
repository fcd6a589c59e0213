import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIOME = resolve('node_modules/.bin/biome');

/**
 * The boundaries are enforced by lint, not by memory: each fixture is linted as if it were
 * the file at `virtualPath`, and must fail with the rule named (or pass, for the control).
 */
function lintAs(fixture: string, virtualPath: string) {
  // A scratch project with our real biome.json and the fixture at the path under test.
  const root = mkdtempSync(join(tmpdir(), 'grompt-lint-'));
  try {
    const config = JSON.parse(readFileSync('biome.json', 'utf8'));
    config.$schema = undefined;
    config.vcs = { enabled: false };
    writeFileSync(join(root, 'biome.json'), JSON.stringify(config));
    mkdirSync(dirname(join(root, virtualPath)), { recursive: true });
    writeFileSync(join(root, virtualPath), readFileSync(`test/fixtures/lint/${fixture}`, 'utf8'));
    const result = spawnSync(BIOME, ['lint', '--max-diagnostics=50', virtualPath], { cwd: root, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('lint boundaries', () => {
  it.each([
    ['ui-imports-sdk.tsx', 'components/bad.tsx', 'provider SDK'],
    ['ui-imports-sdk.tsx', 'entrypoints/popup/bad.tsx', 'provider SDK'],
    ['ui-imports-key-store.tsx', 'entrypoints/sidepanel/bad.tsx', 'key store'],
    ['ui-imports-providers.tsx', 'components/answer/bad.tsx', 'lib/providers'],
    ['lib-imports-react.ts', 'lib/features/bad.ts', 'no React'],
    ['stray-console.ts', 'lib/engine/bad.ts', 'noConsole'],
    ['ui-imports-zod-directly.ts', 'lib/features/bad.ts', 'lib/zod.ts'],
  ])('refuses %s as %s', (fixture, virtualPath, expected) => {
    const { status, output } = lintAs(fixture, virtualPath);
    expect(status).not.toBe(0);
    expect(output).toContain(expected);
  });

  it('accepts a UI file that talks to the background through messaging (control)', () => {
    const { status, output } = lintAs('clean-ui.tsx', 'components/good.tsx');
    expect(output).not.toContain('noRestrictedImports');
    expect(status).toBe(0);
  });

  it('allows the same SDK import in the background layer (the rule is scoped, not global)', () => {
    const { output } = lintAs('ui-imports-sdk.tsx', 'lib/providers/good.ts');
    expect(output).not.toContain('provider SDK');
  });
});
