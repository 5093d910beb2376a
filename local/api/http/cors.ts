import type { CorsConfig } from '../../terraform/stack-config.js';

/** What Access-Control-Allow-Origin says to this origin; undefined when it is not allowed. */
export function allowedOrigin(cors: CorsConfig, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowOrigins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/** Whether the gateway answers this request itself, as a preflight, rather than routing it. */
export function isPreflight(
  cors: CorsConfig | undefined,
  method: string,
  origin: string | undefined,
  requestMethod: string | undefined,
): cors is CorsConfig {
  return cors !== undefined && method === 'OPTIONS' && Boolean(origin) && Boolean(requestMethod);
}

/** The CORS headers on an actual response (the function's or the gateway's own). */
export function corsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': allowed };
  if (cors.exposeHeaders.length > 0) headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/** The headers of the 204 answering a preflight: none for an origin that is not allowed. */
export function preflightHeaders(cors: CorsConfig, origin: string): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  const headers: Record<string, string> = {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': cors.allowMethods.join(','),
    'access-control-allow-headers': cors.allowHeaders.join(','),
  };
  if (cors.maxAge !== undefined) headers['access-control-max-age'] = String(cors.maxAge);
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/**
 * The function's headers with CORS configured: API Gateway drops the integration's own
 * access-control-* headers and sets its configuration's.
 */
export function withCors(
  headers: Readonly<Record<string, string>>,
  cors: CorsConfig,
  origin: string | undefined,
): Record<string, string> {
  const kept: Record<string, string> = { ...headers };
  for (const name of Object.keys(kept)) if (name.startsWith('access-control-')) delete kept[name];
  return Object.assign(kept, corsHeaders(cors, origin));
}
