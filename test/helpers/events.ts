import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const fixtureDir = new URL('../fixtures/events/', import.meta.url);

/** A stored event, parsed afresh so tests may change it. */
export const loadEvent = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(new URL(name, fixtureDir), 'utf8')) as T;

export interface HttpApiRequest {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  stage?: string;
}

/** An HTTP API payload 2.0 event shaped like the stored AWS example, for the request described. */
export function httpApiEvent({
  method = 'GET',
  path = '/generate',
  query = '',
  headers = {},
  body,
  isBase64Encoded = false,
  stage = '$default',
}: HttpApiRequest): APIGatewayProxyEventV2 {
  const event = loadEvent<APIGatewayProxyEventV2>('http-api-v2-post-json.json');
  const rawPath = stage === '$default' ? path : `/${stage}${path}`;
  event.routeKey = event.requestContext.routeKey = `${method} ${path}`;
  event.rawPath = event.requestContext.http.path = rawPath;
  event.requestContext.http.method = method;
  event.requestContext.stage = stage;
  event.rawQueryString = query;
  event.headers = { host: 'abc123.execute-api.us-east-1.amazonaws.com', ...headers };
  if (body === undefined) delete event.body;
  else event.body = body;
  event.isBase64Encoded = isBase64Encoded;
  return event;
}
