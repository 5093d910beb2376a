// The HTTP API's payload format 2.0 rules, checked against a function that mirrors
// its event or returns what the test tells it to.
import t from 'tap';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { createHttpApi } from '../../../local/api/http-api.js';
import { apiGatewayTime, isTextContentType } from '../../../local/api/http/event.js';
import { fromResult } from '../../../local/api/http/result.js';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { fixtureFunction } from '../../helpers/target.js';

const mirror = new FunctionPool(fixtureFunction('mirror'));
const slow = new FunctionPool(fixtureFunction('slow', { timeoutSeconds: 5 }));
const fails = new FunctionPool(fixtureFunction('fails'));
const cors = {
  allowOrigins: ['https://app.example'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['content-type'],
  exposeHeaders: ['etag'],
  maxAge: 600,
  allowCredentials: false,
};

async function serve(
  pool: FunctionPool,
  routeKeys: string[],
  extra: {
    integrationTimeoutMs?: number;
    stage?: string;
    throttling?: { rateLimit: number; burstLimit: number };
    now?: () => number;
  } = {},
) {
  const server = createHttpApi({
    routeKeys,
    stage: extra.stage ?? '$default',
    integrationTimeoutMs: extra.integrationTimeoutMs ?? 30_000,
    cors,
    throttling: extra.throttling,
    now: extra.now,
    pool,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
t.teardown(() => Promise.all([mirror.close(), slow.close(), fails.close()]));

const base = await serve(mirror, ['POST /items/{id}', 'GET /files/{proxy+}', 'ANY /any', 'GET /exact']);

/** Raw request, so repeated headers and cookies go out as written. */
function raw(
  path: string,
  method: string,
  headers: [string, string][],
  body?: string | Buffer,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const flat: string[] = [['Host', url.host], ...headers].flat();
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: flat as unknown as Record<string, string>,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

t.test('the event: payload format 2.0 as AWS documents it', async (t) => {
  const response = await raw(
    '/items/42?b=2&a=1&a=x%20y&empty=',
    'POST',
    [
      ['Content-Type', 'application/json'],
      ['X-Multi', 'one'],
      ['X-Multi', 'two'],
      ['Cookie', 'session=abc; theme=dark'],
      ['User-Agent', 'fixture-agent'],
    ],
    '{"hello":"world"}',
  );
  t.equal(response.status, 200);
  const event = JSON.parse(response.body.toString()) as APIGatewayProxyEventV2;
  t.equal(event.version, '2.0');
  t.equal(event.routeKey, 'POST /items/{id}');
  t.equal(event.rawPath, '/items/42');
  t.equal(event.rawQueryString, 'b=2&a=1&a=x%20y&empty=');
  t.same(event.queryStringParameters, { b: '2', a: '1,x y', empty: '' }, 'repeated parameters joined with commas');
  t.same(event.cookies, ['session=abc', 'theme=dark'], 'cookies split out');
  t.equal(event.headers.cookie, undefined, 'and not left in headers');
  t.equal(event.headers['x-multi'], 'one,two', 'repeated headers joined with commas');
  t.equal(event.headers['content-type'], 'application/json', 'names lower-cased');
  t.ok(event.headers['x-forwarded-for'] && event.headers['x-forwarded-proto'] && event.headers['x-amzn-trace-id']);
  t.same(event.pathParameters, { id: '42' });
  t.equal(event.body, '{"hello":"world"}');
  t.equal(event.isBase64Encoded, false, 'JSON reaches the function as text');
  t.match(event.requestContext, {
    accountId: /^\d{12}$/,
    apiId: /^[a-z0-9]+$/,
    http: {
      method: 'POST',
      path: '/items/42',
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: 'fixture-agent',
    },
    requestId: String,
    routeKey: 'POST /items/{id}',
    stage: '$default',
    time: /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/,
    timeEpoch: Number,
  });
  t.equal(
    response.headers['apigw-requestid'],
    event.requestContext.requestId,
    'apigw-requestid is the event’s request id',
  );
});

t.test('bodies: text types as text, everything else base64', async (t) => {
  t.ok(isTextContentType('text/plain; charset=utf-8'));
  t.ok(isTextContentType('application/json'));
  t.ok(isTextContentType('application/vnd.api+json'));
  t.ok(isTextContentType('application/xml'));
  t.notOk(isTextContentType('application/x-www-form-urlencoded'));
  t.notOk(isTextContentType('application/octet-stream'));
  t.notOk(isTextContentType(undefined));
  const form = JSON.parse(
    (await raw('/items/1', 'POST', [['Content-Type', 'application/x-www-form-urlencoded']], 'a=1&b=2')).body.toString(),
  ) as Record<string, unknown>;
  t.equal(form.isBase64Encoded, true);
  t.equal(Buffer.from(String(form.body), 'base64').toString(), 'a=1&b=2');
  const binary = JSON.parse(
    (await raw('/items/1', 'POST', [['Content-Type', 'image/png']], Buffer.from([0, 255, 1]))).body.toString(),
  ) as Record<string, unknown>;
  t.same(Buffer.from(String(binary.body), 'base64'), Buffer.from([0, 255, 1]));
  const none = JSON.parse((await raw('/items/1', 'POST', [])).body.toString()) as Record<string, unknown>;
  t.notOk('body' in none, 'no body, no body field');
});

t.test('routes: {proxy+}, ANY, exact; no route is the gateway’s 404', async (t) => {
  const proxy = JSON.parse((await raw('/files/a/b/c.txt', 'GET', [])).body.toString()) as APIGatewayProxyEventV2;
  t.same(proxy.pathParameters, { proxy: 'a/b/c.txt' });
  t.equal((await raw('/any', 'PATCH', [])).status, 200);
  t.equal((await raw('/exact', 'POST', [])).status, 404);
  const missing = await raw('/nothing', 'GET', []);
  t.equal(missing.status, 404);
  t.same(JSON.parse(missing.body.toString()), { message: 'Not Found' });
  t.ok(missing.headers['apigw-requestid']);
});

// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html#http-api-develop-routes.evaluation:
// API Gateway selects a route by its method and path ("Full match for a route and method"),
// `ANY` matching the methods not defined for it; the page says nothing of HEAD reaching a GET
// route. main.tf defines GET routes alone, so HEAD on them is the gateway's 404.
t.test('HEAD matches a HEAD or ANY route, never a GET route: 404 Not Found, nothing runs', async (t) => {
  t.equal((await raw('/exact', 'GET', [])).status, 200, 'GET /exact is a route');
  const head = await raw('/exact', 'HEAD', []);
  t.equal(head.status, 404, 'HEAD /exact is not');
  t.equal(head.headers['content-type'], 'application/json');
  t.equal(head.headers['content-length'], String(JSON.stringify({ message: 'Not Found' }).length));
  t.equal(head.body.length, 0, 'and has no body');
  t.ok(head.headers['apigw-requestid']);
  const any = await raw('/any', 'HEAD', []);
  t.equal(any.status, 200, 'ANY /any takes HEAD');
  t.equal(any.body.length, 0, 'the function’s answer without its body');
});

const respond = (result: unknown) =>
  raw('/items/1', 'POST', [['Content-Type', 'application/json']], JSON.stringify({ result }));

t.test('results: the 2.0 response rules', async (t) => {
  const plain = await respond({ hello: 'world' });
  t.equal(plain.status, 200, 'no statusCode: 200');
  t.equal(plain.headers['content-type'], 'application/json');
  t.same(JSON.parse(plain.body.toString()), { hello: 'world' }, 'the result is the body');
  const text = await respond('just a string');
  t.equal(text.body.toString(), 'just a string');

  const full = await respond({
    statusCode: 201,
    headers: { 'X-Custom': 'yes', 'content-type': 'text/plain' },
    cookies: ['a=1; Path=/', 'b=2'],
    body: 'created',
  });
  t.equal(full.status, 201);
  t.equal(full.headers['x-custom'], 'yes');
  t.same(full.headers['set-cookie'], ['a=1; Path=/', 'b=2'], 'cookies become Set-Cookie headers');
  t.equal(full.body.toString(), 'created');

  const binary = await respond({
    statusCode: 200,
    headers: { 'content-type': 'image/png' },
    body: Buffer.from([137, 80, 78, 71]).toString('base64'),
    isBase64Encoded: true,
  });
  t.same(binary.body, Buffer.from([137, 80, 78, 71]), 'isBase64Encoded bodies are decoded');

  for (const malformed of [
    { statusCode: 'ok' },
    { statusCode: 99 },
    { statusCode: 200, body: 7 },
    { statusCode: 200, headers: { x: { nested: 1 } } },
    // Headers HTTP cannot carry: a name with a space, a value with a line break, a bad cookie.
    { statusCode: 200, headers: { 'x-first': 'set before', 'bad name': 'x' } },
    { statusCode: 200, headers: { 'x-first': 'set before', 'x-split': 'a\r\nInjected: yes' } },
    { statusCode: 200, headers: { 'x-first': 'set before' }, cookies: ['a=1\nb=2'] },
  ]) {
    const response = await respond(malformed);
    t.equal(response.status, 500, `malformed: ${JSON.stringify(malformed)}`);
    t.same(JSON.parse(response.body.toString()), { message: 'Internal Server Error' });
    t.equal(response.headers['x-first'], undefined, 'none of its headers reach the 500');
    t.equal(response.headers.injected, undefined);
  }
  t.equal(fromResult(Buffer.from('not json')), undefined);

  // A result the gateway cannot map is its own 500, which carries the CORS headers like any
  // gateway answer, or a browser would see a CORS failure instead.
  const fromBrowser = await raw(
    '/items/1',
    'POST',
    [
      ['Content-Type', 'application/json'],
      ['Origin', 'https://app.example'],
    ],
    JSON.stringify({ result: { statusCode: 200, headers: { 'bad name': 'x' } } }),
  );
  t.equal(fromBrowser.status, 500);
  t.equal(
    fromBrowser.headers['access-control-allow-origin'],
    'https://app.example',
    "the 500 has the origin's CORS headers",
  );
});

t.test("whatever else goes wrong is the gateway's 500, with the CORS headers of any gateway answer", async (t) => {
  // A function whose runtime has no Node.js to run on: the invocation itself fails, before
  // there is a result to map, and only the server's last resort answers.
  const unstartable = new FunctionPool(fixtureFunction('counter', { runtime: 'nodejs18.x' }));
  t.teardown(() => unstartable.close());
  const url = await serve(unstartable, ['GET /exact']);
  const response = await fetch(`${url}/exact`, { headers: { Origin: 'https://app.example' } });
  t.equal(response.status, 500);
  t.same(await response.json(), { message: 'Internal Server Error' });
  t.equal(response.headers.get('access-control-allow-origin'), 'https://app.example', "the origin's CORS headers");
  t.equal(response.headers.get('access-control-expose-headers'), 'etag');
});

t.test('a function error is a 500 Internal Server Error', async (t) => {
  const url = await serve(fails, ['$default']);
  const response = await fetch(`${url}/anything`);
  t.equal(response.status, 500);
  t.same(await response.json(), { message: 'Internal Server Error' });
});

t.test('the integration timeout is a 503 Service Unavailable', async (t) => {
  const url = await serve(slow, ['POST /'], { integrationTimeoutMs: 300 });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms: 2000 }),
  });
  t.equal(response.status, 503);
  t.same(await response.json(), { message: 'Service Unavailable' });
});

t.test('a body over 10 MB is a 413', async (t) => {
  const response = await fetch(`${base}/items/1`, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1) });
  t.equal(response.status, 413);
});

t.test('CORS from the configuration: preflights answered, integration CORS headers replaced', async (t) => {
  const preflight = await raw('/items/1', 'OPTIONS', [
    ['Origin', 'https://app.example'],
    ['Access-Control-Request-Method', 'POST'],
  ]);
  t.equal(preflight.status, 204);
  t.equal(preflight.headers['access-control-allow-origin'], 'https://app.example');
  t.equal(preflight.headers['access-control-allow-methods'], 'GET,POST');
  t.equal(preflight.headers['access-control-max-age'], '600');
  const stranger = await raw('/items/1', 'OPTIONS', [
    ['Origin', 'https://evil.example'],
    ['Access-Control-Request-Method', 'POST'],
  ]);
  t.equal(stranger.headers['access-control-allow-origin'], undefined, 'other origins get no CORS headers');
  const actual = await raw(
    '/items/1',
    'POST',
    [
      ['Origin', 'https://app.example'],
      ['Content-Type', 'application/json'],
    ],
    JSON.stringify({ result: { statusCode: 200, headers: { 'access-control-allow-origin': '*' }, body: '' } }),
  );
  t.equal(
    actual.headers['access-control-allow-origin'],
    'https://app.example',
    'the gateway’s value, not the function’s',
  );
  t.equal(actual.headers['access-control-expose-headers'], 'etag');
});

t.test('a named stage prefixes the path', async (t) => {
  const url = await serve(mirror, ['GET /hello'], { stage: 'beta' });
  t.equal((await fetch(`${url}/beta/hello`)).status, 200);
  t.equal((await fetch(`${url}/hello`)).status, 404);
});

t.test('requestContext.time format', async (t) => {
  t.equal(apiGatewayTime(new Date(Date.UTC(2026, 2, 10, 5, 6, 7))), '10/Mar/2026:05:06:07 +0000');
});

t.test('under load, a function that exceeds its timeout: every call answered, and the stack recovers', async (t) => {
  const timingOut = new FunctionPool(fixtureFunction('slow', { timeoutSeconds: 1 }));
  t.teardown(() => timingOut.close());
  const url = await serve(timingOut, ['POST /']);
  const post = (ms: number) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }) });
  const overloaded = await Promise.all(Array.from({ length: 12 }, () => post(3000)));
  t.same(
    overloaded.map((r) => r.status),
    Array(12).fill(500),
    'each timed-out call is a 500, none hangs',
  );
  t.equal(timingOut.size, 0, 'every timed-out environment was killed');
  const later = await Promise.all(Array.from({ length: 6 }, () => post(1)));
  t.same(
    later.map((r) => r.status),
    Array(6).fill(200),
    'later calls succeed on fresh environments',
  );
});

t.test('stage throttling: beyond the burst, 429 Too Many Requests until tokens refill', async (t) => {
  let clock = 0;
  const url = await serve(mirror, ['GET /t'], { throttling: { rateLimit: 1, burstLimit: 2 }, now: () => clock });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/t`)).status);
  t.same(statuses, [200, 200, 429]);
  const throttled = await fetch(`${url}/t`);
  t.same(await throttled.json(), { message: 'Too Many Requests' });
  clock += 900;
  t.equal((await fetch(`${url}/t`)).status, 429, 'not yet after 0.9 s');
  clock += 100;
  t.equal((await fetch(`${url}/t`)).status, 200, 'a token again after a second');
  t.equal((await fetch(`${url}/t`)).status, 429, 'and only one');
});

t.test('query parameters and headers named like Object.prototype members are ordinary names', async (t) => {
  const response = await raw('/exact?constructor=x&__proto__=y&toString=1&toString=2', 'GET', [
    ['Constructor', 'c'],
    ['__proto__', 'p'],
  ]);
  const event = JSON.parse(response.body.toString()) as {
    queryStringParameters: Record<string, string>;
    headers: Record<string, string>;
  };
  t.same(Object.entries(event.queryStringParameters).sort(), [
    ['__proto__', 'y'],
    ['constructor', 'x'],
    ['toString', '1,2'],
  ]);
  t.equal(event.headers.constructor, 'c');
  t.equal(Object.getOwnPropertyDescriptor(event.headers, '__proto__')?.value, 'p');
});

t.test('path parameters and result headers named like Object.prototype members are ordinary names', async (t) => {
  const api = await serve(mirror, ['GET /p/{__proto__}', 'GET /q/{constructor}/{toString+}']);
  const proto = JSON.parse((await asWritten(api, '/p/one')).body) as { pathParameters?: object };
  t.same(Object.entries(proto.pathParameters ?? {}), [['__proto__', 'one']]);
  const greedy = JSON.parse((await asWritten(api, '/q/two/three/four')).body) as { pathParameters: object };
  t.same(Object.entries(greedy.pathParameters).sort(), [
    ['constructor', 'two'],
    ['toString', 'three/four'],
  ]);
  // JSON.parse makes `__proto__` an own property, as the function's JSON result does.
  const result = JSON.parse('{"statusCode": 200, "headers": {"__proto__": "p", "constructor": "c"}, "body": "ok"}');
  const mapped = fromResult(Buffer.from(JSON.stringify(result)));
  t.same(Object.entries(mapped?.headers ?? {}).sort(), [
    ['__proto__', 'p'],
    ['constructor', 'c'],
  ]);
  const response = await respond(result);
  t.equal(response.status, 200);
  const names = response.rawHeaders.filter((_, i) => i % 2 === 0);
  t.same(names.filter((name) => name === '__proto__' || name === 'constructor').sort(), ['__proto__', 'constructor']);
});

/** A request whose path goes out exactly as written (no URL parsing, no dot-segment removal). */
function asWritten(
  url: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// API Gateway matches the path the request line gives; AWS documents no host parsing and no
// dot-segment removal for HTTP APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html),
// so `//exact`, `/./exact` and `/x/../exact` are other paths than `/exact`.
t.test('paths are matched as sent: no host parsing, no dot segments folded', async (t) => {
  t.equal((await asWritten(base, '/exact')).status, 200);
  for (const path of ['//exact', '/./exact', '/x/../exact', '/%2e/exact']) {
    const response = await asWritten(base, path);
    t.equal(response.status, 404, `${path}: no route`);
    t.same(JSON.parse(response.body), { message: 'Not Found' });
  }
  const catchAll = await serve(mirror, ['$default']);
  for (const path of ['//generate', '/./generate', '/x/../generate?a=1']) {
    const event = JSON.parse((await asWritten(catchAll, path)).body) as {
      rawPath: string;
      rawQueryString: string;
      requestContext: { http: { path: string } };
    };
    t.equal(event.rawPath, path.split('?')[0], `${path}: rawPath as sent`);
    t.equal(event.requestContext.http.path, path.split('?')[0]);
  }
});

// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html: "Total
// combined size of request line and header values: 10240 bytes". AWS does not say how it
// refuses more; the stack answers 431 Request Header Fields Too Large (RFC 6585) before any work.
t.test('request line and header values over 10,240 bytes: 431, before the function runs', async (t) => {
  const line = 'GET /exact HTTP/1.1'.length;
  const host = `127.0.0.1:${new URL(base).port}`;
  const fits = 10_240 - line - host.length - 'close'.length;
  const under = await asWritten(base, '/exact', { host, connection: 'close', 'x-pad': 'a'.repeat(fits) });
  t.equal(under.status, 200, 'exactly 10,240 bytes is accepted');
  const over = await asWritten(base, '/exact', { host, connection: 'close', 'x-pad': 'a'.repeat(fits + 1) });
  t.equal(over.status, 431, 'one byte more is refused');
  t.same(JSON.parse(over.body), { message: 'Request Header Fields Too Large' });
});

// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: a synchronous
// invocation's request payload is at most 6 MB; behind the HTTP API that payload is the
// event, body included (base64 grows it by a third). Lambda refuses it before the function
// runs, and the gateway answers 413, as it does for a body over its own 10 MB.
t.test('an event over Lambda’s 6 MB invoke limit: 413 from the gateway; under it, the function answers', async (t) => {
  const fits = await fetch(`${base}/items/1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ result: 'ran', pad: 'x'.repeat(5 * 1024 * 1024) }),
  });
  t.equal(fits.status, 200);
  t.equal(await fits.text(), 'ran');
  const binary = await fetch(`${base}/items/1`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(5 * 1024 * 1024),
  });
  t.equal(binary.status, 413, '5 MB of binary is 6.7 MB of base64 in the event');
  t.same(await binary.json(), { message: 'Request Entity Too Large' });
});

// https://repost.aws/knowledge-center/api-gateway-internal-server-error: a Lambda throttled
// behind API Gateway answers the client with an internal server error, not Lambda's 429.
t.test('a throttled function behind the HTTP API is a 500 Internal Server Error', async (t) => {
  const { openGate } = await import('../../helpers/gate.js');
  const gate = await openGate();
  const reserved = new FunctionPool(
    fixtureFunction('counter', { name: 'fixture-http-reserved', reservedConcurrency: 1 }),
  );
  const url = await serve(reserved, ['POST /hold']);
  t.teardown(async () => {
    gate.release();
    await reserved.close();
    await gate.close();
  });
  // The only environment, held busy by a direct invocation until the gate opens.
  const busy = reserved.invoke(Buffer.from(JSON.stringify({ gate: gate.url })), { queue: true });
  await gate.arrival(1);
  const throttled = await fetch(`${url}/hold`, { method: 'POST', body: '{}' });
  t.equal(throttled.status, 500);
  t.same(await throttled.json(), { message: 'Internal Server Error' });
  gate.release();
  t.equal((await busy).functionError, undefined);
});
