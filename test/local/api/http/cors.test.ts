// CORS as the gateway answers it from the plan's cors_configuration, in process: preflights,
// the headers on responses, and the function's own access-control-* headers dropped.
import t from 'tap';
import type { CorsConfig } from '../../../../local/terraform/stack-config.js';
import {
  allowedOrigin,
  corsHeaders,
  isPreflight,
  preflightHeaders,
  withCors,
} from '../../../../local/api/http/cors.js';

const cors: CorsConfig = {
  allowOrigins: ['https://app.example'],
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['etag', 'x-qr-version'],
  maxAge: 600,
  allowCredentials: false,
};
const anyOrigin: CorsConfig = { ...cors, allowOrigins: ['*'], exposeHeaders: [], maxAge: undefined };

t.test(
  'a preflight is an OPTIONS with an Origin and Access-Control-Request-Method, with CORS configured',
  async (t) => {
    t.equal(isPreflight(cors, 'OPTIONS', 'https://app.example', 'POST'), true);
    t.equal(isPreflight(undefined, 'OPTIONS', 'https://app.example', 'POST'), false, 'no CORS: routed');
    t.equal(isPreflight(cors, 'OPTIONS', undefined, 'POST'), false, 'no Origin');
    t.equal(isPreflight(cors, 'OPTIONS', 'https://app.example', undefined), false, 'no requested method');
    t.equal(isPreflight(cors, 'GET', 'https://app.example', 'POST'), false);
  },
);

t.test('a preflight from an allowed origin gets the configuration', async (t) => {
  t.same(preflightHeaders(cors, 'HTTPS://APP.example'), {
    'access-control-allow-origin': 'HTTPS://APP.example',
    'access-control-allow-methods': 'GET,POST,OPTIONS',
    'access-control-allow-headers': 'content-type,x-api-key',
    'access-control-max-age': '600',
  });
  t.same(preflightHeaders(anyOrigin, 'https://else.example'), {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET,POST,OPTIONS',
    'access-control-allow-headers': 'content-type,x-api-key',
  });
});

t.test('a preflight from a disallowed origin gets no CORS headers at all', async (t) => {
  t.same(preflightHeaders(cors, 'https://evil.example'), {});
  t.same(preflightHeaders(cors, 'https://app.example.evil'), {});
  t.same(preflightHeaders(cors, 'null'), {});
});

t.test('with credentials, a wildcard echoes the origin and says so', async (t) => {
  const credentials: CorsConfig = { ...anyOrigin, allowCredentials: true };
  t.equal(allowedOrigin(credentials, 'https://else.example'), 'https://else.example');
  t.equal(preflightHeaders(credentials, 'https://else.example')['access-control-allow-credentials'], 'true');
  t.same(corsHeaders(credentials, 'https://else.example'), {
    'access-control-allow-origin': 'https://else.example',
    'access-control-allow-credentials': 'true',
  });
  t.equal(allowedOrigin(credentials, undefined), undefined, 'no Origin: nothing to allow');
});

t.test('a response carries the allowed origin and the exposed headers, none for another origin', async (t) => {
  t.same(corsHeaders(cors, 'https://app.example'), {
    'access-control-allow-origin': 'https://app.example',
    'access-control-expose-headers': 'etag,x-qr-version',
  });
  t.same(corsHeaders(cors, 'https://evil.example'), {});
  t.same(corsHeaders(cors, undefined), {});
});

t.test("the function's own access-control-* headers give way to the configuration's", async (t) => {
  const fromFunction = {
    'content-type': 'image/png',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'DELETE',
  };
  t.same(withCors(fromFunction, cors, 'https://app.example'), {
    'content-type': 'image/png',
    'access-control-allow-origin': 'https://app.example',
    'access-control-expose-headers': 'etag,x-qr-version',
  });
  t.same(
    withCors(fromFunction, cors, 'https://evil.example'),
    { 'content-type': 'image/png' },
    'dropped even when none are added',
  );
  t.equal(fromFunction['access-control-allow-origin'], '*', 'the mapped headers are not changed in place');
});
