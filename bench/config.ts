// What every measurement of `make bench` shares: the request, the rounds, and the quick mode.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** The tutorial's documented request. */
export const TUTORIAL_URL = 'https://www.youtube.com/@RayanSlim087';
export const EVENT = JSON.stringify({ body: JSON.stringify({ url: TUTORIAL_URL }) });
/** The documented request's image: pixels a module, and the border in modules. */
export const SCALE = 10;
export const MARGIN = 4;
/** Calls a process serves before its peak RSS is read. */
export const MEMORY_CALLS = 10_000;
/** Debian's Python, with python3-qrcode and python3-pil (`make bench-deps`). */
export const PYTHON = '/usr/bin/python3';

/**
 * How long each measurement runs. BENCH_QUICK=1 shortens every warm-up and round count to
 * check that the whole program runs (about a minute); its report goes to build/bench/, never
 * to BENCHMARKS.md or bench/history.json. BENCH_ROUNDS overrides the rounds.
 */
export interface Settings {
  readonly quick: boolean;
  /** Rounds of the fresh processes, the step profile and the peers. */
  readonly rounds: number;
  /** Each worker runs this long, in turns of warmUpSliceMs, before the warm rounds. */
  readonly warmUpMs: number;
  readonly warmUpSliceMs: number;
  /** Warm rounds of about batchMs per implementation, in a new random order each round. */
  readonly warmRounds: number;
  readonly batchMs: number;
  /** Calls 2 to firstWarmCalls + 1 of a fresh process. */
  readonly firstWarmCalls: number;
  /** Seconds autocannon runs at each concurrency through the local stack. */
  readonly stackSeconds: number;
  readonly coldStartRounds: number;
}

export function settings(env: NodeJS.ProcessEnv): Settings {
  const quick = env.BENCH_QUICK === '1';
  const rounds = Number(env.BENCH_ROUNDS ?? (quick ? 3 : 15));
  return {
    quick,
    rounds,
    warmUpMs: quick ? 500 : 5000,
    warmUpSliceMs: quick ? 100 : 250,
    warmRounds: 3 * rounds,
    batchMs: 60,
    firstWarmCalls: 100,
    stackSeconds: quick ? 1 : 5,
    coldStartRounds: Math.min(rounds, 9),
  };
}
