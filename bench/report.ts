import { TIME_TO_FIRST_EVENT_MS } from '../test/fakes/stream-timing';
import { type BundleResult, kB } from './bundle';
import type { MemoryResult } from './memory';
import type { StartupResult } from './startup';
import type { Summary } from './stats';
import type { ColdStartResult, LongResult, StreamingResult } from './streaming';
import type { BigInputResult, ThreeJobsResult } from './concurrency';

export interface Budget {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** '<' or '≤': how value must compare with limit. */
  op: '<' | '≤';
  pass: boolean;
}

export interface Results {
  startup?: StartupResult;
  streaming?: StreamingResult;
  long?: LongResult;
  coldStart?: ColdStartResult;
  bundle?: BundleResult;
  memory?: MemoryResult;
  bigInput?: BigInputResult;
  threeJobs?: ThreeJobsResult;
  errors: Record<string, string>;
}

function budget(name: string, value: number, op: Budget['op'], limit: number, unit: string): Budget {
  const pass = Number.isFinite(value) && (op === '<' ? value < limit : value <= limit);
  return { name, value, limit, unit, op, pass };
}

/** The budgets of issue 6, each against the measured value it is about. */
export function budgets(results: Results): Budget[] {
  const list: Budget[] = [];
  const { startup, bundle, streaming, long, coldStart } = results;
  if (startup) {
    list.push(budget('popup interactive ÷ baseline (median)', startup.popupRatio, '≤', 1.5, '×'));
    list.push(budget('side panel interactive ÷ baseline (median)', startup.sidepanelRatio, '≤', 1.5, '×'));
  }
  if (bundle) {
    list.push(budget('popup JS first load, gzip', kB(bundle.entries.popup.firstLoadGzip), '<', 120, 'kB'));
    list.push(budget('side panel JS first load, gzip', kB(bundle.entries.sidepanel.firstLoadGzip), '<', 120, 'kB'));
  }
  if (streaming) {
    list.push(budget('first-token overhead (median)', streaming.firstToken.median, '<', 15, 'ms'));
    list.push(budget('2,000-token total ÷ fake send time (median)', streaming.ratio.median, '<', 1.1, '×'));
  }
  if (long) {
    list.push(budget('50k ÷ 25k tokens rendering time', long.ratio, '<', 2.3, '×'));
    list.push(
      budget(
        'longest main-thread task while streaming (thread CPU time)',
        Math.max(long.longestTaskCpu25k.worst, long.longestTaskCpu50k.worst),
        '≤',
        100,
        'ms',
      ),
    );
  }
  if (coldStart) list.push(budget('cold start → first token, over the fake (median)', coldStart.cold.median, '<', 500, 'ms'));
  const { bigInput, threeJobs } = results;
  if (bigInput) {
    list.push(budget('2 MB input: 2,000-token total ÷ fake send time (median)', bigInput.ratio.median, '<', 1.1, '×'));
    list.push(budget('2 MB selection: longest popup task, open → done', bigInput.longestTask.worst, '≤', 100, 'ms'));
    list.push(budget('session bytes written per job ÷ (input + 3 × answer)', bigInput.writtenRatio, '≤', 1, '×'));
  }
  if (threeJobs) list.push(budget('first token with three jobs streaming (median)', threeJobs.firstToken.median, '<', 15, 'ms'));
  return list;
}

export type Row = [label: string, median: string, worst: string, budget: string, result: string];

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const timing = (label: string, summary: Summary, budgetText = '', result = ''): Row => [
  `${label} (n=${summary.runs})`,
  ms(summary.median),
  ms(summary.worst),
  budgetText,
  result,
];
const verdict = (list: Budget[], name: string) => {
  const found = list.find((item) => item.name === name);
  return found ? (found.pass ? 'pass' : 'FAIL') : '';
};

/** The table `npm run bench` prints. */
export function table(results: Results, list: Budget[]): string {
  const rows: (Row | string)[] = [];
  const { startup, streaming, long, coldStart, bundle, memory } = results;
  if (startup) {
    rows.push('1. Popup open → interactive (ms from navigation; "Text to summarize" focusable, pre-filled)');
    rows.push(timing('  popup', startup.popup));
    rows.push(timing('    of which: field first rendered', startup.popupFirstRender));
    rows.push(timing('  baseline React page, same way', startup.popupBaseline));
    rows.push(['  popup ÷ baseline', times(startup.popupRatio), '', '≤ 1.50×', verdict(list, 'popup interactive ÷ baseline (median)')]);
    rows.push('2. Side panel open → interactive (ms from navigation; "Message" focusable)');
    rows.push(timing('  side panel', startup.sidepanel));
    rows.push(timing('  baseline React page, same way', startup.sidepanelBaseline));
    rows.push([
      '  side panel ÷ baseline',
      times(startup.sidepanelRatio),
      '',
      '≤ 1.50×',
      verdict(list, 'side panel interactive ÷ baseline (median)'),
    ]);
  }
  if (streaming) {
    rows.push(`3. Streaming, popup, BYOK fake OpenAI, 2,000 tokens at ${streaming.eventsPerSecond} tokens/s (ms)`);
    rows.push(
      timing('  fake first SSE byte → first token in DOM', streaming.firstToken, '< 15', verdict(list, 'first-token overhead (median)')),
    );
    const hops = streaming.firstTokenHops;
    rows.push(
      `    medians of its hops: fake→worker ${ms(hops.fakeToWorker)}, worker→popup port ${ms(hops.workerToPort)}, port→DOM ${ms(hops.portToDom)}`,
    );
    rows.push(
      `    (the fake's headers go ${TIME_TO_FIRST_EVENT_MS} ms before its first event, the opening event with the first text: a provider's time to first token)`,
    );
    rows.push(timing('  first byte → done (Copy shown)', streaming.total));
    rows.push(timing('  fake send time', streaming.send));
    rows.push([
      '  total ÷ send',
      times(streaming.ratio.median),
      times(streaming.ratio.worst),
      '< 1.10×',
      verdict(list, '2,000-token total ÷ fake send time (median)'),
    ]);
    rows.push(timing('  unpaced: first byte → done', streaming.flood.total));
    rows.push(timing('  unpaced: fake send time', streaming.flood.send));
  }
  if (long) {
    rows.push(
      `4. Long answers, as fast as the fake sends (${long.pairs} run(s) each: they take long)${long.timedOut ? `, ${long.timedOut} timed out` : ''}`,
    );
    rows.push(timing('  25,000 tokens: first byte → done (ms)', long.total25k));
    rows.push(timing('  50,000 tokens: first byte → done (ms)', long.total50k));
    rows.push(['  50k ÷ 25k', times(long.ratio), '', '< 2.30×', verdict(list, '50k ÷ 25k tokens rendering time')]);
    rows.push(timing('  longest task while streaming, CPU time, 25k (ms)', long.longestTaskCpu25k));
    rows.push(
      timing(
        '  longest task while streaming, CPU time, 50k (ms)',
        long.longestTaskCpu50k,
        '≤ 100',
        verdict(list, 'longest main-thread task while streaming (thread CPU time)'),
      ),
    );
    rows.push(timing('  the same by wall time (Long Tasks API), 25k (ms)', long.longestTask25k));
    rows.push(timing('  the same by wall time (Long Tasks API), 50k (ms)', long.longestTask50k));
    rows.push(`    tasks over 100 ms of wall time while streaming, all runs: ${long.longTasksOver100}`);
    if (long.cpuOfLongestWall) {
      rows.push(
        `    the longest of them, ${long.cpuOfLongestWall.wallMs} ms, was on the CPU for ${long.cpuOfLongestWall.cpuMs} ms: the rest it waited for a core`,
      );
    }
    rows.push(timing('  50k: first byte → first token (ms)', long.firstToken50k));
  }
  if (coldStart) {
    rows.push(`5. Cold start: worker stopped, Run → first token, less the fake's latency (${ms(coldStart.fakeLatency)} ms) (ms)`);
    rows.push(
      timing('  cold (worker stopped)', coldStart.cold, '< 500', verdict(list, 'cold start → first token, over the fake (median)')),
    );
    rows.push(timing('  warm (worker running)', coldStart.warm));
    rows.push([`  waking the worker costs (median difference)`, ms(coldStart.wakeCost), '', '', '']);
  }
  if (bundle) {
    rows.push(`6. Bundle, ${bundle.dir} (kB = 1,000 bytes; gzip at zlib's default level)`);
    for (const name of ['popup', 'sidepanel', 'options', 'background'] as const) {
      const entry = bundle.entries[name];
      const budgetName = name === 'popup' ? 'popup JS first load, gzip' : name === 'sidepanel' ? 'side panel JS first load, gzip' : '';
      rows.push([
        `  ${name}: JS first load ${kB(entry.firstLoadBytes)} kB raw (${entry.firstLoad.length} file(s))`,
        `${kB(entry.firstLoadGzip)} gz`,
        '',
        budgetName ? '< 120 kB' : '',
        budgetName ? verdict(list, budgetName) : '',
      ]);
      if (entry.css.length) rows.push(`    css: ${entry.css.map((file) => `${file.file} ${kB(file.gzip)} kB gz`).join(', ')}`);
      if (entry.lazy.length)
        rows.push(`    lazy: ${entry.lazy.map((file) => `${file.file.replace('chunks/', '')} ${kB(file.gzip)} kB gz`).join(', ')}`);
    }
    rows.push([`  total unpacked: ${bundle.files} files`, `${kB(bundle.totalBytes)} kB`, '', '', '']);
  }
  if (memory) {
    rows.push(`7. Memory: side panel after a ${memory.turns}-turn chat (BYOK fake OpenAI), after forced GC`);
    rows.push(['  JS heap before → after (MB)', `${memory.heapBeforeMB} → ${memory.heapAfterMB}`, '', '', '']);
    rows.push(`    DOM elements ${memory.domNodes}; the conversation is ${memory.conversationKB} kB in storage.session`);
    rows.push([`  send → answer shown, turns 1–10 vs 41–50 (median ms)`, `${memory.turnMsFirst10} / ${memory.turnMsLast10}`, '', '', '']);
  }
  rows.push(...concurrencyRows(results, list));
  for (const [section, error] of Object.entries(results.errors)) rows.push(`✗ ${section} failed: ${error}`);

  const header: Row = ['Metric', 'median', 'worst', 'budget', 'result'];
  const widths = [0, 1, 2, 3, 4].map((column) =>
    Math.max(...[header, ...rows.filter((row): row is Row => Array.isArray(row))].map((row) => (row[column] ?? '').length)),
  );
  const line = (row: Row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header), '-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2))];
  for (const row of rows) out.push(typeof row === 'string' ? row : line(row));
  const missed = list.filter((item) => !item.pass);
  out.push('');
  out.push(`Budgets: ${list.length - missed.length} of ${list.length} met.`);
  for (const item of missed) out.push(`  MISSED: ${item.name}: ${item.value} ${item.unit} (budget ${item.op} ${item.limit} ${item.unit})`);
  return out.join('\n');
}

/** Sections 8 and 9: a 2 MB input (time, main thread, session memory), and three answers at once. */
function concurrencyRows(results: Results, list: Budget[]): (Row | string)[] {
  const rows: (Row | string)[] = [];
  const { bigInput, threeJobs } = results;
  if (bigInput) {
    rows.push(`8. A 2 MB selection in the popup (${bigInput.chars.toLocaleString('en-US')} chars), 2,000 tokens at 1000 tokens/s (ms)`);
    rows.push(timing('  first byte → done', bigInput.total));
    rows.push(timing('  fake send time', bigInput.send));
    rows.push([
      '  total ÷ send',
      times(bigInput.ratio.median),
      times(bigInput.ratio.worst),
      '< 1.10×',
      verdict(list, '2 MB input: 2,000-token total ÷ fake send time (median)'),
    ]);
    rows.push(
      timing(
        '  longest popup task, open → done',
        bigInput.longestTask,
        '≤ 100',
        verdict(list, '2 MB selection: longest popup task, open → done'),
      ),
    );
    rows.push(`    tasks over 100 ms, all runs: ${bigInput.tasksOver100}`);
    rows.push([
      `  storage.session written per job, kB (input ${kB(bigInput.chars)} + answer ${kB(bigInput.answerChars)})`,
      String(kB(bigInput.written.median)),
      String(kB(bigInput.written.worst)),
      `≤ ${kB(bigInput.chars + 3 * bigInput.answerChars)}`,
      '',
    ]);
    rows.push([
      '  written ÷ (input + 3 × answer)',
      times(bigInput.writtenRatio),
      '',
      '≤ 1.00×',
      verdict(list, 'session bytes written per job ÷ (input + 3 × answer)'),
    ]);
  }
  if (threeJobs) {
    rows.push('9. Three answers streaming at once in the popup (two long ones, then a 2,000-token one timed) (ms)');
    rows.push(
      timing(
        '  fake first SSE byte → first token in DOM, third job',
        threeJobs.firstToken,
        '< 15',
        verdict(list, 'first token with three jobs streaming (median)'),
      ),
    );
    rows.push(`    runs with all three streaming at the third one's first token: ${threeJobs.overlapping} of ${threeJobs.firstToken.runs}`);
  }
  return rows;
}
