import t from 'tap';
import { dispatch } from '../../../lambda/http/router.js';
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
  t.equal(dispatch(routes, request('GET', '/thing')).body, '{"got":true}');
  t.throws(() => dispatch(routes, request('GET', '/other')), { name: 'HttpError', statusCode: 404 });
  t.throws(() => dispatch(routes, request('GET', '/toString')), { name: 'HttpError', statusCode: 404 }, 'no prototype keys');
  t.throws(() => dispatch(routes, request('POST', '/thing')), { name: 'HttpError', statusCode: 405, headers: { allow: 'GET, OPTIONS' } });
  t.throws(() => dispatch(routes, request('constructor', '/thing')), { name: 'HttpError', statusCode: 405 });
  t.equal(dispatch(routes, request('OPTIONS', '/thing')).statusCode, 204);
});
