import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CorsConfig } from '../terraform/stack-config.js';
import { MAX_SYNC_PAYLOAD_BYTES } from '../runtime/function.js';
import { TooManyRequestsError, type FunctionPool } from '../runtime/pool.js';
import type { InvocationResult } from '../runtime/instance.js';
import { within } from '../deadline.js';
import { readBody } from '../http-body.js';
import { send } from './http-util.js';
import { corsHeaders, isPreflight, preflightHeaders, withCors } from './http/cors.js';
import { gatewayRequestId, toEvent } from './http/event.js';
import { fromResult } from './http/result.js';
import { matchRoute, parseRouteKey, requestTarget, stripStage } from './http/routes.js';
import { tokenBucket } from './http/throttle.js';

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

/**
 * An API Gateway HTTP API with a Lambda proxy integration, payload format 2.0: routes
 * from route keys (http/routes.ts), events built as AWS builds them (http/event.ts),
 * results mapped back by the 2.0 rules (http/result.ts), CORS answered by the gateway
 * from its configuration (http/cors.ts) and the stage throttled (http/throttle.ts).
 */
export function createHttpApi(options: HttpApiOptions): Server {
  const apiId = options.apiId ?? randomBytes(5).toString('hex').slice(0, 10);
  const routes = options.routeKeys.map(parseRouteKey);
  const throttle = options.throttling
    ? tokenBucket(options.throttling.rateLimit, options.throttling.burstLimit, options.now)
    : () => true;
  const server = createServer((request, response) => {
    // Whatever went wrong, the answer is the gateway's 500, with the CORS headers every gateway
    // answer carries: a browser would otherwise report a CORS failure instead of the 500.
    void handle(request, response).catch(() => {
      if (!response.headersSent)
        gatewayError(response, 500, 'Internal Server Error', options.cors, request.headers.origin);
      else response.destroy();
    });
  });
  return server;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = gatewayRequestId();
    response.setHeader('apigw-requestid', requestId);
    const url = requestTarget(request.url ?? '/');
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    /** The gateway's own answer, with the CORS headers its configuration gives this origin. */
    const fail = (status: number, message: string): void =>
      gatewayError(response, status, message, options.cors, origin);
    if (requestLineAndHeadersSize(request) > MAX_REQUEST_LINE_AND_HEADERS_BYTES) {
      request.resume();
      return fail(431, 'Request Header Fields Too Large');
    }

    if (isPreflight(options.cors, method, origin, request.headers['access-control-request-method']))
      return send(response, 204, preflightHeaders(options.cors, origin!));
    const stagePath = options.stage === '$default' ? url.pathname : stripStage(url.pathname, options.stage);
    const match = stagePath === undefined ? undefined : matchRoute(routes, method, stagePath);
    if (!match) return fail(404, 'Not Found');
    if (!throttle()) return fail(429, 'Too Many Requests');

    const body = await readBody(request, MAX_REQUEST_BYTES);
    if (!body.ok) return fail(413, 'Request Entity Too Large');
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
    if (payload.length > MAX_INVOKE_PAYLOAD_BYTES) return fail(413, 'Request Entity Too Large');

    const result = await invokeWithin(options.pool, payload, options.integrationTimeoutMs);
    // A throttled function is an integration failure to the gateway: its 500, not Lambda's 429.
    if (result === 'throttled') return fail(500, 'Internal Server Error');
    if (result === 'timeout') return fail(503, 'Service Unavailable');
    if (result.functionError) return fail(500, 'Internal Server Error');
    const mapped = fromResult(result.payload);
    if (!mapped) return fail(500, 'Internal Server Error');
    const headers: Record<string, string | string[]> = options.cors
      ? withCors(mapped.headers, options.cors, origin)
      : { ...mapped.headers };
    if (mapped.cookies.length > 0) headers['set-cookie'] = mapped.cookies;
    send(response, mapped.statusCode, headers, method === 'HEAD' ? '' : mapped.body);
  }
}

/** The function's result, or what the gateway saw instead: its integration timeout, or Lambda's throttle. */
async function invokeWithin(
  pool: FunctionPool,
  payload: Buffer,
  timeoutMs: number,
): Promise<InvocationResult | 'timeout' | 'throttled'> {
  try {
    return await within(pool.invoke(payload), timeoutMs, () => 'timeout' as const);
  } catch (error) {
    if (error instanceof TooManyRequestsError) return 'throttled';
    throw error;
  }
}

/** The request line and every header value, in bytes, as API Gateway's quota counts them. */
function requestLineAndHeadersSize(request: IncomingMessage): number {
  // Node reads the request line and headers as Latin-1: one character is one byte.
  let size = `${request.method ?? ''} ${request.url ?? ''} HTTP/${request.httpVersion}`.length;
  for (let i = 1; i < request.rawHeaders.length; i += 2) size += request.rawHeaders[i]!.length;
  return size;
}

/** A gateway error, `{"message": …}` as API Gateway writes it, with CORS headers when configured. */
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
