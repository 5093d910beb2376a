// Memory: the peak RSS of a process that served 10k calls, all implementations at once.
import { MEMORY_CALLS } from '../config.js';
import { type Implementation, type Lineup, mapLineup, settled } from '../lineup.js';
import { Worker } from '../worker.js';

export interface MemoryResult {
  /** Peak RSS in MB after MEMORY_CALLS calls. */
  readonly rssMb: number;
}

export function measureMemory(lineup: Lineup<Implementation>): Promise<Lineup<MemoryResult>> {
  return settled(
    mapLineup(lineup, async (implementation) => {
      const worker = new Worker(implementation);
      try {
        await worker.init;
        return { rssMb: (await worker.maxRssKbAfter(MEMORY_CALLS)) / 1024 };
      } finally {
        worker.stop();
      }
    }),
  );
}
