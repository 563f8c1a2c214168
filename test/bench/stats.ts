/** Summary of timed samples, every figure in milliseconds. */
export interface Summary {
  readonly count: number;
  readonly medianMs: number;
  /** Nearest-rank 99th percentile: the smallest sample with at least 99 % of the samples at or below it. */
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) {
    throw new RangeError('cannot summarize an empty sample');
  }
  return [...samples].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in ]0, 100]): rank ⌈p/100 × n⌉, counted from 1. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) {
    throw new RangeError(`percentile must be in ]0, 100], got ${p}`);
  }
  const ordered = sorted(samples);
  const rank = Math.ceil((p / 100) * ordered.length);
  return ordered[rank - 1] ?? Number.NaN;
}

/** The middle sample, or the mean of the two middle samples. */
export function median(samples: readonly number[]): number {
  const ordered = sorted(samples);
  const middle = Math.floor(ordered.length / 2);
  const upper = ordered[middle] ?? Number.NaN;
  return ordered.length % 2 === 1 ? upper : ((ordered[middle - 1] ?? Number.NaN) + upper) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  const ordered = sorted(samples);
  return {
    count: ordered.length,
    medianMs: median(ordered),
    p99Ms: percentile(ordered, 99),
    meanMs: ordered.reduce((total, sample) => total + sample, 0) / ordered.length,
    minMs: ordered[0] ?? Number.NaN,
    maxMs: ordered.at(-1) ?? Number.NaN,
  };
}

/** Runs `task` once and returns how long it took, in milliseconds (monotonic clock). */
export async function timed<T>(task: () => Promise<T>): Promise<{ readonly ms: number; readonly result: T }> {
  const start = process.hrtime.bigint();
  const result = await task();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, result };
}
