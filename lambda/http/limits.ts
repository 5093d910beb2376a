import { HttpError } from '../errors.js';
import { isRecord } from '../is-record.js';

/**
 * The most query string, and the most header names and values, a request can carry: API
 * Gateway's quota on the request line and header values together (10,240 bytes), so no
 * request through it comes near; a direct invocation can carry any amount, and is refused
 * past this before any of it is parsed.
 */
export const MAX_QUERY_BYTES = 10_240;
export const MAX_HEADER_BYTES = 10_240;

/** Refuses a query string (raw, or as the REST API's parameter maps) over MAX_QUERY_BYTES. */
export function checkQuerySize(size: number): void {
  if (size > MAX_QUERY_BYTES) {
    throw new HttpError(
      414,
      'request_too_large',
      `the query string is ${size} bytes or more; at most ${MAX_QUERY_BYTES} are read`,
      { field: 'query', maxBytes: MAX_QUERY_BYTES },
    );
  }
}

/** Refuses a header set whose names and values together are over MAX_HEADER_BYTES. */
export function checkHeaderSize(...maps: unknown[]): void {
  let size = 0;
  for (const map of maps) size += mapSize(map, MAX_HEADER_BYTES - size);
  if (size > MAX_HEADER_BYTES) {
    throw new HttpError(
      431,
      'request_too_large',
      `the headers are ${size} bytes or more; at most ${MAX_HEADER_BYTES} are read`,
      { field: 'headers', maxBytes: MAX_HEADER_BYTES },
    );
  }
}

/**
 * The characters of a map's names and string values (or arrays of them), counted until past
 * `budget`: a count, never a copy, and it stops as soon as the answer is known.
 */
export function mapSize(map: unknown, budget = Infinity): number {
  if (!isRecord(map)) return 0;
  let size = 0;
  for (const name in map) {
    if (!Object.hasOwn(map, name)) continue;
    size += name.length;
    const value = map[name];
    if (typeof value === 'string') size += value.length;
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') size += item.length;
    if (size > budget) return size;
  }
  return size;
}
