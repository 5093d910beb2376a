import type { Hash } from 'node:crypto';

// node:crypto takes about 4 ms of a cold start to load, and POST /generate never hashes:
// only GET (ETags) and the page do. So it is loaded on first use, synchronously, through
// process.getBuiltinModule (Node 20.16+), which unlike createRequire loads nothing else.
// An older Node 20 has no getBuiltinModule: there it is loaded up front, as it used to be.
let crypto: typeof import('node:crypto') | undefined =
  typeof process.getBuiltinModule === 'function' ? undefined : await import('node:crypto');

/** A SHA-256 hash of `data`, ready for `digest`. */
export function sha256(data: string | Buffer): Hash {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto.createHash('sha256').update(data);
}
