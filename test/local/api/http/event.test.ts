// The payload format 2.0 event, built in process from a request's facts: headers, cookies,
// query strings, bodies and requestContext, as API Gateway builds them.
import t from 'tap';
import { apiGatewayTime, gatewayRequestId, isTextContentType, toEvent } from '../../../../local/api/http/event.js';
import { parseRouteKey, requestTarget } from '../../../../local/api/http/routes.js';
import { LOCAL_ACCOUNT_ID } from '../../../../local/runtime/function.js';

function eventOf(
  target: string,
  rawHeaders: string[],
  {
    body = Buffer.alloc(0),
    method = 'GET',
    pathParameters = {},
  }: { body?: Buffer; method?: string; pathParameters?: Record<string, string> } = {},
) {
  return toEvent({
    request: { method, httpVersion: '1.1', rawHeaders, socket: { remoteAddress: '::ffff:10.0.0.7', localPort: 3000 } },
    url: requestTarget(target),
    body,
    route: parseRouteKey('GET /v1/create-qr-code/{proxy+}'),
    pathParameters,
    requestId: 'AbCdEfGhIjKlMnO=',
    apiId: 'abc123defg',
    stage: '$default',
    host: 'qr.example:3000',
    now: new Date(Date.UTC(2026, 10, 5, 8, 4, 9, 250)),
  });
}

t.test('repeated query keys are joined with commas; rawQueryString is kept as sent', async (t) => {
  const event = eventOf('/v1/create-qr-code/?data=a%2Cb&size=200x200&data=c&empty=&plus=a+b', []);
  t.equal(event.rawQueryString, 'data=a%2Cb&size=200x200&data=c&empty=&plus=a+b');
  t.same({ ...event.queryStringParameters }, { data: 'a,b,c', size: '200x200', empty: '', plus: 'a b' });
  t.notOk('queryStringParameters' in eventOf('/x', []), 'no query: no queryStringParameters');
  t.notOk('queryStringParameters' in eventOf('/x?', []), 'an empty query: none either');
  const odd = eventOf('/x?__proto__=1&constructor=2', []).queryStringParameters;
  t.equal(Object.getOwnPropertyDescriptor(odd, '__proto__')?.value, '1', '__proto__ is a key like any other');
  t.equal(odd?.constructor, '2');
});

t.test('header names are lower-cased and repeats joined; cookies go to their own list', async (t) => {
  const event = eventOf('/x', [
    'Accept',
    'image/png',
    'X-Thing',
    'one',
    'x-thing',
    'two',
    'Cookie',
    'a=1; b=2',
    'cookie',
    ' c=3 ;',
    'User-Agent',
    'curl/8',
  ]);
  t.equal(event.headers.accept, 'image/png');
  t.equal(event.headers['x-thing'], 'one,two');
  t.notOk('cookie' in event.headers, 'the Cookie header is not among the headers');
  t.same(event.cookies, ['a=1', 'b=2', 'c=3']);
  t.notOk('cookies' in eventOf('/x', []), 'no Cookie header: no cookies');
  t.equal(event.requestContext.http.userAgent, 'curl/8');
});

t.test('the gateway adds the forwarding headers and a trace id, keeping a trace id sent', async (t) => {
  const event = eventOf('/x', ['X-Forwarded-For', '192.0.2.1']);
  t.equal(event.headers['x-forwarded-for'], '192.0.2.1, 10.0.0.7', 'the source IP appended, IPv4 unmapped');
  t.equal(event.headers['x-forwarded-port'], '3000');
  t.equal(event.headers['x-forwarded-proto'], 'http');
  t.match(event.headers['x-amzn-trace-id'], /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  t.equal(eventOf('/x', ['X-Amzn-Trace-Id', 'Root=mine'])?.headers['x-amzn-trace-id'], 'Root=mine');
});

t.test('requestContext names the route, the stage, the host and the time', async (t) => {
  const event = eventOf('/v1/create-qr-code/a%20b', [], { method: 'GET', pathParameters: { proxy: 'a b' } });
  t.equal(event.version, '2.0');
  t.equal(event.routeKey, 'GET /v1/create-qr-code/{proxy+}');
  t.equal(event.rawPath, '/v1/create-qr-code/a%20b', 'rawPath is not decoded');
  t.same(event.pathParameters, { proxy: 'a b' });
  t.notOk('pathParameters' in eventOf('/x', []), 'no parameters: no pathParameters');
  t.same(event.requestContext, {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: 'abc123defg',
    domainName: 'qr.example',
    domainPrefix: 'qr',
    http: {
      method: 'GET',
      path: '/v1/create-qr-code/a%20b',
      protocol: 'HTTP/1.1',
      sourceIp: '10.0.0.7',
      userAgent: '',
    },
    requestId: 'AbCdEfGhIjKlMnO=',
    routeKey: 'GET /v1/create-qr-code/{proxy+}',
    stage: '$default',
    time: '05/Nov/2026:08:04:09 +0000',
    timeEpoch: Date.UTC(2026, 10, 5, 8, 4, 9, 250),
  });
});

t.test('a text body reaches the function as text, any other base64-encoded', async (t) => {
  const noBody = eventOf('/x', []);
  t.equal(noBody.isBase64Encoded, false);
  t.notOk('body' in noBody);
  const json = eventOf('/x', ['Content-Type', 'application/json; charset=utf-8'], { body: Buffer.from('{"a":"é"}') });
  t.same([json.body, json.isBase64Encoded], ['{"a":"é"}', false]);
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]);
  const binary = eventOf('/x', ['Content-Type', 'application/octet-stream'], { body: bytes });
  t.equal(binary.isBase64Encoded, true);
  t.same(Buffer.from(binary.body ?? '', 'base64'), bytes);
  const untyped = eventOf('/x', [], { body: Buffer.from('data=hi') });
  t.same([untyped.body, untyped.isBase64Encoded], ['ZGF0YT1oaQ==', true], 'no content type: base64');
});

t.test('which content types are text', async (t) => {
  for (const type of [
    'text/plain',
    'TEXT/CSV; charset=x',
    'application/json',
    'application/xml',
    'image/svg+xml',
    'application/ld+json',
  ])
    t.equal(isTextContentType(type), true, type);
  for (const type of [
    undefined,
    '',
    'application/octet-stream',
    'image/png',
    'application/x-www-form-urlencoded',
    'application/jsonp',
  ])
    t.equal(isTextContentType(type), false, String(type));
});

t.test("requestContext.time and the request id have API Gateway's shapes", async (t) => {
  t.equal(apiGatewayTime(new Date(Date.UTC(2026, 0, 1, 0, 0, 0))), '01/Jan/2026:00:00:00 +0000');
  t.equal(apiGatewayTime(new Date(Date.UTC(2026, 11, 31, 23, 59, 59))), '31/Dec/2026:23:59:59 +0000');
  const ids = new Set(Array.from({ length: 50 }, gatewayRequestId));
  t.equal(ids.size, 50, 'random');
  for (const id of ids) t.match(id, /^[A-Za-z0-9+/]{14}[A-Za-z0-9+/=]=$/, 'sixteen base64 characters ending in =');
});
