import type { IncomingMessage } from 'node:http';

/** A request body read up to a limit: its bytes, or only how large it is. */
export type Body = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly size: number };

/**
 * The one body reader of the local stack. Past `limit` bytes nothing more is kept: by default
 * the answer comes as soon as the limit is passed (a declared Content-Length over it is
 * refused before any byte is read) and the rest is discarded as it arrives, the connection
 * kept for the reply; with `measure`, the rest is counted to its end, so that a runaway body
 * can be named by its size, never held.
 */
export function readBody(request: IncomingMessage, limit: number, { measure = false } = {}): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (!measure && declared > limit) {
      request.resume();
      return resolve({ ok: false, size: declared });
    }
    let chunks: Buffer[] = [];
    let size = 0;
    let answered = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (answered) return;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks = [];
      if (!measure) {
        answered = true;
        resolve({ ok: false, size });
      }
    });
    request.on('end', () => {
      if (!answered) resolve(size > limit ? { ok: false, size } : { ok: true, bytes: Buffer.concat(chunks) });
    });
    let ended = false;
    request.on('end', () => (ended = true));
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    // A client that went away before the end: nothing to answer.
    request.on('close', () => {
      if (!answered && !ended) reject(new Error('the client closed the connection before the body ended'));
    });
  });
}
