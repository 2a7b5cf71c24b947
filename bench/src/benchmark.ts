// The contract every benchmark module follows: run once, return the figures for one JSON line.
export interface BenchmarkResult {
  /** What was measured, with its unit in the key name (e.g. messagesPerSecond, mbPerSecond). */
  [figure: string]: unknown;
  /** The same work done by the reference implementation in the same run. */
  baseline: Record<string, unknown>;
  /** Our figure divided by the baseline's (higher is better unless the key says otherwise). */
  ratio: number;
}

export interface BenchmarkModule {
  run(args: string[]): Promise<BenchmarkResult>;
}

/** Peak resident set size so far, in MiB, sampled from the process. */
export function peakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Percentile (0..100) of an unsorted sample, in the sample's unit. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}
