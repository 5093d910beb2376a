import t from 'tap';
import { toHttpRequest } from '../../../lambda/http/event.js';
import { httpApiEvent, loadEvent } from '../../helpers/events.js';

t.test('HTTP API v2: method, stage-less path, raw query with repeats, lower-case headers', async (t) => {
  const request = toHttpRequest(
    httpApiEvent({ method: 'get', stage: 'beta', path: '/generate/', query: 'a=1&a=2&b=x%2By+z', headers: { Accept: 'image/png' } }),
  );
  t.equal(request.method, 'GET');
  t.equal(request.path, '/generate', 'stage prefix and trailing slash removed');
  t.same(request.query.getAll('a'), ['1', '2'], 'repeated keys kept (queryStringParameters would join them with commas)');
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
  t.match(toHttpRequest({ body: '{"url":"x"}' }), { method: 'POST', path: '/generate', body: { kind: 'text', text: '{"url":"x"}' } });
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
  t.equal(query('url=100%&size=%zz').get('url'), '100%', 'a % that starts no escape is itself, as URLSearchParams reads it');
  t.equal(query('size=%zz').get('size'), '%zz');
  t.same([...query('a=1&&b&c=').entries()], [['a', '1'], ['b', ''], ['c', '']], 'empty pairs skipped, missing values empty');
  t.throws(() => query('url=caf%E9'), { statusCode: 400, message: /query parameter 'url' is not valid UTF-8/ }, 'Latin-1 é');
  t.throws(() => query('url=%ED%A0%80'), { statusCode: 400, message: /'url' is not valid UTF-8/ }, 'an encoded lone surrogate');
  t.throws(() => query('caf%E9=1'), { statusCode: 400, message: /'caf%E9' is not valid UTF-8/ }, 'a name that is not UTF-8');
});
