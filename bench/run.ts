/**
 * `npm run bench` (scripts/bench.sh builds first): measures the built extension in headless
 * Debian Chromium against the loopback fakes, prints a table and writes bench/results.json.
 * Single-threaded on purpose: one browser, one page at a time, on a 2-core machine.
 *
 * Environment: BENCH_RUNS (default 12) runs of each timing, BENCH_WARMUPS (2), BENCH_TURNS
 * (50), BENCH_LONG_PAIRS (at most 3 pairs of 25k/50k answers, as many as fit before
 * BENCH_DEADLINE_S, default 270 s after BENCH_STARTED_AT), BENCH_STRICT=1 to exit 1 when a
 * budget is missed, BENCH_ONLY=streaming,long (section names, comma-separated) to measure only
 * those while working on them, BENCH_VERBOSE=1 for each run's first-token hops.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { measureBundle } from './bundle';
import { BENCH_EXTENSION_DIR, BenchBrowser } from './extension';
import { measureMemory } from './memory';
import { budgets, type Results, table } from './report';
import { measureStartup } from './startup';
import { progress } from './stats';
import { measureColdStart, measureLong, measureStreaming, startFakes } from './streaming';
import { measureBigInput, measureThreeJobs } from './concurrency';

const SHIPPED_DIR = resolve('.output/chrome-mv3');
const RESULTS = resolve('bench/results.json');

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const startedAt = numberFrom('BENCH_STARTED_AT', Date.now());
const runs = numberFrom('BENCH_RUNS', 12);
const warmups = numberFrom('BENCH_WARMUPS', 2);
const turns = numberFrom('BENCH_TURNS', 50);
const longPairs = numberFrom('BENCH_LONG_PAIRS', 3);
const deadline = startedAt + numberFrom('BENCH_DEADLINE_S', 270) * 1000;

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

/** Runs one section; a failure is recorded and the other sections still run. */
async function section<T>(results: Results, name: string, run: () => Promise<T> | T): Promise<T | undefined> {
  if (only && !only.includes(name)) return undefined;
  const started = Date.now();
  progress(`${name}…`);
  try {
    const value = await run();
    progress(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    results.errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    progress(`${name} FAILED: ${results.errors[name]}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  // bench.sh passes the load before its builds; run alone, the load now.
  const loadBefore = (process.env.BENCH_LOAD_BEFORE?.split(' ').map(Number) ?? loadavg()).map((load) => Math.round(load * 100) / 100);
  if (!existsSync(resolve(SHIPPED_DIR, 'manifest.json'))) throw new Error(`No build at ${SHIPPED_DIR}: run "npx wxt build".`);
  const shippedHasBaseline = readFileSync(resolve(SHIPPED_DIR, 'manifest.json'), 'utf8').includes('bench-baseline');
  const results: Results = { errors: {} };
  results.bundle = await section(results, 'bundle sizes', () => measureBundle(SHIPPED_DIR));

  const browser = await BenchBrowser.launch();
  const fakes = await startFakes();
  let chromiumVersion = '';
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    chromiumVersion = (await cdp.send('Browser.getVersion')).product;
    await cdp.detach();
    await page.close();

    results.startup = await section(results, 'startup', () => measureStartup(browser, runs, warmups));
    results.streaming = await section(results, 'streaming', () => measureStreaming(browser, fakes, runs, Math.max(3, runs >> 1)));
    results.coldStart = await section(results, 'cold start', () => measureColdStart(browser, fakes, runs));
    results.memory = await section(results, 'memory', () => measureMemory(browser, fakes, turns));
    results.bigInput = await section(results, '2 MB input', () => measureBigInput(browser, fakes, Math.max(3, runs >> 2)));
    results.threeJobs = await section(results, 'three jobs at once', () => measureThreeJobs(browser, fakes, Math.max(5, runs >> 1)));
    results.long = await section(results, 'long answers', () => measureLong(browser, fakes, longPairs, deadline));
  } finally {
    await fakes.close();
    await browser.close();
  }

  const list = budgets(results);
  // Other work on the machine slows every timing: the load is kept with the results.
  const loadAfter = loadavg().map((load) => Math.round(load * 100) / 100);
  const wallSeconds = Math.round((Date.now() - startedAt) / 100) / 10;
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain').length > 0;
  const header = [
    `Grompt bench — ${chromiumVersion} headless, ${cpus().length} cores, Node ${process.version}, commit ${commit}${dirty ? ' (uncommitted changes)' : ''}`,
    `Load average (1, 5, 15 min) ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after: timings on a busy machine run slow.`,
    `Timings: median and worst of ${runs} runs after ${warmups} warm-up(s) unless noted; bench build ${BENCH_EXTENSION_DIR.replace(`${process.cwd()}/`, '')}, sizes from the shipped build.`,
  ].join('\n');
  const printed = `${header}\n\n${table(results, list)}\n\nWall time ${wallSeconds} s (builds included). Results: ${RESULTS.replace(`${process.cwd()}/`, '')}\n`;
  process.stdout.write(`\n${printed}`);

  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        commit,
        uncommittedChanges: dirty,
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? '',
          node: process.version,
          chromium: chromiumVersion,
          loadBefore,
          loadAfter,
        },
        settings: { runs, warmups, turns, longPairs, deadlineSeconds: (deadline - startedAt) / 1000 },
        shippedBuildContainsBaseline: shippedHasBaseline,
        wallSeconds,
        budgets: list,
        results,
      },
      null,
      2,
    )}\n`,
  );
  const failedSections = Object.keys(results.errors).length;
  if (failedSections || shippedHasBaseline) return 2;
  return process.env.BENCH_STRICT === '1' && list.some((item) => !item.pass) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
