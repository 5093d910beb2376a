import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { clip } from '../describe.js';
import { HttpError, badRequest } from '../errors.js';
import { isRecord } from '../is-record.js';
import { checkHeaderSize, checkQuerySize, mapSize } from './limits.js';
import { MAX_BODY_BYTES, type HttpRequest, type RequestBody } from './request.js';

/**
 * Turns whatever the function was invoked with into an HttpRequest:
 * - API Gateway HTTP API events (payload format 2.0),
 * - API Gateway REST API / payload format 1.0 events,
 * - direct invocations: `{"body": "<JSON>"}`, `{"body": {…}}` or the options object itself,
 *   all of which mean `POST /generate`.
 */
export function toHttpRequest(event: unknown): HttpRequest {
  if (!isRecord(event)) {
    throw badRequest(
      'invalid_event',
      'the event must be a JSON object: an API Gateway event, {"body": "{\\"url\\": \\"…\\"}"} or {"url": "…"}',
    );
  }
  if (isRecord(event.requestContext) && isRecord(event.requestContext.http)) {
    return fromHttpApiEvent(event as unknown as APIGatewayProxyEventV2);
  }
  if (typeof event.httpMethod === 'string') {
    return fromRestApiEvent(event as unknown as APIGatewayProxyEvent);
  }
  return fromDirectInvocation(event);
}

function fromHttpApiEvent(event: APIGatewayProxyEventV2): HttpRequest {
  const http: unknown = event.requestContext.http;
  const method = isRecord(http) ? http.method : undefined;
  if (typeof method !== 'string')
    throw badRequest('invalid_event', 'malformed event: requestContext.http.method must be a string');
  const rawPath = typeof event.rawPath === 'string' ? event.rawPath : isRecord(http) ? http.path : undefined;
  if (typeof rawPath !== 'string') throw badRequest('invalid_event', 'malformed event: rawPath must be a string');
  const rawQuery = stringOr(event.rawQueryString, '');
  checkQuerySize(rawQuery.length);
  checkHeaderSize(event.headers, { cookies: event.cookies });
  return {
    method: method.toUpperCase(),
    path: withoutStage(rawPath, event.requestContext.stage),
    headers: lowerCaseHeaders(event.headers),
    query: strictQuery(rawQuery),
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

function fromRestApiEvent(event: APIGatewayProxyEvent): HttpRequest {
  checkQuerySize(Math.max(mapSize(event.queryStringParameters), mapSize(event.multiValueQueryStringParameters)));
  // Both maps are read below, and each carries every header API Gateway passed: each within the quota.
  checkHeaderSize(event.headers);
  checkHeaderSize(event.multiValueHeaders);
  const headers = lowerCaseHeaders(event.headers);
  if (isRecord(event.multiValueHeaders)) {
    for (const [name, values] of Object.entries(event.multiValueHeaders)) {
      if (Array.isArray(values) && values.every((v) => typeof v === 'string')) {
        headers[name.toLowerCase()] = values.join(',');
      }
    }
  }
  const query = new URLSearchParams();
  const multi: unknown = event.multiValueQueryStringParameters;
  const single: unknown = event.queryStringParameters;
  if (isRecord(multi)) {
    for (const [key, values] of Object.entries(multi)) {
      if (Array.isArray(values))
        for (const v of values) if (typeof v === 'string') query.append(wellFormed(key, key), wellFormed(v, key));
    }
  } else if (isRecord(single)) {
    for (const [key, value] of Object.entries(single))
      if (typeof value === 'string') query.append(wellFormed(key, key), wellFormed(value, key));
  }
  const stage = isRecord(event.requestContext) ? event.requestContext.stage : undefined;
  if (typeof event.path !== 'string') throw badRequest('invalid_event', 'malformed event: path must be a string');
  return {
    method: event.httpMethod.toUpperCase(),
    // REST API `path` has no stage prefix; payload 1.0 from an HTTP API may have one.
    path: withoutStage(event.path, stage),
    headers,
    query,
    body: bodyOf(event.body, event.isBase64Encoded),
  };
}

function fromDirectInvocation(event: Record<string, unknown>): HttpRequest {
  const hasBody = 'body' in event;
  let body: RequestBody;
  if (!hasBody) body = { kind: 'value', value: event };
  else if (typeof event.body === 'string') body = bodyOf(event.body, event.isBase64Encoded);
  else if (event.body === null || event.body === undefined) body = { kind: 'none' };
  else body = { kind: 'value', value: event.body };
  if (hasBody) checkHeaderSize(event.headers);
  return {
    method: 'POST',
    path: '/generate',
    headers: hasBody ? lowerCaseHeaders(event.headers) : {},
    query: new URLSearchParams(),
    body,
  };
}

function bodyOf(body: unknown, isBase64Encoded: unknown): RequestBody {
  if (typeof body !== 'string' || body === '') return { kind: 'none' };
  if (isBase64Encoded !== true) {
    if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) throw bodyTooLarge();
    return { kind: 'text', text: body };
  }
  if (Math.floor((body.length * 3) / 4) > MAX_BODY_BYTES + 3) throw bodyTooLarge();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw badRequest('invalid_base64', 'the request body is marked isBase64Encoded but is not valid base64', {
      field: 'body',
    });
  }
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_BODY_BYTES) throw bodyTooLarge();
  try {
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    throw badRequest('invalid_utf8', 'the request body is not valid UTF-8', { field: 'body' });
  }
}

// The byte order mark is kept, as in a body that arrives as text: the JSON reader drops one
// (json-body.ts), whichever way the body came.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const bodyTooLarge = (): HttpError =>
  new HttpError(
    413,
    'body_too_large',
    `the request body is larger than ${MAX_BODY_BYTES} bytes, the most this API accepts`,
    { limit: MAX_BODY_BYTES },
  );

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(headers)) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
  }
  return result;
}

function withoutStage(path: string, stage: unknown): string {
  let result = path;
  if (typeof stage === 'string' && stage !== '$default' && stage !== '') {
    const prefix = `/${stage}`;
    if (result === prefix || result.startsWith(`${prefix}/`)) result = result.slice(prefix.length) || '/';
  }
  // `/generate/` is the same resource as `/generate`.
  return result.length > 1 && result.endsWith('/') ? result.slice(0, -1) : result;
}

const stringOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/**
 * The query as the client sent it, decoded as URLSearchParams would (`+` is a space, a `%`
 * not followed by two hex digits is itself) except that bytes which are not UTF-8 (`%E9`,
 * an encoded lone surrogate) are refused, not turned into U+FFFD.
 */
function strictQuery(raw: string): URLSearchParams {
  const query = new URLSearchParams();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    query.append(decodeQueryPart(name, name), decodeQueryPart(at < 0 ? '' : pair.slice(at + 1), name));
  }
  return query;
}

function decodeQueryPart(text: string, name: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' ').replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    throw notUtf8(name);
  }
  return wellFormed(decoded, name);
}

/**
 * The text itself, if it is: a lone surrogate written into an event's query (JSON can
 * carry one) is refused, as its percent-encoded form is, where URLSearchParams would
 * quietly make it U+FFFD.
 */
function wellFormed(text: string, name: string): string {
  if (!text.isWellFormed()) throw notUtf8(name);
  return text;
}

const notUtf8 = (name: string): HttpError =>
  badRequest('invalid_utf8', `the query parameter '${clip(name)}' is not valid UTF-8 once percent-decoded`, {
    field: clip(name),
  });
