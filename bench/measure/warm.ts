// Warm calls in the steady state, the implementations taking turns.
//
// V8 optimises a function after enough calls and feedback, so a JIT-compiled handler gets
// faster over its first thousands of calls (ours: about 1 ms a call at first, under 0.2 ms
// once optimised), while the naive port is steady after a few calls and Python has no JIT.
// A fixed count of warm-up calls (it was 70) therefore timed ours mid-optimisation. Here
// the workers take turns warming up, a slice at a time, until each has run for the warm-up;
// the rounds then measure the steady state of a busy environment. How a freshly started
// environment does over its first calls is measured separately (fresh.ts).
import type { Settings } from '../config.js';
import { type Implementation, type Lineup, lineupValues, mapLineup } from '../lineup.js';
import { median, quartileSpread, shuffled } from '../stats.js';
import { Worker } from '../worker.js';

export interface WarmResult {
  /** Median ms a call over the rounds. */
  readonly warmMs: number;
  /** The rounds' interquartile range as a share of the median. */
  readonly warmSpread: number;
  /** Bytes of the documented request's PNG. */
  readonly pngBytes: number;
}

export async function measureWarm(lineup: Lineup<Implementation>, settings: Settings): Promise<Lineup<WarmResult>> {
  const runs = mapLineup(lineup, (implementation) => ({
    worker: new Worker(implementation),
    batch: 5,
    samples: [] as number[],
    pngBytes: Number.NaN,
  }));
  const all = lineupValues(runs);
  try {
    await Promise.all(all.map((run) => run.worker.init));
    for (let warmed = 0; warmed < settings.warmUpMs; warmed += settings.warmUpSliceMs)
      for (const run of all) {
        const msPerCall = await run.worker.warmFor(settings.warmUpSliceMs);
        run.batch = Math.max(5, Math.round(settings.batchMs / msPerCall)); // from the last slice
      }
    for (let round = 0; round < settings.warmRounds; round++)
      for (const run of shuffled(all)) run.samples.push(await run.worker.warm(run.batch));
    for (const run of all) run.pngBytes = await run.worker.pngBytes();
    return mapLineup(runs, (run) => ({
      warmMs: median(run.samples),
      warmSpread: quartileSpread(run.samples),
      pngBytes: run.pngBytes,
    }));
  } finally {
    for (const run of all) run.worker.stop();
  }
}
