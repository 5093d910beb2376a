// The payload format 2.0 response rules, in process: a result with a statusCode is an HTTP
// response, anything else valid JSON a 200 application/json; a malformed one is undefined (a 500).
import t from 'tap';
import { fromResult, headerIsValid } from '../../../../local/api/http/result.js';

const map = (result: unknown) => fromResult(Buffer.from(JSON.stringify(result)));

t.test('a result without statusCode is inferred as a 200 JSON response of itself', async (t) => {
  for (const [result, body] of [
    [{ data: 'x', n: 1 }, '{"data":"x","n":1}'],
    [[1, 2], '[1,2]'],
    [42, '42'],
    [null, 'null'],
    ['plain text', 'plain text'],
    [{ status: 201 }, '{"status":201}'],
  ] as const) {
    const mapped = map(result);
    t.equal(mapped?.statusCode, 200, JSON.stringify(result));
    t.same({ ...mapped?.headers }, { 'content-type': 'application/json' });
    t.equal(mapped?.body.toString('utf8'), body);
    t.same(mapped?.cookies, []);
  }
  const parsed: unknown = JSON.parse(map({ a: [1, { b: 'é' }] })!.body.toString('utf8'));
  t.same(parsed, { a: [1, { b: 'é' }] }, 'the body parses back to the result');
});

t.test('a result with statusCode: status, headers lower-cased, cookies, body', async (t) => {
  const mapped = map({
    statusCode: 201,
    headers: { 'Content-Type': 'image/svg+xml', 'X-Count': 3, 'X-Flag': true },
    cookies: ['a=1; Path=/', 'b=2'],
    body: '<svg/>',
  });
  t.equal(mapped?.statusCode, 201);
  t.same({ ...mapped?.headers }, { 'content-type': 'image/svg+xml', 'x-count': '3', 'x-flag': 'true' });
  t.same(mapped?.cookies, ['a=1; Path=/', 'b=2']);
  t.equal(mapped?.body.toString('utf8'), '<svg/>');
  const bare = map({ statusCode: 204 });
  t.same(
    [bare?.statusCode, { ...bare?.headers }, bare?.cookies, bare?.body.length],
    [204, {}, [], 0],
    'all else optional',
  );
});

t.test('a base64 body is decoded to its bytes; without the flag it is UTF-8 text', async (t) => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
  t.same(map({ statusCode: 200, body: png.toString('base64'), isBase64Encoded: true })?.body, png);
  t.equal(map({ statusCode: 200, body: 'aGk=', isBase64Encoded: false })?.body.toString('utf8'), 'aGk=');
  t.equal(
    map({ statusCode: 200, body: 'aGk=', isBase64Encoded: 'true' })?.body.toString('utf8'),
    'aGk=',
    'only true decodes',
  );
});

t.test('a multi-value header is malformed in format 2.0', async (t) => {
  t.equal(map({ statusCode: 200, headers: { 'x-a': ['1', '2'] } }), undefined);
  t.equal(
    map({ statusCode: 200, multiValueHeaders: { 'x-a': ['1', '2'] } })?.headers['x-a'],
    undefined,
    'multiValueHeaders is ignored',
  );
  t.equal(map({ statusCode: 200, headers: { 'x-a': null } }), undefined);
  t.equal(map({ statusCode: 200, headers: { 'x-a': { v: 1 } } }), undefined);
});

t.test('a header or cookie HTTP cannot carry is refused before anything is written', async (t) => {
  t.equal(map({ statusCode: 200, headers: { 'x-a': 'one\r\nx-injected: yes' } }), undefined, 'CR/LF in a value');
  t.equal(map({ statusCode: 200, headers: { 'x-a': 'one\nx-injected: yes' } }), undefined, 'LF alone');
  t.equal(map({ statusCode: 200, headers: { 'bad name': 'v' } }), undefined, 'a space in a name');
  t.equal(map({ statusCode: 200, headers: { '': 'v' } }), undefined, 'an empty name');
  t.equal(map({ statusCode: 200, cookies: ['a=1\r\nset-cookie: b=2'] }), undefined, 'CR/LF in a cookie');
  t.equal(headerIsValid('x-ok', 'tab\tand latin-1 é'), true);
  t.equal(headerIsValid('x-a', 'nul\u0000'), false);
  const proto = map({ statusCode: 200, headers: JSON.parse('{"__proto__":"v"}') as Record<string, string> });
  t.equal(Object.getOwnPropertyDescriptor(proto?.headers, '__proto__')?.value, 'v', 'a __proto__ header is a header');
});

t.test("malformed results are undefined, the gateway's 500", async (t) => {
  t.equal(fromResult(Buffer.from('not json')), undefined);
  t.equal(fromResult(Buffer.alloc(0)), undefined);
  for (const statusCode of [99, 600, 200.5, '200', null]) t.equal(map({ statusCode }), undefined, String(statusCode));
  t.equal(map({ statusCode: 200, body: { a: 1 } }), undefined, 'a body that is not a string');
  t.equal(map({ statusCode: 200, headers: null }), undefined);
  t.equal(map({ statusCode: 200, cookies: 'a=1' }), undefined, 'cookies that are not a list');
  t.equal(map({ statusCode: 100 })?.statusCode, 100);
  t.equal(map({ statusCode: 599 })?.statusCode, 599);
});
