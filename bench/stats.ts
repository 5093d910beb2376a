// The arithmetic every measurement shares: medians, spreads, shuffled turns, timed loops.

/** The median of some timings: the middle one, or the mean of the middle two. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const [low = Number.NaN, high = Number.NaN] = sorted.slice(middle - 1, middle + 1);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : (low + high) / 2;
};

/** The interquartile range as a share of the median: how much the rounds disagree. */
export const quartileSpread = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return (at(0.75) - at(0.25)) / median(values);
};

/** The order of `items`, shuffled (Fisher–Yates): a new order of turns each round. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    const [a, b] = [copy[i], copy[j]] as [T, T];
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}

/** Calls `run` for about `ms` milliseconds; the mean µs a call. */
export async function timeFor(run: () => unknown, ms: number): Promise<number> {
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    await run();
    calls++;
    elapsed = performance.now() - t0;
  } while (elapsed < ms);
  return (elapsed * 1000) / calls;
}
