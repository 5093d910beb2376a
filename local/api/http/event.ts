import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomBytes } from 'node:crypto';
import { LOCAL_ACCOUNT_ID } from '../../runtime/function.js';
import type { Route } from './routes.js';

/** What the event is built from: an IncomingMessage is one; a test can pass a plain object. */
export interface RequestFacts {
  readonly method?: string | undefined;
  readonly httpVersion: string;
  /** Names and values in turn, as they came on the wire. */
  readonly rawHeaders: readonly string[];
  readonly socket: { readonly remoteAddress?: string | undefined; readonly localPort?: number | undefined };
}

export interface EventInput {
  readonly request: RequestFacts;
  readonly url: { readonly pathname: string; readonly search: string };
  readonly body: Buffer;
  readonly route: Route;
  readonly pathParameters: Record<string, string>;
  readonly requestId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly host: string;
  /** When the gateway received the request; now unless a test says otherwise. */
  readonly now?: Date;
}

/** Bodies of these types reach the function as text; everything else base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    /^application\/(?:json|xml|javascript|ecmascript|x-javascript)$/.test(type) ||
    /\+(?:json|xml)$/.test(type)
  );
}

/**
 * The payload format 2.0 event: header names lower-cased and repeated values joined with
 * commas, cookies in their own list, repeated query keys joined with commas, a body that is
 * not text base64-encoded.
 */
export function toEvent({
  request,
  url,
  body,
  route,
  pathParameters,
  requestId,
  apiId,
  stage,
  host,
  now = new Date(),
}: EventInput): APIGatewayProxyEventV2 {
  // Without a prototype, names such as `constructor` or `__proto__` are names like any other.
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  let cookies: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!.toLowerCase();
    const value = request.rawHeaders[i + 1]!;
    if (name === 'cookie')
      cookies = cookies.concat(
        value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      );
    else headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = String(request.socket.localPort ?? 80);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??=
    `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const rawQueryString = url.search.startsWith('?') ? url.search.slice(1) : '';
  const queryStringParameters: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[key] = Object.hasOwn(queryStringParameters, key)
      ? `${queryStringParameters[key]},${value}`
      : value;
  }
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.key,
    rawPath: url.pathname,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId,
      domainName: host.split(':')[0]!,
      domainPrefix: host.split('.')[0]!.split(':')[0]!,
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: route.key,
      stage,
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    isBase64Encoded: false,
  };
  if (body.length > 0) {
    const text = isTextContentType(headers['content-type']);
    event.body = text ? body.toString('utf8') : body.toString('base64');
    event.isBase64Encoded = !text;
  }
  return event;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `25/Nov/2026:22:40:01 +0000`, the format of requestContext.time. */
export function apiGatewayTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** Like API Gateway's: base64 of 10 random bytes, ending in `=`. */
export const gatewayRequestId = (): string => `${randomBytes(10).toString('base64').slice(0, 15)}=`;
