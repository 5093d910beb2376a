import type { Context } from 'aws-lambda';
import { HttpError } from './errors.js';
import { generateImage, generateJson } from './generate/route.js';
import { toHttpRequest } from './http/event.js';
import { assertThroughCdn, ORIGIN_SECRET_ENV } from './http/origin-guard.js';
import { errorResponse, jsonResponse, NO_STORE, type HttpResponse } from './http/response.js';
import { dispatch, lazyRoute, type Routes } from './http/router.js';
import { log } from './log.js';

// What the chunks loaded on first use take from the core (build.mjs points their imports here).
export * from './shared.js';

const routes: Routes = {
  // The page, the dialects and the builders are loaded on their first request: most calls are POST /generate.
  '/': { GET: lazyRoute(async () => (await import('./page/route.js')).servePage) },
  '/generate': { GET: generateImage, POST: generateJson },
  // Drop-in for existing code: the query strings of Google Image Charts, goQR.me and QuickChart.
  '/chart': { GET: lazyRoute(async () => (await import('./dialects/index.js')).chartRoute) },
  '/v1/create-qr-code': { GET: lazyRoute(async () => (await import('./dialects/index.js')).goqrRoute) },
  '/qr': { GET: lazyRoute(async () => (await import('./dialects/index.js')).qrRoute) },
};

/**
 * The Lambda entry point: event → request → route → response, one log line each.
 * Client faults come back as 4xx JSON; anything else is logged with the request id
 * and answered 500 without details.
 */
export async function handler(event: unknown, context?: Partial<Pick<Context, 'awsRequestId'>>): Promise<HttpResponse> {
  // hrtime, not performance.now(): the first call of the latter loads perf_hooks, about 1 ms of a cold start.
  const started = process.hrtime.bigint();
  const requestId = context?.awsRequestId ?? '-';
  let route = '-';
  let response: HttpResponse;
  try {
    // Set by the deployment when the CDN fronts the API (main.tf, cdn_enabled).
    assertThroughCdn(event, process.env[ORIGIN_SECRET_ENV]);
    const request = toHttpRequest(event);
    route = `${request.method.slice(0, 10)} ${request.path.slice(0, 64)}`;
    response = await dispatch(routes, request);
  } catch (error) {
    if (error instanceof HttpError) {
      response = errorResponse(error);
    } else {
      log('ERROR', 'unexpected failure', {
        requestId,
        route,
        error: error instanceof Error ? `${error.name}: ${error.message}` : typeof error,
        stack: error instanceof Error ? error.stack : undefined,
      });
      response = jsonResponse(500, { error: 'Internal error', requestId }, { ...NO_STORE });
    }
  }
  log('INFO', 'request', {
    requestId,
    route,
    status: response.statusCode,
    contentType: response.headers['content-type'],
    bytes: Buffer.byteLength(response.body, response.isBase64Encoded ? 'base64' : 'utf8'),
    durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1000) / 1000,
  });
  return response;
}
