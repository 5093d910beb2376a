/** Runs `fn` while collecting what it writes to stdout, one string per line. */
export async function captureStdout<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const original = process.stdout.write;
  let written = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await fn();
    return { result, lines: written.split('\n').filter((line) => line !== '') };
  } finally {
    process.stdout.write = original;
  }
}
