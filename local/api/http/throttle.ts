/**
 * The stage's route throttling: a bucket of `burst` tokens, refilled continuously at `rate`
 * a second up to `burst`. The answer takes a token if one is left.
 */
export function tokenBucket(rate: number, burst: number, clock: () => number = () => performance.now()): () => boolean {
  let tokens = burst;
  let last = clock();
  return () => {
    const now = clock();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
