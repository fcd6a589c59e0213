/** Median and worst of a sample, the two numbers every timing in the bench reports. */
export interface Summary {
  runs: number;
  median: number;
  worst: number;
  best: number;
  samples: number[];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarise(samples: readonly number[], worstIs: 'max' | 'min' = 'max'): Summary {
  if (!samples.length) return { runs: 0, median: Number.NaN, worst: Number.NaN, best: Number.NaN, samples: [] };
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const low = sorted[0] ?? 0;
  const high = sorted.at(-1) ?? 0;
  return {
    runs: samples.length,
    median: round(median),
    worst: round(worstIs === 'max' ? high : low),
    best: round(worstIs === 'max' ? low : high),
    samples: samples.map((sample) => round(sample)),
  };
}

export function ratio(a: number, b: number): number {
  return b ? round(a / b, 2) : Number.NaN;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Progress on stderr, so that the table on stdout stays clean. */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}
