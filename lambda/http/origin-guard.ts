import { HttpError } from '../errors.js';
import { isRecord } from '../is-record.js';

/**
 * With the CDN on, CloudFront adds this header, holding a secret the deployment made, to
 * every request it forwards; the same secret reaches the function as ORIGIN_SECRET_ENV.
 * A request through the API's own endpoint lacks it, so it cannot go around the CDN's cache
 * and its per-client rate limit.
 */
export const ORIGIN_HEADER = 'x-origin-verify';
export const ORIGIN_SECRET_ENV = 'QR_ORIGIN_SECRET';

/**
 * Refuses (403) a gateway request that did not come through the CDN, before any of it is
 * parsed. Direct invocations (`aws lambda invoke`: no `requestContext`) are authorised by IAM
 * and always pass, as does everything when no secret is configured. While the secret is
 * rotated (`make rotate-origin-secret`) the variable holds the new secret and the previous
 * one, separated by a space, for as long as CloudFront's edges take to send the new one.
 */
export function assertThroughCdn(event: unknown, secret: string | undefined): void {
  if (!secret || !isRecord(event) || !isRecord(event.requestContext)) return;
  const given = originHeaderOf(event.headers);
  if (secret.split(' ').some((accepted) => accepted !== '' && sameSecret(given, accepted))) return;
  throw new HttpError(
    403,
    'not_through_cdn',
    "this endpoint answers only requests that come through the deployment's CDN: call the URL in `make outputs` (api_endpoint)",
  );
}

/** The header's value in a gateway event's headers, whatever its case (REST v1 events keep the client's). */
function originHeaderOf(headers: unknown): string {
  if (!isRecord(headers)) return '';
  for (const name in headers) {
    const value = headers[name];
    if (Object.hasOwn(headers, name) && name.toLowerCase() === ORIGIN_HEADER && typeof value === 'string') return value;
  }
  return '';
}

/**
 * Compares in time that depends on the secret's length only, not on where the first
 * difference is. Not node:crypto's timingSafeEqual: loading crypto costs every cold start
 * about 4 ms (lambda/http/sha256.ts loads it only for the requests that hash).
 */
function sameSecret(given: string, secret: string): boolean {
  let difference = given.length ^ secret.length;
  for (let i = 0; i < secret.length; i++) difference |= (given.charCodeAt(i) || 0) ^ secret.charCodeAt(i);
  return difference === 0;
}
