// Route keys and matching, in process: the routes main.tf declares, precedence, the greedy
// proxy, $default, path parameters and the stage prefix.
import t from 'tap';
import { matchRoute, parseRouteKey, requestTarget, stripStage } from '../../../../local/api/http/routes.js';

// main.tf's routes.
const deployed = [
  'POST /generate',
  'GET /generate',
  'GET /',
  'GET /chart',
  'GET /v1/create-qr-code',
  'GET /v1/create-qr-code/{proxy+}',
  'GET /qr',
].map(parseRouteKey);
const keyOf = (routes: typeof deployed, method: string, path: string): string | undefined =>
  matchRoute(routes, method, path)?.route.key;

t.test('a route key is a method and its path segments; $default is any method', async (t) => {
  t.same(parseRouteKey('get /v1/create-qr-code/{proxy+}'), {
    key: 'get /v1/create-qr-code/{proxy+}',
    method: 'GET',
    segments: ['v1', 'create-qr-code', '{proxy+}'],
  });
  t.same(parseRouteKey('GET /'), { key: 'GET /', method: 'GET', segments: [] });
  t.same(parseRouteKey('$default'), { key: '$default', method: 'ANY', segments: [] });
});

t.test('the deployed routes: method and path both choose', async (t) => {
  t.equal(keyOf(deployed, 'POST', '/generate'), 'POST /generate');
  t.equal(keyOf(deployed, 'GET', '/generate'), 'GET /generate');
  t.equal(keyOf(deployed, 'GET', '/'), 'GET /');
  t.equal(keyOf(deployed, 'GET', '/v1/create-qr-code'), 'GET /v1/create-qr-code');
  t.equal(keyOf(deployed, 'PUT', '/generate'), undefined, 'no route for the method, and no $default');
  t.equal(keyOf(deployed, 'GET', '/nowhere'), undefined);
  t.equal(keyOf(deployed, 'GET', '/generate/more'), undefined, 'a literal route does not match a longer path');
  t.equal(keyOf(deployed, 'GET', '/generate/'), 'GET /generate', 'one trailing slash is not a segment');
  t.equal(keyOf(deployed, 'GET', '//generate'), undefined, 'an empty segment matches no literal');
});

t.test('a greedy proxy takes the rest of the path, decoded, and needs at least one segment', async (t) => {
  const match = matchRoute(deployed, 'GET', '/v1/create-qr-code/a%20b/c%2Fd');
  t.equal(match?.route.key, 'GET /v1/create-qr-code/{proxy+}');
  t.same({ ...match?.pathParameters }, { proxy: 'a b/c/d' });
  t.equal(keyOf(deployed, 'GET', '/v1/create-qr-code/'), 'GET /v1/create-qr-code', 'the bare path is its own route');
  const proxyOnly = ['GET /files/{proxy+}'].map(parseRouteKey);
  t.equal(keyOf(proxyOnly, 'GET', '/files'), undefined, 'no segment for the proxy: no match');
  t.same(
    { ...matchRoute(proxyOnly, 'GET', '/files/%E0%A4%A')?.pathParameters },
    { proxy: '%E0%A4%A' },
    'bad escapes pass as sent',
  );
});

t.test('the most specific route wins, whatever the order of the keys', async (t) => {
  const keys = ['ANY /items/{proxy+}', 'ANY /items/{id}', 'GET /items/{id}', 'GET /items/special', '$default'];
  for (const order of [keys, [...keys].reverse()]) {
    const routes = order.map(parseRouteKey);
    t.equal(keyOf(routes, 'GET', '/items/special'), 'GET /items/special', 'a literal beats a parameter');
    t.equal(keyOf(routes, 'GET', '/items/7'), 'GET /items/{id}', 'an exact method beats ANY');
    t.equal(keyOf(routes, 'POST', '/items/7'), 'ANY /items/{id}', 'a parameter beats a proxy');
    t.equal(keyOf(routes, 'POST', '/items/7/parts'), 'ANY /items/{proxy+}');
    t.equal(keyOf(routes, 'DELETE', '/elsewhere'), '$default', '$default catches the rest');
  }
  const match = matchRoute(['GET /items/{id}'].map(parseRouteKey), 'GET', '/items/%C3%A9');
  t.same({ ...match?.pathParameters }, { id: 'é' });
  const odd = matchRoute(['GET /x/{__proto__}'].map(parseRouteKey), 'GET', '/x/1');
  t.equal(Object.getOwnPropertyDescriptor(odd?.pathParameters, '__proto__')?.value, '1', '{__proto__} is a name');
});

t.test('the request target is taken as sent; a named stage is a path prefix', async (t) => {
  t.same(requestTarget('/generate?data=a&data=b'), { pathname: '/generate', search: '?data=a&data=b' });
  t.same(requestTarget('/generate?'), { pathname: '/generate', search: '' });
  t.same(requestTarget('//generate/../x'), { pathname: '//generate/../x', search: '' });
  t.same(requestTarget('*'), { pathname: '/*', search: '' });
  t.equal(stripStage('/prod/generate', 'prod'), '/generate');
  t.equal(stripStage('/prod', 'prod'), '/');
  t.equal(stripStage('/production/generate', 'prod'), undefined);
  t.equal(stripStage('/generate', 'prod'), undefined);
});
