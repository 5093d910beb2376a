import { timingSafeEqual } from 'node:crypto';
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
 * Refuses (403) a gateway request that did not come through the CDN. Direct invocations
 * (`aws lambda invoke`: no `requestContext`) are authorised by IAM and always pass, as does
 * everything when no secret is configured.
 */
export function assertThroughCdn(event: unknown, headers: Readonly<Record<string, string>>, secret: string | undefined): void {
  if (!secret || !isRecord(event) || !isRecord(event.requestContext)) return;
  const given = Buffer.from(headers[ORIGIN_HEADER] ?? '');
  const expected = Buffer.from(secret);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return;
  throw new HttpError(403, 'not_through_cdn', 'this endpoint answers only requests that come through the deployment\'s CDN: call the URL in `make outputs` (api_endpoint)');
}
