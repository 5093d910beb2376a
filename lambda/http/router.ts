import { HttpError } from '../errors.js';
import type { HttpRequest } from './request.js';
import { emptyResponse, type HttpResponse } from './response.js';

export type Route = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/**
 * A route whose code is loaded on its first request: what most deployments never serve
 * (the dialects) stays out of the cold start.
 */
export function lazyRoute(load: () => Promise<Route>): Route {
  let loaded: Promise<Route> | undefined;
  return async (request) => (await (loaded ??= load()))(request);
}
export type Routes = Readonly<Record<string, Readonly<Record<string, Route>>>>;

/**
 * Finds the route for the request's path and method. OPTIONS is answered for every path
 * with the methods it allows (RFC 9110 §9.3.7). CORS preflights never reach the function:
 * the HTTP API answers them from its cors_configuration in main.tf.
 */
export function dispatch(routes: Routes, request: HttpRequest): HttpResponse | Promise<HttpResponse> {
  const methods = Object.hasOwn(routes, request.path) ? routes[request.path] : undefined;
  if (methods === undefined)
    throw new HttpError(
      404,
      'no_such_path',
      `no such path; try POST /generate, GET /generate?url=… or the page at GET /`,
    );
  const allow = [...Object.keys(methods), 'OPTIONS'].join(', ');
  if (request.method === 'OPTIONS') {
    return emptyResponse(204, { allow });
  }
  const route = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  if (route === undefined) {
    throw new HttpError(
      405,
      'method_not_allowed',
      `${clip(request.method)} is not allowed on ${request.path}; allowed: ${allow}`,
      { allowed: allow.split(', ') },
      { allow },
    );
  }
  return route(request);
}

const clip = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);
