import { sha256 } from './sha256.js';

/** A strong validator computed from the bytes themselves, so it can never lie. */
export const etagOf = (bytes: Buffer): string => `"${sha256(bytes).digest('base64url').slice(0, 32)}"`;

/** `If-None-Match` matches (weak comparison, RFC 9110 §13.1.2): `*` or any listed tag. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}
