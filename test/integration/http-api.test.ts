// Through the HTTP API: the local stack, or a real deployment when QR_API_URL is set.
import t from 'tap';
import { openTarget } from '../helpers/target.js';
import { TUTORIAL_URL, UTF8_TEXT } from '../helpers/fixtures.js';
import { decodeQr, decodeQrText } from '../helpers/qr-decode.js';
import { parseSvg, rasterizeSvg } from '../helpers/svg-raster.js';
import { rasterizeText } from '../helpers/text-raster.js';

const target = await openTarget();
t.teardown(() => target.close());
const api = (path: string, init?: RequestInit) => fetch(`${target.httpUrl}${path}`, init);

t.test('POST /generate with a JSON body: the tutorial contract', async (t) => {
  const response = await api('/generate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: TUTORIAL_URL }),
  });
  t.equal(response.status, 200);
  t.match(response.headers.get('content-type'), /^application\/json/);
  t.ok(response.headers.get('apigw-requestid'), 'API Gateway request id header');
  const body = (await response.json()) as Record<string, unknown>;
  t.equal(body.message, 'QR Code generated successfully');
  t.equal(body.url, TUTORIAL_URL);
  t.equal(await decodeQrText(Buffer.from(String(body.qr_code), 'base64')), TUTORIAL_URL);
});

t.test('POST /generate as curl -d sends it (form content type, so a base64 body)', async (t) => {
  const response = await api('/generate', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: JSON.stringify({ url: UTF8_TEXT, ecLevel: 'M' }),
  });
  t.equal(response.status, 200);
  const body = (await response.json()) as Record<string, unknown>;
  const decoded = await decodeQr(Buffer.from(String(body.qr_code), 'base64'));
  t.same(decoded.bytes, Buffer.from(UTF8_TEXT, 'utf8'));
  t.equal(decoded.ecLevel, 'M');
});

t.test('POST with Accept: image/png answers the image bytes', async (t) => {
  const response = await api('/generate', {
    method: 'POST',
    headers: { accept: 'image/png' },
    body: JSON.stringify({ url: 'accept' }),
  });
  t.equal(response.status, 200);
  t.equal(response.headers.get('content-type'), 'image/png');
  t.equal(await decodeQrText(Buffer.from(await response.arrayBuffer())), 'accept');
});

t.test('GET /generate: the image itself, with ETag and 304', async (t) => {
  const path = `/generate?url=${encodeURIComponent(UTF8_TEXT)}&size=300`;
  const response = await api(path);
  t.equal(response.status, 200);
  t.equal(response.headers.get('content-type'), 'image/png');
  t.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const etag = response.headers.get('etag');
  t.match(etag, /^"[A-Za-z0-9_-]+"$/);
  const png = Buffer.from(await response.arrayBuffer());
  t.same((await decodeQr(png)).bytes, Buffer.from(UTF8_TEXT, 'utf8'), 'binary body arrives intact');
  const again = await api(path, { headers: { 'if-none-match': etag! } });
  t.equal(again.status, 304);
  t.equal((await again.arrayBuffer()).byteLength, 0);
});

t.test('GET /generate?format=svg', async (t) => {
  const response = await api('/generate?url=svg%20text&format=svg');
  t.equal(response.headers.get('content-type'), 'image/svg+xml');
  t.equal(await decodeQrText(rasterizeSvg(parseSvg(await response.text()), 3)), 'svg text');
});

t.test('GET /generate?format=txt: a code curl prints, as UTF-8 text', async (t) => {
  const response = await api(`/generate?url=${encodeURIComponent(UTF8_TEXT)}&format=txt`);
  t.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  const text = await response.text();
  t.match(text, /^[ ▀▄█\n]+$/u);
  t.equal(await decodeQrText(rasterizeText(text)), UTF8_TEXT);
});

t.test('client errors come back as JSON 4xx', async (t) => {
  const cases: [string, RequestInit, number, RegExp][] = [
    ['/generate', { method: 'POST', body: 'not json' }, 400, /not valid JSON/],
    ['/generate', { method: 'POST', body: '{}' }, 400, /'url' is required/],
    ['/generate?url=x&size=1', {}, 400, /'size'/],
    ['/generate', { method: 'POST', body: JSON.stringify({ url: 'x'.repeat(3000) }) }, 413, /does not fit/],
    ['/generate?url=caf%E9', {}, 400, /query parameter 'url' is not valid UTF-8/],
    ['/generate?url=x&dark=777&light=888', {}, 400, /contrast of 1\.\d\d:1; scanners need at least 3:1/],
    ['/generate?url=x&dark=fff&light=000', {}, 400, /'dark' must be the darker color/],
    ['/generate?size=100', { method: 'POST', body: JSON.stringify({ url: 'x' }) }, 400, /options in the JSON body/],
  ];
  for (const [path, init, status, message] of cases) {
    const response = await api(path, init);
    t.equal(response.status, status, `${init.method ?? 'GET'} ${path}`);
    t.match(((await response.json()) as { error: string }).error, message);
  }
});

t.test('no route: the gateway’s own 404', async (t) => {
  const response = await api('/nowhere');
  t.equal(response.status, 404);
  t.same(await response.json(), { message: 'Not Found' });
  const wrongMethod = await api('/generate', { method: 'DELETE' });
  t.equal(wrongMethod.status, 404, 'DELETE /generate has no route either');
});

t.test('CORS preflight is answered by the gateway', async (t) => {
  const response = await api('/generate', {
    method: 'OPTIONS',
    headers: {
      origin: 'https://example.com',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });
  t.ok(response.status === 204 || response.status === 200, `status ${response.status}`);
  t.equal(response.headers.get('access-control-allow-origin'), '*');
  t.match(response.headers.get('access-control-allow-methods'), /POST/i);
  const actual = await api('/generate?url=cors', { headers: { origin: 'https://example.com' } });
  t.equal(actual.headers.get('access-control-allow-origin'), '*');
  t.match(actual.headers.get('access-control-expose-headers') ?? '', /etag/i, 'ETag readable from scripts');
});

t.test(
  'the dialects through the HTTP API: each documented URL, goQR with and without its trailing slash',
  async (t) => {
    for (const path of [
      '/chart?chs=150x150&cht=qr&chl=Hello%20world&choe=UTF-8',
      '/v1/create-qr-code/?data=Hello%20world&size=150x150',
      '/v1/create-qr-code?data=Hello%20world&size=150x150',
      '/qr?text=Hello%20world&size=150',
    ]) {
      const response = await api(path);
      t.equal(response.status, 200, path);
      t.equal(response.headers.get('content-type'), 'image/png');
      t.match(response.headers.get('cache-control'), /immutable/);
      t.equal(await decodeQrText(Buffer.from(await response.arrayBuffer())), 'Hello world', `${path}: decodes`);
    }
    const deeper = await api('/v1/create-qr-code/extra?data=x');
    t.equal(deeper.status, 404, 'a longer path under the greedy route is the function’s 404');
    t.match(await deeper.json(), { code: 'no_such_path' });
  },
);

t.test('a secret through the HTTP API: no-store and no ETag, and POST for the builders that hold one', async (t) => {
  const response = await api('/generate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'wifi', ssid: 'home', password: 'correct horse' }),
  });
  t.equal(response.status, 200);
  t.equal(response.headers.get('cache-control'), 'private, no-store');
  t.equal(response.headers.get('etag'), null);
  const body = (await response.json()) as Record<string, unknown>;
  t.equal(body.payload, 'WIFI:T:WPA;S:home;P:correct horse;;');
  const refused = await api('/generate?type=wifi&ssid=home&password=correct%20horse');
  t.equal(refused.status, 400);
  t.match(await refused.json(), { code: 'secret_in_url' });
});

t.test('a styled code: drawn by the native renderer the deployment carries, read before it left', async (t) => {
  const response = await api(
    `/generate?url=${encodeURIComponent(TUTORIAL_URL)}&dotStyle=rounded&cornerSquareStyle=extra-rounded&size=300` +
      `&caption=${encodeURIComponent('Scan me →')}`,
  );
  t.equal(response.status, 200, 'the local stack runs this machine’s build of it (make host-deps)');
  t.equal(response.headers.get('content-type'), 'image/png');
  t.equal(response.headers.get('x-qr-verified'), 'zxing-wasm, jsqr');
  t.match(response.headers.get('cache-control'), /^public/);
  const png = Buffer.from(await response.arrayBuffer());
  t.ok(png.readUInt32BE(20) > png.readUInt32BE(16), 'taller than wide: the caption, in the font the bundle carries');
  t.equal(await decodeQrText(png), TUTORIAL_URL);
});
