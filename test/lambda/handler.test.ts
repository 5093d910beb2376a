import t, { type Test } from 'tap';
import { handler } from '../../lambda/handler.js';
import type { HttpResponse } from '../../lambda/http/response.js';
import { httpApiEvent, loadEvent } from '../helpers/events.js';
import { TUTORIAL_URL, UTF8_TEXT, WIFI_TEXT } from '../helpers/fixtures.js';
import { decodePng } from '../helpers/png-decode.js';
import { decodeQr, decodeQrText } from '../helpers/qr-decode.js';
import { parseSvg, rasterizeSvg } from '../helpers/svg-raster.js';
import { captureStdout } from '../helpers/stdout.js';

const context = { awsRequestId: 'c0ffee00-0000-4000-8000-000000000000' };

/** Invokes quietly (the log line is tested on its own). */
const invoke = async (event: unknown): Promise<HttpResponse> =>
  (await captureStdout(() => handler(event, context))).result;

const jsonBody = (response: HttpResponse): Record<string, unknown> =>
  JSON.parse(response.body) as Record<string, unknown>;

const pngOfJson = (response: HttpResponse): Buffer => Buffer.from(String(jsonBody(response).qr_code), 'base64');

async function assertTutorialSuccess(t: Test, response: HttpResponse, url = TUTORIAL_URL) {
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'application/json');
  t.equal(response.isBase64Encoded, false);
  const body = jsonBody(response);
  t.equal(body.message, 'QR Code generated successfully');
  t.equal(body.url, url, 'url echoed unchanged');
  t.equal(body.format, 'png');
  t.equal(body.content_type, 'image/png');
  const png = pngOfJson(response);
  const image = decodePng(png);
  t.equal(image.width, body.width);
  t.equal(image.height, body.height);
  t.same((await decodeQr(png)).bytes, Buffer.from(url, 'utf8'), 'qr_code decodes back to the url');
  return image;
}

t.test('the documented direct invocation', async (t) => {
  const image = await assertTutorialSuccess(t, await invoke(loadEvent('direct-invoke-documented.json')));
  t.equal(image.width, 370, 'tutorial geometry: 10 px a module, 4-module border');
  t.equal(image.colorType, 0, 'black on white');
});

t.test('direct invocation variants: body as an object, and the bare options object', async (t) => {
  await assertTutorialSuccess(t, await invoke({ body: { url: TUTORIAL_URL } }));
  await assertTutorialSuccess(t, await invoke({ url: TUTORIAL_URL }));
  await assertTutorialSuccess(t, await invoke({ text: WIFI_TEXT }), WIFI_TEXT);
  await assertTutorialSuccess(
    t,
    await invoke({ body: Buffer.from(JSON.stringify({ url: UTF8_TEXT })).toString('base64'), isBase64Encoded: true }),
    UTF8_TEXT,
  );
});

t.test('HTTP API v2: JSON, and a form-typed base64 body (curl -d without -H)', async (t) => {
  await assertTutorialSuccess(t, await invoke(loadEvent('http-api-v2-post-json.json')));
  await assertTutorialSuccess(t, await invoke(loadEvent('http-api-v2-post-form-base64.json')));
});

t.test('HTTP API v2 on a named stage', async (t) => {
  const event = httpApiEvent({ method: 'POST', stage: 'prod', body: JSON.stringify({ url: 'x' }) });
  t.equal(event.rawPath, '/prod/generate');
  await assertTutorialSuccess(t, await invoke(event), 'x');
});

t.test('REST API (payload 1.0)', async (t) => {
  await assertTutorialSuccess(t, await invoke(loadEvent('rest-api-v1-post.json')));
  const get = loadEvent('rest-api-v1-post.json');
  Object.assign(get, {
    httpMethod: 'GET',
    body: null,
    multiValueQueryStringParameters: { url: [UTF8_TEXT], format: ['svg'] },
  });
  const response = await invoke(get);
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'image/svg+xml');
  const decoded = await decodeQr(rasterizeSvg(parseSvg(response.body), 4));
  t.same(decoded.bytes, Buffer.from(UTF8_TEXT, 'utf8'));
});

t.test('POST options reach the image', async (t) => {
  const response = await invoke({
    url: UTF8_TEXT,
    size: 250,
    margin: 1,
    ecLevel: 'H',
    dark: '#203040',
    light: '#ffffff00',
  });
  t.equal(response.statusCode, 200);
  const body = jsonBody(response);
  const image = decodePng(pngOfJson(response));
  t.ok(image.width <= 250, 'never larger than size');
  t.equal(image.width, body.width);
  t.same(image.palette, [
    [255, 255, 255, 0],
    [0x20, 0x30, 0x40, 255],
  ]);
  const decoded = await decodeQr(image);
  t.equal(decoded.ecLevel, 'H');
  t.same(decoded.bytes, Buffer.from(UTF8_TEXT, 'utf8'));

  const svg = await invoke({ url: 'svg please', format: 'svg' });
  t.equal(jsonBody(svg).format, 'svg');
  t.equal(jsonBody(svg).content_type, 'image/svg+xml');
  const markup = Buffer.from(String(jsonBody(svg).qr_code), 'base64').toString('utf8');
  t.equal(await decodeQrText(rasterizeSvg(parseSvg(markup), 3)), 'svg please');
});

t.test('GET /generate: the image itself, cacheable, conditional', async (t) => {
  const event = loadEvent('http-api-v2-get-image.json');
  const response = await invoke(event);
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'image/png');
  t.equal(response.isBase64Encoded, true);
  t.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.match(response.headers.etag, /^"[A-Za-z0-9_-]{32}"$/, 'a strong ETag');
  const png = Buffer.from(response.body, 'base64');
  t.ok(decodePng(png).width <= 200);
  t.equal(await decodeQrText(png), TUTORIAL_URL);

  const again = await invoke(loadEvent('http-api-v2-get-image.json'));
  t.equal(again.body, response.body, 'same input, same bytes');
  t.equal(again.headers.etag, response.headers.etag);

  for (const ifNoneMatch of [
    response.headers.etag!,
    `W/${response.headers.etag}`,
    `"other", ${response.headers.etag}`,
    '*',
  ]) {
    const conditional = await invoke(
      httpApiEvent({ query: event.rawQueryString as string, headers: { 'if-none-match': ifNoneMatch } }),
    );
    t.equal(conditional.statusCode, 304, `If-None-Match: ${ifNoneMatch}`);
    t.equal(conditional.body, '');
    t.equal(conditional.headers.etag, response.headers.etag);
  }
  const stale = await invoke(
    httpApiEvent({ query: event.rawQueryString as string, headers: { 'if-none-match': '"stale"' } }),
  );
  t.equal(stale.statusCode, 200);

  const other = await invoke(httpApiEvent({ query: 'url=somewhere+else&size=200' }));
  t.not(other.headers.etag, response.headers.etag, 'different input, different ETag');
});

t.test('GET /generate?format=svg', async (t) => {
  const response = await invoke(httpApiEvent({ query: `url=${encodeURIComponent(UTF8_TEXT)}&format=svg&margin=2` }));
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'image/svg+xml');
  t.equal(response.isBase64Encoded, false, 'SVG is text');
  t.match(response.headers['content-security-policy'], /default-src 'none'/);
  const svg = parseSvg(response.body);
  t.equal(svg.units, 29 + 4, 'version 3 with a 2-module margin');
  t.same((await decodeQr(rasterizeSvg(svg, 4))).bytes, Buffer.from(UTF8_TEXT, 'utf8'));
});

t.test('POST answers with the image when Accept prefers it', async (t) => {
  const post = (accept: string, body: Record<string, unknown> = { url: 'negotiated' }) =>
    invoke(
      httpApiEvent({
        method: 'POST',
        headers: { accept, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  const png = await post('image/png');
  t.equal(png.headers['content-type'], 'image/png');
  t.equal(png.isBase64Encoded, true);
  t.equal(png.headers.vary, 'accept');
  t.equal(await decodeQrText(Buffer.from(png.body, 'base64')), 'negotiated');

  const svg = await post('image/svg+xml, application/json;q=0.5');
  t.equal(svg.headers['content-type'], 'image/svg+xml');
  t.equal(await decodeQrText(rasterizeSvg(parseSvg(svg.body), 3)), 'negotiated');

  t.equal((await post('*/*')).headers['content-type'], 'application/json', 'curl default: JSON');
  t.equal(
    (await post('application/json, image/png')).headers['content-type'],
    'application/json',
    'a tie goes to JSON',
  );
  t.equal(
    (await post('image/*', { url: 'x', format: 'svg' })).headers['content-type'],
    'image/svg+xml',
    'format picks among images',
  );

  const refused = await post('image/svg+xml', { url: 'x', format: 'png' });
  t.equal(refused.statusCode, 406);
  t.match(jsonBody(refused).error, /Accept header allows none of .*application\/json, image\/png/);
});

t.test('client errors: 4xx with a JSON error naming the problem', async (t) => {
  const cases: [string, unknown, number, RegExp][] = [
    ['non-JSON body', httpApiEvent({ method: 'POST', body: 'url=https://example.com' }), 400, /not valid JSON/],
    ['JSON array body', httpApiEvent({ method: 'POST', body: '[1]' }), 400, /must be a JSON object/],
    ['JSON string body', httpApiEvent({ method: 'POST', body: '"x"' }), 400, /must be a JSON object/],
    ['empty body', httpApiEvent({ method: 'POST' }), 400, /body is empty/],
    ['missing url', httpApiEvent({ method: 'POST', body: '{}' }), 400, /'url' is required/],
    [
      'bad base64',
      httpApiEvent({ method: 'POST', body: 'eyJ1cmwiOi!!', isBase64Encoded: true }),
      400,
      /not valid base64/,
    ],
    [
      'invalid UTF-8',
      httpApiEvent({ method: 'POST', body: Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), isBase64Encoded: true }),
      400,
      /not valid UTF-8/,
    ],
    [
      'huge body',
      httpApiEvent({ method: 'POST', body: JSON.stringify({ url: 'x'.repeat(70_000) }) }),
      413,
      /larger than 65536 bytes/,
    ],
    [
      'huge base64 body',
      httpApiEvent({ method: 'POST', body: 'QUFB'.repeat(30_000), isBase64Encoded: true }),
      413,
      /larger than 65536 bytes/,
    ],
    [
      'data over capacity',
      { url: 'x'.repeat(3000) },
      413,
      /does not fit a QR code at ecLevel L: it holds at most 2953 bytes/,
    ],
    ['bad option', { url: 'x', size: 5000 }, 400, /'size' must be a whole number from 21 to 2048/],
    ['size too small', { url: TUTORIAL_URL, size: 30 }, 400, /needs at least 37 px/],
    [
      'POST with options in the query',
      httpApiEvent({ method: 'POST', query: 'size=100&ecLevel=H', body: '{"url": "x"}' }),
      400,
      /options in the JSON body, not in the query string \(size, ecLevel\)/,
    ],
    ['GET without url', httpApiEvent({}), 400, /'url' is required/],
    ['GET repeated parameter', httpApiEvent({ query: 'url=a&url=b' }), 400, /more than once/],
    ['GET unknown parameter', httpApiEvent({ query: 'url=a&utm_source=x' }), 400, /unknown option 'utm_source'/],
    ['unknown path', httpApiEvent({ path: '/nope' }), 404, /no such path/],
    ['malformed v2 event', { requestContext: { http: { method: 7 } } }, 400, /malformed event/],
    ['v2 event without a path', { requestContext: { http: { method: 'GET' } } }, 400, /rawPath must be a string/],
    ['REST event without a path', { httpMethod: 'GET' }, 400, /path must be a string/],
  ];
  for (const [name, event, status, message] of cases) {
    const response = await invoke(event);
    t.equal(response.statusCode, status, name);
    t.equal(response.headers['content-type'], 'application/json', `${name}: JSON`);
    t.match(jsonBody(response).error, message, `${name}: says why`);
  }
});

t.test('wrong method: 405 with Allow; OPTIONS answers with Allow', async (t) => {
  const response = await invoke(httpApiEvent({ method: 'DELETE' }));
  t.equal(response.statusCode, 405);
  t.equal(response.headers.allow, 'GET, POST, OPTIONS');
  t.match(jsonBody(response).error, /DELETE is not allowed on \/generate/);
  const options = await invoke(httpApiEvent({ method: 'OPTIONS' }));
  t.equal(options.statusCode, 204);
  t.equal(options.headers.allow, 'GET, POST, OPTIONS');
});

// "If you configure CORS for an API, API Gateway ignores CORS headers returned from your
// backend integration" and answers preflights itself:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
// So CORS is main.tf's cors_configuration alone (the local HTTP API reads it from the plan).
t.test('the function sets no CORS header: the HTTP API’s configuration is the only one', async (t) => {
  const origin = { origin: 'https://app.example', 'access-control-request-method': 'POST' };
  const responses = [
    await invoke(httpApiEvent({ method: 'POST', body: JSON.stringify({ url: TUTORIAL_URL }), headers: origin })),
    await invoke(httpApiEvent({ query: 'url=x', headers: origin })),
    await invoke(httpApiEvent({ method: 'OPTIONS', headers: origin })),
    await invoke(httpApiEvent({ method: 'DELETE', headers: origin })),
    await invoke(httpApiEvent({ path: '/', headers: origin })),
  ];
  for (const response of responses) {
    t.same(
      Object.keys(response.headers).filter((name) => name.startsWith('access-control-')),
      [],
      `${response.statusCode}`,
    );
  }
});

t.test('any payload at all is answered, never thrown: 4xx for nonsense', async (t) => {
  for (const payload of [
    null,
    undefined,
    [],
    [1],
    'x',
    '',
    0,
    42,
    true,
    {},
    { body: null },
    { body: 42 },
    { body: '' },
    { body: [] },
    { httpMethod: 'GET' },
    { requestContext: null },
    { requestContext: { http: null } },
  ]) {
    const response = await invoke(payload);
    t.ok(
      response.statusCode >= 400 && response.statusCode < 500,
      `${JSON.stringify(payload)} → ${response.statusCode}`,
    );
    t.type(jsonBody(response).error, 'string');
  }
});

t.test('an unexpected failure: 500 with the request id, logged, no internals', async (t) => {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new TypeError('secret internal detail');
      },
      has() {
        return true;
      },
    },
  );
  const { result, lines } = await captureStdout(() => handler(hostile, context));
  t.equal(result.statusCode, 500);
  t.same(jsonBody(result), { error: 'Internal error', requestId: context.awsRequestId });
  t.notMatch(result.body, /secret/);
  const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  t.match(logged[0], { level: 'ERROR', requestId: context.awsRequestId, error: /TypeError: secret internal detail/ });
  t.match(logged[1], { level: 'INFO', status: 500 });
});

t.test('one structured log line per request, without the payload', async (t) => {
  const secret = 'https://example.com/private-token-123';
  const { lines, result } = await captureStdout(() => handler({ body: JSON.stringify({ url: secret }) }, context));
  t.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
  t.match(entry, {
    level: 'INFO',
    message: 'request',
    requestId: context.awsRequestId,
    route: 'POST /generate',
    status: 200,
    contentType: 'application/json',
    bytes: Number,
    durationMs: Number,
  });
  t.notMatch(lines[0], /private-token/);
  t.equal(entry.bytes, Buffer.byteLength(result.body), 'bytes of the body sent');
  const image = await captureStdout(() => handler(httpApiEvent({ query: 'url=x' }), context));
  const logged = JSON.parse(image.lines[0]!) as { bytes: number };
  t.equal(logged.bytes, Buffer.from(image.result.body, 'base64').length, 'a base64 body counts its decoded bytes');
});

t.test("fit: exact gives an image of exactly 'size' pixels; the default stays whole pixels a module", async (t) => {
  const exact = await invoke({ body: JSON.stringify({ url: 'https://example.com', size: 200, fit: 'exact' }) });
  const body = jsonBody(exact);
  t.same([body.width, body.height], [200, 200]);
  const image = decodePng(pngOfJson(exact));
  t.same([image.width, image.height], [200, 200], 'exactly 200 x 200');
  t.equal(await decodeQrText(pngOfJson(exact)), 'https://example.com');
  const whole = jsonBody(await invoke({ body: JSON.stringify({ url: 'https://example.com', size: 200 }) }));
  t.equal(whole.width, 198, 'without fit: 6 px a module, 33 modules (version 2 and the margin), at most 200');
  const svg = await invoke(httpApiEvent({ method: 'GET', query: 'url=x&size=100&fit=exact&format=svg' }));
  t.match(svg.body, /^<svg [^>]*width="100" height="100"/);
  const refused = await invoke({ body: JSON.stringify({ url: 'x', fit: 'exact' }) });
  t.equal(refused.statusCode, 400);
  t.match(jsonBody(refused), { code: 'missing_field', field: 'size' });
});
