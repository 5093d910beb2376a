// The POST body as JSON: as strict as the query, and the same whether it came as text or base64.
import t from 'tap';
import { handler } from '../../../lambda/handler.js';
import { parseJsonBody, repeatedName } from '../../../lambda/generate/json-body.js';
import type { HttpResponse } from '../../../lambda/http/response.js';
import { httpApiEvent } from '../../helpers/events.js';
import { captureStdout } from '../../helpers/stdout.js';

const invoke = async (event: unknown): Promise<HttpResponse> => (await captureStdout(() => handler(event, {}))).result;
const BOM = '\ufeff';

t.test('a leading byte order mark is ignored, as text and base64 alike (RFC 8259 §8.1 allows it)', async (t) => {
  const json = `${BOM}{"url":"https://example.com"}`;
  const text = await invoke(
    httpApiEvent({ method: 'POST', body: json, headers: { 'content-type': 'application/json' } }),
  );
  const base64 = await invoke(
    httpApiEvent({ method: 'POST', body: Buffer.from(json).toString('base64'), isBase64Encoded: true }),
  );
  t.equal(text.statusCode, 200, 'as text');
  t.equal(base64.statusCode, 200, 'base64-encoded');
  t.equal(JSON.parse(text.body).qr_code, JSON.parse(base64.body).qr_code, 'the same code');
  t.throws(() => parseJsonBody(`{"url":"x"}${BOM}`), { code: 'invalid_json' }, 'a BOM anywhere else is not JSON');
});

t.test(
  'one reading whichever way the body arrives: two byte order marks are one too many, as text and base64',
  async (t) => {
    const json = `${BOM}${BOM}{"url":"https://example.com"}`;
    for (const [how, event] of [
      ['as text', httpApiEvent({ method: 'POST', body: json })],
      [
        'base64-encoded',
        httpApiEvent({ method: 'POST', body: Buffer.from(json).toString('base64'), isBase64Encoded: true }),
      ],
    ] as const) {
      const response = await invoke(event);
      t.equal(response.statusCode, 400, how);
      t.match(JSON.parse(response.body), { code: 'invalid_json' }, how);
    }
  },
);

t.test('a name given twice in one object is refused, as a repeated query parameter is', async (t) => {
  const response = await invoke(
    httpApiEvent({ method: 'POST', body: '{"url":"https://a.example","size":200,"url":"https://b.example"}' }),
  );
  t.equal(response.statusCode, 400);
  t.match(JSON.parse(response.body), { code: 'repeated_parameter', field: 'url', error: /'url' is given twice/ });
  t.equal(repeatedName('{"a":{"x":1,"x":2}}'), 'x', 'in a nested object too');
  t.equal(repeatedName('{"a":{"x":1},"b":{"x":2}}'), undefined, 'the same name in two objects is two names');
  t.equal(repeatedName('{"a":["a","a"],"b":"a"}'), undefined, 'values are not names');
  t.equal(repeatedName('{"k\\"ey":1,"k\\u0022ey":2}'), 'k"ey', 'escapes read as JSON reads them');
  t.equal(repeatedName('{"a":"}","a":1}'), 'a', 'brackets inside strings are text');
});
