import t from 'tap';
import { dispatch, lazyRoute } from '../../../lambda/http/router.js';
import { jsonResponse } from '../../../lambda/http/response.js';
import type { HttpRequest } from '../../../lambda/http/request.js';

const routes = { '/thing': { GET: () => jsonResponse(200, { got: true }) } };
const request = (method: string, path: string): HttpRequest => ({
  method,
  path,
  headers: {},
  query: new URLSearchParams(),
  body: { kind: 'none' },
});

t.test('routes by path and method', async (t) => {
  t.equal((await dispatch(routes, request('GET', '/thing'))).body, '{"got":true}');
  t.throws(() => dispatch(routes, request('GET', '/other')), { name: 'HttpError', statusCode: 404 });
  t.throws(
    () => dispatch(routes, request('GET', '/toString')),
    { name: 'HttpError', statusCode: 404 },
    'no prototype keys',
  );
  t.throws(() => dispatch(routes, request('POST', '/thing')), {
    name: 'HttpError',
    statusCode: 405,
    headers: { allow: 'GET, OPTIONS' },
  });
  t.throws(() => dispatch(routes, request('constructor', '/thing')), { name: 'HttpError', statusCode: 405 });
  t.equal((await dispatch(routes, request('OPTIONS', '/thing'))).statusCode, 204);
});

t.test('a lazy route loads its code on its first request, once', async (t) => {
  let loads = 0;
  const route = lazyRoute(async () => {
    loads++;
    return () => jsonResponse(200, { lazy: true });
  });
  t.equal(loads, 0, 'nothing loaded before a request');
  const answers = await Promise.all([route(request('GET', '/x')), route(request('GET', '/x'))]);
  t.same(
    answers.map((answer) => answer.body),
    ['{"lazy":true}', '{"lazy":true}'],
  );
  await route(request('GET', '/x'));
  t.equal(loads, 1, 'loaded once, for requests at once and later');
});
