/** Small timing helpers shared by the benchmarks: figures are medians and p95s, never single runs. */
export interface Summary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
  };
}

/** Runs fn `runs` times after `warmup` untimed runs and summarizes the wall-clock times. */
export async function measure(
  fn: (iteration: number) => unknown,
  runs: number,
  warmup = Math.min(10, runs),
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function report(title: string, rows: Record<string, unknown>): void {
  console.log(`\n## ${title}`);
  for (const [key, value] of Object.entries(rows))
    console.log(`- ${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
}
