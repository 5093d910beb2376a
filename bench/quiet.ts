// The function writes one JSON line to stdout per request (lambda/log.ts, the record a direct
// invocation leaves, with no switch to turn it off). Anything that calls the handler thousands
// of times in its own process runs those calls through here, so the lines do not bury what
// the tool itself prints.

/** Runs `work` with the process's stdout discarded, and puts it back afterwards. */
export async function withoutRequestLog<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
