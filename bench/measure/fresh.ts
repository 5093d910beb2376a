// Init (import + first call) and the first warm calls, in fresh processes, taking turns:
// what an environment that has just started does, before V8 has optimised anything.
import type { Settings } from '../config.js';
import { type Implementation, type Lineup, lineupValues, mapLineup } from '../lineup.js';
import { median, shuffled } from '../stats.js';
import { Worker } from '../worker.js';

export interface FreshResult {
  /** Median ms from a fresh process's first line to the end of its first call. */
  readonly initMs: number;
  /** Median ms a call over calls 2 to firstWarmCalls + 1 of a fresh process. */
  readonly firstWarmMs: number;
}

export async function measureFresh(lineup: Lineup<Implementation>, settings: Settings): Promise<Lineup<FreshResult>> {
  const runs = mapLineup(lineup, (implementation) => ({
    implementation,
    inits: [] as number[],
    firstWarm: [] as number[],
  }));
  for (let round = 0; round < settings.rounds; round++)
    for (const run of shuffled(lineupValues(runs))) {
      const worker = new Worker(run.implementation);
      try {
        run.inits.push(await worker.init);
        run.firstWarm.push(await worker.warm(settings.firstWarmCalls));
      } finally {
        worker.stop();
      }
    }
  return mapLineup(runs, (run) => ({ initMs: median(run.inits), firstWarmMs: median(run.firstWarm) }));
}
