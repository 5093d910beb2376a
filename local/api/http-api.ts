import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomBytes } from 'node:crypto';
import {
  createServer,
  validateHeaderName,
  validateHeaderValue,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { CorsConfig } from '../terraform/stack-config.js';
import { LOCAL_ACCOUNT_ID, MAX_SYNC_PAYLOAD_BYTES } from '../runtime/function.js';
import { TooManyRequestsError, type FunctionPool } from '../runtime/pool.js';
import type { InvocationResult } from '../runtime/instance.js';
import { readBody } from '../http-body.js';
import { send } from './http-util.js';

/** API Gateway's limit on a request body. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** API Gateway's limit on the request line and the header values together. */
export const MAX_REQUEST_LINE_AND_HEADERS_BYTES = 10_240;
/** Lambda's limit on a synchronous invocation's payload: here, the event. */
const MAX_INVOKE_PAYLOAD_BYTES = MAX_SYNC_PAYLOAD_BYTES;

export interface HttpApiOptions {
  readonly routeKeys: readonly string[];
  readonly stage: string;
  readonly integrationTimeoutMs: number;
  readonly cors: CorsConfig | undefined;
  /** The stage's default route throttling: a token bucket of `burstLimit` refilled at `rateLimit` a second. */
  readonly throttling?: { readonly rateLimit: number; readonly burstLimit: number } | undefined;
  readonly pool: FunctionPool;
  readonly apiId?: string;
  /** Milliseconds on a monotonic clock, for the throttle's refill; tests pass their own. */
  readonly now?: () => number;
}

interface Route {
  readonly key: string;
  readonly method: string;
  readonly segments: readonly string[];
}

/**
 * An API Gateway HTTP API with a Lambda proxy integration, payload format 2.0: routes
 * from route keys, events built as AWS builds them, results mapped back by the 2.0
 * rules, and CORS answered by the gateway from its configuration.
 */
export function createHttpApi(options: HttpApiOptions): Server {
  const apiId = options.apiId ?? randomBytes(5).toString('hex').slice(0, 10);
  const routes = options.routeKeys.map(parseRouteKey);
  const throttle = options.throttling
    ? tokenBucket(options.throttling.rateLimit, options.throttling.burstLimit, options.now)
    : () => true;
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => gatewayError(response, 500, 'Internal Server Error'));
  });
  return server;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = gatewayRequestId();
    response.setHeader('apigw-requestid', requestId);
    const url = requestTarget(request.url ?? '/');
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    if (requestLineAndHeadersSize(request) > MAX_REQUEST_LINE_AND_HEADERS_BYTES) {
      request.resume();
      return gatewayError(response, 431, 'Request Header Fields Too Large', options.cors, origin);
    }

    if (options.cors && method === 'OPTIONS' && origin && request.headers['access-control-request-method']) {
      return preflight(response, options.cors, origin);
    }
    const stagePath = options.stage === '$default' ? url.pathname : stripStage(url.pathname, options.stage);
    const match = stagePath === undefined ? undefined : matchRoute(routes, method, stagePath);
    if (!match) return gatewayError(response, 404, 'Not Found', options.cors, origin);
    if (!throttle()) return gatewayError(response, 429, 'Too Many Requests', options.cors, origin);

    const body = await readBody(request, MAX_REQUEST_BYTES);
    if (!body.ok) return gatewayError(response, 413, 'Request Entity Too Large', options.cors, origin);
    const event = toEvent({
      request,
      url,
      body: body.bytes,
      route: match.route,
      pathParameters: match.pathParameters,
      requestId,
      apiId,
      stage: options.stage,
      host: request.headers.host ?? 'localhost',
    });
    const payload = Buffer.from(JSON.stringify(event));
    // Lambda refuses an event over its synchronous limit before it runs; the gateway answers 413.
    if (payload.length > MAX_INVOKE_PAYLOAD_BYTES)
      return gatewayError(response, 413, 'Request Entity Too Large', options.cors, origin);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.integrationTimeoutMs);
    });
    let result: InvocationResult | 'timeout';
    try {
      result = await Promise.race([options.pool.invoke(payload), timeout]);
    } catch (error) {
      // A throttled function is an integration failure to the gateway: its 500, not Lambda's 429.
      if (error instanceof TooManyRequestsError)
        return gatewayError(response, 500, 'Internal Server Error', options.cors, origin);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    if (result === 'timeout') return gatewayError(response, 503, 'Service Unavailable', options.cors, origin);
    if (result.functionError) return gatewayError(response, 500, 'Internal Server Error', options.cors, origin);
    const mapped = fromResult(result.payload);
    if (!mapped) return gatewayError(response, 500, 'Internal Server Error', options.cors, origin);
    const headers: Record<string, string | string[]> = { ...mapped.headers };
    if (options.cors) {
      // With CORS configured, API Gateway ignores the integration's CORS headers.
      for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
      Object.assign(headers, corsHeaders(options.cors, origin));
    }
    if (mapped.cookies.length > 0) headers['set-cookie'] = mapped.cookies;
    send(response, mapped.statusCode, headers, method === 'HEAD' ? '' : mapped.body);
  }
}

/** Takes a token if one is left; tokens refill continuously at `rate` a second, up to `burst`. */
function tokenBucket(rate: number, burst: number, clock: () => number = () => performance.now()): () => boolean {
  let tokens = burst;
  let last = clock();
  return () => {
    const now = clock();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

// --- Request target --------------------------------------------------------------

/**
 * The path and query as the request line gives them. Nothing is resolved: `//generate` is a
 * path (not a host), and `.` and `..` are segments like any other.
 */
function requestTarget(target: string): { pathname: string; search: string } {
  const at = target.indexOf('?');
  const path = at < 0 ? target : target.slice(0, at);
  const search = at < 0 ? '' : target.slice(at);
  return { pathname: path.startsWith('/') ? path : `/${path}`, search: search === '?' ? '' : search };
}

/** The request line and every header value, in bytes, as API Gateway's quota counts them. */
function requestLineAndHeadersSize(request: IncomingMessage): number {
  // Node reads the request line and headers as Latin-1: one character is one byte.
  let size = `${request.method ?? ''} ${request.url ?? ''} HTTP/${request.httpVersion}`.length;
  for (let i = 1; i < request.rawHeaders.length; i += 2) size += request.rawHeaders[i]!.length;
  return size;
}

// --- Routes --------------------------------------------------------------------

function parseRouteKey(key: string): Route {
  if (key === '$default') return { key, method: 'ANY', segments: [] };
  const [method = '', path = ''] = key.split(' ');
  return { key, method: method.toUpperCase(), segments: path.split('/').filter(Boolean) };
}

/** A path's segments: an empty one (`//`) is kept, and matches no literal; one trailing slash is not a segment. */
function pathSegments(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments.at(-1) === '') segments.pop();
  return segments;
}

/**
 * The most specific route wins: an exact method beats ANY, literal segments beat
 * {param}, {param} beats {proxy+}, and $default catches the rest.
 */
function matchRoute(routes: readonly Route[], method: string, path: string) {
  const segments = pathSegments(path);
  let best: { route: Route; pathParameters: Record<string, string>; score: number } | undefined;
  for (const route of routes) {
    if (route.key === '$default') continue;
    if (route.method !== 'ANY' && route.method !== method) continue;
    // Parameter names are the route's: `{__proto__}` is a name like any other.
    const pathParameters: Record<string, string> = Object.create(null) as Record<string, string>;
    let score = route.method === 'ANY' ? 0 : 1;
    let matched = true;
    for (let i = 0; i < route.segments.length; i++) {
      const pattern = route.segments[i]!;
      const greedy = /^\{(.+)\+\}$/.exec(pattern);
      if (greedy && i === route.segments.length - 1) {
        if (segments.length <= i) matched = false;
        else pathParameters[greedy[1]!] = segments.slice(i).map(decodeSegment).join('/');
        break;
      }
      const segment = segments[i];
      if (segment === undefined) {
        matched = false;
        break;
      }
      const parameter = /^\{(.+)\}$/.exec(pattern);
      if (parameter) {
        pathParameters[parameter[1]!] = decodeSegment(segment);
        score += 10;
      } else if (pattern === segment) {
        score += 100;
      } else {
        matched = false;
        break;
      }
    }
    const greedyRoute = /\+\}$/.test(route.segments.at(-1) ?? '');
    if (matched && !greedyRoute && segments.length !== route.segments.length) matched = false;
    if (matched && (!best || score > best.score)) best = { route, pathParameters, score };
  }
  if (best) return best;
  const fallback = routes.find((route) => route.key === '$default');
  return fallback ? { route: fallback, pathParameters: {}, score: 0 } : undefined;
}

/** A path parameter, percent-decoded; one whose escapes are not UTF-8 is passed as sent. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function stripStage(path: string, stage: string): string | undefined {
  const prefix = `/${stage}`;
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
}

// --- Event (payload format 2.0) ------------------------------------------------

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

interface EventInput {
  request: IncomingMessage;
  url: { pathname: string; search: string };
  body: Buffer;
  route: Route;
  pathParameters: Record<string, string>;
  requestId: string;
  apiId: string;
  stage: string;
  host: string;
}

function toEvent({
  request,
  url,
  body,
  route,
  pathParameters,
  requestId,
  apiId,
  stage,
  host,
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
  const now = new Date();
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
const gatewayRequestId = (): string => `${randomBytes(10).toString('base64').slice(0, 15)}=`;

// --- Result (payload format 2.0 response rules) --------------------------------

interface MappedResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/**
 * A result with a `statusCode` is an HTTP response; any other valid JSON becomes a 200
 * `application/json` response whose body is that JSON. Undefined: malformed (a 500).
 */
export function fromResult(payload: Buffer): MappedResponse | undefined {
  let result: unknown;
  try {
    result = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
  }
  const {
    statusCode,
    headers = {},
    cookies = [],
    body = '',
    isBase64Encoded = false,
  } = result as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)
    return undefined;
  if (typeof body !== 'string' || typeof headers !== 'object' || headers === null || !Array.isArray(cookies))
    return undefined;
  // Names are the function's, and may be its client's: a `__proto__` header is a header.
  const mappedHeaders: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      mappedHeaders[name.toLowerCase()] = String(value);
    else return undefined;
  }
  // A header HTTP cannot carry (a space in its name, a line break in its value) makes the
  // whole response malformed, as at the gateway: checked before any of it is written.
  const cookieValues = cookies.map(String);
  if (!Object.entries(mappedHeaders).every(([name, value]) => headerIsValid(name, value))) return undefined;
  if (!cookieValues.every((cookie) => headerIsValid('set-cookie', cookie))) return undefined;
  return {
    statusCode,
    headers: mappedHeaders,
    cookies: cookieValues,
    body: isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
  };
}

function headerIsValid(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

// --- CORS ----------------------------------------------------------------------

function allowedOrigin(cors: CorsConfig, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowOrigins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

function corsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': allowed };
  if (cors.exposeHeaders.length > 0) headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

function preflight(response: ServerResponse, cors: CorsConfig, origin: string): void {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) {
    send(response, 204, {});
    return;
  }
  const headers: Record<string, string> = {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': cors.allowMethods.join(','),
    'access-control-allow-headers': cors.allowHeaders.join(','),
  };
  if (cors.maxAge !== undefined) headers['access-control-max-age'] = String(cors.maxAge);
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  send(response, 204, headers);
}

function gatewayError(
  response: ServerResponse,
  status: number,
  message: string,
  cors?: CorsConfig,
  origin?: string | undefined,
): void {
  send(
    response,
    status,
    { 'content-type': 'application/json', ...(cors ? corsHeaders(cors, origin) : {}) },
    JSON.stringify({ message }),
  );
}
