import type { Hash } from 'node:crypto';

// node:crypto takes about 4 ms of a cold start to load, and POST /generate never hashes:
// only GET (ETags) and the page do. So it is loaded on first use, synchronously, through
// process.getBuiltinModule (Node 20.16+), which unlike createRequire loads nothing else.
let crypto: typeof import('node:crypto') | undefined;

/** A SHA-256 hash of `data`, ready for `digest`. */
export function sha256(data: string | Buffer): Hash {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto.createHash('sha256').update(data);
}
