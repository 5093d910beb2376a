import t from 'tap';
import { toHttpRequest } from '../../../lambda/http/event.js';
import { httpApiEvent, loadEvent } from '../../helpers/events.js';

t.test('HTTP API v2: method, stage-less path, raw query with repeats, lower-case headers', async (t) => {
  const request = toHttpRequest(
    httpApiEvent({
      method: 'get',
      stage: 'beta',
      path: '/generate/',
      query: 'a=1&a=2&b=x%2By+z',
      headers: { Accept: 'image/png' },
    }),
  );
  t.equal(request.method, 'GET');
  t.equal(request.path, '/generate', 'stage prefix and trailing slash removed');
  t.same(
    request.query.getAll('a'),
    ['1', '2'],
    'repeated keys kept (queryStringParameters would join them with commas)',
  );
  t.equal(request.query.get('b'), 'x+y z');
  t.equal(request.headers.accept, 'image/png');
  t.same(request.body, { kind: 'none' });
});

t.test('a body is decoded from base64 when flagged', async (t) => {
  const request = toHttpRequest(loadEvent('http-api-v2-post-form-base64.json'));
  t.same(request.body, { kind: 'text', text: '{"url": "https://www.youtube.com/@RayanSlim087"}' });
});

t.test('REST API: multi-value headers and query parameters', async (t) => {
  const event = loadEvent('rest-api-v1-post.json');
  Object.assign(event, {
    multiValueHeaders: { Accept: ['image/png', 'image/svg+xml'] },
    multiValueQueryStringParameters: { url: ['a', 'b'] },
  });
  const request = toHttpRequest(event);
  t.equal(request.path, '/generate');
  t.equal(request.headers.accept, 'image/png,image/svg+xml');
  t.equal(request.headers['content-type'], 'application/json');
  t.same(request.query.getAll('url'), ['a', 'b']);
  Object.assign(event, { multiValueQueryStringParameters: null, queryStringParameters: { url: 'c' } });
  t.same(toHttpRequest(event).query.getAll('url'), ['c']);
});

t.test('direct invocations are POST /generate', async (t) => {
  t.match(toHttpRequest({ body: '{"url":"x"}' }), {
    method: 'POST',
    path: '/generate',
    body: { kind: 'text', text: '{"url":"x"}' },
  });
  t.match(toHttpRequest({ body: { url: 'x' } }), { body: { kind: 'value', value: { url: 'x' } } });
  t.match(toHttpRequest({ url: 'x' }), { body: { kind: 'value', value: { url: 'x' } } });
  t.match(toHttpRequest({ body: '{}', headers: { Accept: 'image/png' } }), { headers: { accept: 'image/png' } });
});

t.test('not an object: 400', async (t) => {
  for (const event of [null, [], 'x', 1]) t.throws(() => toHttpRequest(event), { name: 'HttpError', statusCode: 400 });
});

t.test('the query is decoded strictly: bytes that are not UTF-8 are a 400 naming the parameter', async (t) => {
  const query = (rawQueryString: string) => toHttpRequest(httpApiEvent({ query: rawQueryString })).query;
  t.equal(query('url=caf%C3%A9').get('url'), 'café', 'UTF-8 percent-encoding');
  t.equal(query('url=a+b%2Bc').get('url'), 'a b+c', '+ is a space, %2B a plus');
  t.equal(
    query('url=100%&size=%zz').get('url'),
    '100%',
    'a % that starts no escape is itself, as URLSearchParams reads it',
  );
  t.equal(query('size=%zz').get('size'), '%zz');
  t.same(
    [...query('a=1&&b&c=').entries()],
    [
      ['a', '1'],
      ['b', ''],
      ['c', ''],
    ],
    'empty pairs skipped, missing values empty',
  );
  t.throws(
    () => query('url=caf%E9'),
    { statusCode: 400, message: /query parameter 'url' is not valid UTF-8/ },
    'Latin-1 é',
  );
  t.throws(
    () => query('url=%ED%A0%80'),
    { statusCode: 400, message: /'url' is not valid UTF-8/ },
    'an encoded lone surrogate',
  );
  t.throws(
    () => query('caf%E9=1'),
    { statusCode: 400, message: /'caf%E9' is not valid UTF-8/ },
    'a name that is not UTF-8',
  );
});

// A direct invocation can carry what API Gateway never would (its quota: 10,240 bytes of
// request line and header values, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html).
// Past that the event is refused before its query or headers are parsed: the refusal comes
// even when what follows would have been another error (repeated, not UTF-8).
t.test('bounds before work: an oversized query string or header set is a 414 / 431 before parsing', async (t) => {
  const refusal = (
    event: unknown,
  ): { statusCode: number; code: string; details: Record<string, unknown> } | undefined => {
    try {
      toHttpRequest(event);
      return undefined;
    } catch (error) {
      return error as { statusCode: number; code: string; details: Record<string, unknown> };
    }
  };
  const huge = `url=%E9&url=x&${'a'.repeat(6 * 1024 * 1024)}`;
  t.match(
    refusal(httpApiEvent({ query: huge })),
    { statusCode: 414, code: 'request_too_large', details: { field: 'query', maxBytes: 10_240 } },
    'HTTP API v2: 6 MB rawQueryString',
  );
  t.equal(refusal(httpApiEvent({ query: `url=${'x'.repeat(10_236)}` })), undefined, 'exactly 10,240 bytes is read');
  t.match(
    refusal(httpApiEvent({ headers: { 'x-pad': 'y'.repeat(10_300) } })),
    { statusCode: 431, details: { field: 'headers' } },
    'HTTP API v2: headers',
  );
  const cookies = httpApiEvent({});
  cookies.cookies = Array.from({ length: 200 }, (_, i) => `c${i}=${'z'.repeat(60)}`);
  t.match(refusal(cookies), { statusCode: 431 }, 'cookies count with the headers');

  const rest = loadEvent('rest-api-v1-post.json');
  t.match(
    refusal({ ...rest, queryStringParameters: { url: 'x'.repeat(20_000) }, multiValueQueryStringParameters: null }),
    { statusCode: 414 },
    'REST v1: query parameters',
  );
  t.match(
    refusal({ ...rest, multiValueHeaders: { 'x-pad': ['y'.repeat(6000), 'y'.repeat(6000)] } }),
    { statusCode: 431 },
    'REST v1: multi-value headers',
  );
  t.match(
    refusal({ ...rest, multiValueHeaders: { accept: ['*/*'] }, headers: { 'x-pad': 'y'.repeat(20_000) } }),
    { statusCode: 431 },
    'REST v1: single-value headers beside small multi-value ones (both are read)',
  );
  t.match(
    refusal({ body: '{"url":"x"}', headers: { 'x-pad': 'y'.repeat(20_000) } }),
    { statusCode: 431 },
    'direct invocation: headers',
  );
});

t.test(
  'a lone surrogate written into a query is a 400, as its percent-encoded form is, in v2 and REST v1 events',
  async (t) => {
    const refused = (event: unknown) => {
      try {
        toHttpRequest(event);
        return undefined;
      } catch (error) {
        return error as { statusCode: number; code: string };
      }
    };
    t.match(
      refused(httpApiEvent({ query: 'url=a\ud800b' })),
      { statusCode: 400, code: 'invalid_utf8' },
      'v2 rawQueryString',
    );
    t.match(
      refused(httpApiEvent({ query: 'url=a%ED%A0%80b' })),
      { statusCode: 400, code: 'invalid_utf8' },
      'v2, percent-encoded (as before)',
    );
    const rest = loadEvent('rest-api-v1-post.json');
    t.match(
      refused({ ...rest, queryStringParameters: { url: 'a\udc00' }, multiValueQueryStringParameters: null }),
      { statusCode: 400, code: 'invalid_utf8' },
      'REST v1 value',
    );
    t.match(
      refused({ ...rest, multiValueQueryStringParameters: { '\ud800': ['x'] } }),
      { statusCode: 400, code: 'invalid_utf8' },
      'REST v1 name',
    );
    t.equal(refused(httpApiEvent({ query: 'url=%F0%9F%8E%89' })), undefined, 'a whole pair is text');
  },
);
