import type { HttpRequest } from '../http/request.js';
import { etagOf, ifNoneMatchHits } from '../http/etag.js';
import { bytesResponse, emptyResponse, NO_STORE, type HttpResponse } from '../http/response.js';
import type { RenderedImage } from '../render/render.js';

/** Same query, same bytes: let browsers and CDNs keep the image for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Unlike the original, nothing an SVG could load or run is allowed. */
export const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The image a GET names, for an `<img src>`: cacheable for a year with a strong ETag (and
 * 304 on If-None-Match), or, when it holds a secret, cached nowhere and without an ETag.
 */
export function imageResponse(
  request: HttpRequest,
  image: RenderedImage,
  secret: boolean,
  extra: Readonly<Record<string, string>> = {},
): HttpResponse {
  const headers = { 'content-security-policy': IMAGE_CSP, ...extra };
  if (secret) return bytesResponse(200, image.contentType, image.bytes, { ...headers, ...NO_STORE });
  const etag = etagOf(image.bytes);
  const caching = { etag, 'cache-control': IMMUTABLE };
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return emptyResponse(304, caching);
  return bytesResponse(200, image.contentType, image.bytes, { ...caching, ...headers });
}
