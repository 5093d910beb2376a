import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpError } from '../errors.js';

/** The HTTP-shaped result every invocation returns (payload format 2.0, also valid for 1.0). */
export interface HttpResponse extends APIGatewayProxyStructuredResultV2 {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/**
 * On every response: browsers must not guess types. CORS is not the function's: the HTTP
 * API answers it from its cors_configuration in main.tf, the one place it is set.
 */
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
} as const;

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...COMMON_HEADERS, ...headers },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/** Kept by no cache, shared or the browser's own: a secret's answers, and every error. */
export const NO_STORE = { 'cache-control': 'private, no-store' } as const;

/**
 * A client's fault as JSON: the message for people, the stable code and its details for
 * programs. Never stored: a refusal says something of the request, which may hold a secret.
 */
export const errorResponse = (error: HttpError): HttpResponse =>
  jsonResponse(
    error.statusCode,
    { error: error.message, code: error.code, ...error.details },
    {
      ...NO_STORE,
      ...error.headers,
    },
  );

/** A binary body travels base64-encoded; text types go as they are. */
export function bytesResponse(
  statusCode: number,
  contentType: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): HttpResponse {
  const binary = !contentType.startsWith('text/') && !contentType.includes('xml') && !contentType.includes('json');
  return {
    statusCode,
    headers: { 'content-type': contentType, ...COMMON_HEADERS, ...headers },
    body: binary ? bytes.toString('base64') : bytes.toString('utf8'),
    isBase64Encoded: binary,
  };
}

export function emptyResponse(statusCode: number, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...COMMON_HEADERS, ...headers }, body: '', isBase64Encoded: false };
}
