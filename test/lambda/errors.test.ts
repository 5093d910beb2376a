// Every client error is a 4xx whose body carries a stable `code` (and the field where one
// is at fault): one request here for each code in ERROR_CODES, so none is listed that the
// function cannot answer, and the error table in docs/api.md names them all.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ERROR_CODES, type ErrorCode } from '../../lambda/errors.js';
import { handler } from '../../lambda/handler.js';
import { httpApiEvent, type HttpApiRequest } from '../helpers/events.js';
import { captureStdout } from '../helpers/stdout.js';

const post = (body: unknown, extra: HttpApiRequest = {}): HttpApiRequest => ({
  method: 'POST',
  body: JSON.stringify(body),
  ...extra,
});
const get = (query: string, path = '/generate'): HttpApiRequest => ({ method: 'GET', path, query });

/** A logo: a red square (test/fixtures/logos/red-square.png). */
const LOGO = `data:image/png;base64,${readFileSync(new URL('../fixtures/logos/red-square.png', import.meta.url)).toString('base64')}`;

/** A request for each code, and the status and field it answers with. */
const CASES: Record<ErrorCode, [HttpApiRequest | 'not an object', number, string?]> = {
  invalid_event: ['not an object', 400],
  no_such_path: [get('', '/nowhere'), 404],
  method_not_allowed: [{ method: 'DELETE' }, 405],
  not_acceptable: [post({ url: 'x' }, { headers: { accept: 'image/webp' } }), 406],
  // With the CDN's secret configured (below), a request without its header.
  not_through_cdn: [get('url=x'), 403],
  empty_body: [{ method: 'POST' }, 400],
  invalid_json: [{ method: 'POST', body: '{"url":' }, 400],
  body_not_object: [post(['x']), 400],
  body_too_large: [{ method: 'POST', body: 'x'.repeat(70_000) }, 413],
  request_too_large: [get(`url=${'x'.repeat(10_240)}`), 414, 'query'],
  invalid_base64: [{ method: 'POST', body: '!!!', isBase64Encoded: true }, 400, 'body'],
  invalid_utf8: [get('url=caf%E9'), 400, 'url'],
  options_in_query: [post({ url: 'x' }, { query: 'size=100' }), 400],
  repeated_parameter: [get('url=a&url=b'), 400, 'url'],
  secret_in_url: [get('type=otpauth&secret=JBSWY3DPEHPK3PXP&account=a'), 400, 'secret'],
  unknown_option: [post({ url: 'x', ecLevle: 'H' }), 400, 'ecLevle'],
  unsupported_option: [get('text=x&centerImageUrl=https%3A%2F%2Fexample.com%2Fa.png', '/qr'), 400, 'centerImageUrl'],
  option_not_applicable: [post({ url: 'x', format: 'txt', size: 100 }), 400, 'size'],
  conflicting_options: [post({ url: 'x', text: 'y' }), 400, 'text'],
  missing_field: [post({ size: 100 }), 400, 'url'],
  invalid_type: [post({ url: 42 }), 400, 'url'],
  empty_value: [post({ url: '' }), 400, 'url'],
  invalid_value: [post({ url: 'x', ecLevel: 'Z' }), 400, 'ecLevel'],
  out_of_range: [post({ url: 'x', size: 5000 }), 400, 'size'],
  invalid_text: [post({ url: '\ud800' }), 400, 'url'],
  not_shift_jis: [post({ url: 'café', mode: 'kanji' }), 400, 'mode'],
  invalid_color: [post({ url: 'x', dark: 'navy' }), 400, 'dark'],
  same_colors: [post({ url: 'x', dark: '#123456', light: '#123456' }), 400, 'light'],
  dark_too_transparent: [post({ url: 'x', dark: '#00000010' }), 400, 'dark'],
  inverted_colors: [post({ url: 'x', dark: '#ffffff', light: '#000000' }), 400, 'dark'],
  low_contrast: [post({ url: 'x', dark: '#777777', light: '#999999' }), 400, 'dark'],
  data_too_large: [post({ url: 'x'.repeat(3000) }), 413],
  size_too_small: [post({ url: 'x', size: 22 }), 400, 'size'],
  unscannable: [post({ url: 'https://example.com/a/longer/path', logo: LOGO, logoSize: 0.4, ecLevel: 'L' }), 422],
  unsupported_characters: [post({ url: 'x', caption: 'Scan 扫描' }), 400, 'caption'],
  caption_too_wide: [post({ url: 'x', size: 100, caption: 'A caption far too long for a small code' }), 400, 'caption'],
};

t.test('each code, from a request that earns it: status, code, field, and words for people', async (t) => {
  t.same(Object.keys(CASES).sort(), [...ERROR_CODES].sort(), 'a case for every code');
  for (const [code, [request, status, field]] of Object.entries(CASES)) {
    const event = request === 'not an object' ? 'not an object' : httpApiEvent(request);
    if (code === 'not_through_cdn') process.env.QR_ORIGIN_SECRET = 'the-cdn-secret';
    const { result } = await captureStdout(() => handler(event, { awsRequestId: code })).finally(
      () => delete process.env.QR_ORIGIN_SECRET,
    );
    const body = JSON.parse(result.body) as Record<string, unknown>;
    t.equal(result.statusCode, status, `${code}: ${status}`);
    t.equal(body.code, code, `${code}: the code`);
    if (field !== undefined) t.equal(body.field, field, `${code}: field ${field}`);
    t.ok(typeof body.error === 'string' && body.error.length > 10, `${code}: a message`);
    t.ok(/^[a-z]+(_[a-z0-9]+)*$/.test(code), `${code} is snake_case`);
    // A refusal says something of the request, which may hold a secret: no cache keeps it.
    t.equal(result.headers['cache-control'], 'private, no-store', `${code}: no-store`);
  }
});

t.test('a secret field is never repeated in an error, and on GET is refused before it is read', async (t) => {
  const answer = async (request: HttpApiRequest) => {
    const { result } = await captureStdout(() => handler(httpApiEvent(request), { awsRequestId: 's' }));
    return { status: result.statusCode, body: JSON.parse(result.body) as Record<string, unknown>, raw: result.body };
  };
  // One typo in the key (1 is not base32): the key is refused for being in a URL, not for its typo.
  const typo = 'JBSWY3DPEHPK3PX1';
  const onGet = await answer(get(`type=otpauth&account=me&secret=${typo}`));
  t.match(onGet, { status: 400, body: { code: 'secret_in_url', field: 'secret' } });
  t.notMatch(onGet.raw, typo);
  const cases: [HttpApiRequest, string, string][] = [
    [post({ type: 'otpauth', account: 'me', secret: typo }), 'invalid_value', typo],
    [post({ type: 'otpauth', account: 'me', secret: 12345678 }), 'invalid_type', '12345678'],
    [post({ type: 'wifi', ssid: 'home', password: 12345678 }), 'invalid_type', '12345678'],
    [post({ type: 'wifi', ssid: 'home', password: 'x'.repeat(65) }), 'out_of_range', 'xxxxxxxx'],
    [post({ type: 'wifi', ssid: 'home', security: 'WEP', password: 'sixsix' }), 'invalid_value', 'sixsix'],
    [get('type=wifi&ssid=home&password=12345678&hidden=maybe'), 'secret_in_url', '12345678'],
    [get('type=wifi&ssid=home&password='), 'secret_in_url', 'password='],
  ];
  for (const [request, code, secret] of cases) {
    const refused = await answer(request);
    t.equal(refused.body.code, code, `${request.method} ${request.body ?? request.query}: ${code}`);
    t.notMatch(refused.raw, secret, `…and the secret is not in the answer`);
  }
});

t.test('limits travel with the code where a client can act on them', async (t) => {
  const call = async (request: HttpApiRequest) =>
    JSON.parse(
      (await captureStdout(() => handler(httpApiEvent(request), { awsRequestId: 'l' }))).result.body,
    ) as Record<string, unknown>;
  t.match(await call(post({ url: 'x', size: 5000 })), { min: 21, max: 2048 });
  t.match(await call(post({ url: 'x', size: 22 })), { minimum: 29 });
  t.match(await call(post({ url: 'x'.repeat(3000) })), { ecLevel: 'L', maxBytes: 2953 });
  t.match(await call(post({ url: 'x', dark: '#777777', light: '#999999' })), { contrast: 1.57, minimum: 3 });
  t.match(await call(post({ url: 'x', ecLevel: 'Z' })), { allowed: ['L', 'M', 'Q', 'H'] });
});

t.test("the API docs' error table lists every code", async (t) => {
  const docs = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');
  for (const code of ERROR_CODES) t.match(docs, `\`${code}\``, code);
});
