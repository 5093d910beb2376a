// The three dialects, answered as their originals document: the documented example URLs
// give images of exactly the size asked, with the documented margin and colours, that
// decode to the data; anything the original does not have is a 400 naming it.
import t from 'tap';
import { handler } from '../../../lambda/handler.js';
import type { HttpResponse } from '../../../lambda/http/response.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodePng, type DecodedPng } from '../../helpers/png-decode.js';
import { decodeQr, decodeQrText } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parseSvg, rasterizeSvg } from '../../helpers/svg-raster.js';

/** GET path?query through the HTTP API event, as a browser's <img src> would. */
async function get(path: string, query: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  return (
    await captureStdout(() =>
      handler(httpApiEvent({ method: 'GET', path, query, headers }), { awsRequestId: 'dialects' }),
    )
  ).result;
}
const png = (response: HttpResponse): Buffer => Buffer.from(response.body, 'base64');
const errorOf = (response: HttpResponse) =>
  JSON.parse(response.body) as { error: string; code: string; field?: string };

/** The first dark pixel of a row (the middle one by default), from the left: where the quiet zone ends. */
function firstDarkColumn(image: DecodedPng, row = Math.floor(image.height / 2)): number {
  for (let x = 0; x < image.width; x++) {
    const at = (row * image.width + x) * 4;
    if (image.rgba[at]! + image.rgba[at + 1]! + image.rgba[at + 2]! < 384) return x;
  }
  return -1;
}
/** The colour at a pixel, as #rrggbb. */
const colorAt = (image: DecodedPng, x: number, y: number): string =>
  `#${[0, 1, 2].map((c) => image.rgba[(y * image.width + x) * 4 + c]!.toString(16).padStart(2, '0')).join('')}`;

t.test('Google Chart API: the documented example, 150x150, margin 4 modules, black on white, PNG', async (t) => {
  const response = await get('/chart', 'chs=150x150&cht=qr&chl=Hello%20world&choe=UTF-8');
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'image/png');
  const image = decodePng(png(response));
  t.same([image.width, image.height], [150, 150], 'exactly chs');
  t.equal(await decodeQrText(png(response)), 'Hello world');
  // 21 modules and 4 on each side: 29 across 150 px.
  t.equal(firstDarkColumn(image, 25), Math.round((4 * 150) / 29), 'a 4-module margin (chld default L|4)');
  t.equal((await decodeQr(png(response))).ecLevel, 'L', 'error correction L by default');
  t.same([colorAt(image, 0, 0), colorAt(image, firstDarkColumn(image, 25), 25)], ['#ffffff', '#000000']);
  t.match(response.headers, { etag: /^"/, 'cache-control': 'public, max-age=31536000, immutable' });
});

t.test('Google Chart API: chld level and margin, a non-square chs centred, the limits', async (t) => {
  const tight = await get('/chart', 'cht=qr&chs=210x210&chl=edge&chld=H%7C0');
  const image = decodePng(png(tight));
  t.equal(firstDarkColumn(image, 5), 0, 'chld=H|0: no margin');
  t.equal((await decodeQr(png(tight))).ecLevel, 'H');
  const wide = decodePng(png(await get('/chart', 'cht=qr&chs=300x200&chl=wide')));
  t.same([wide.width, wide.height], [300, 200], 'exactly 300x200');
  t.equal(firstDarkColumn(wide), 50 + Math.round((4 * 200) / 29), 'the square code centred across');
  t.equal(await decodeQrText(wide), 'wide');
  for (const [query, code, field] of [
    ['chs=100x100&chl=x', 'missing_field', 'cht'],
    ['cht=bhs&chs=100x100&chl=x', 'invalid_value', 'cht'],
    ['cht=qr&chl=x', 'missing_field', 'chs'],
    ['cht=qr&chs=600x600&chl=x', 'out_of_range', 'chs'],
    ['cht=qr&chs=1001x100&chl=x', 'out_of_range', 'chs'],
    ['cht=qr&chs=100x100', 'missing_field', 'chl'],
    ['cht=qr&chs=100x100&chl=x&choe=ISO-8859-1', 'unsupported_option', 'choe'],
    ['cht=qr&chs=100x100&chl=caf%C3%A9&choe=Shift_JIS', 'not_shift_jis', 'choe'],
    ['cht=qr&chs=100x100&chl=x&chld=X', 'invalid_value', 'chld'],
    ['cht=qr&chs=100x100&chl=x&chco=ff0000', 'unknown_option', 'chco'],
    ['cht=qr&chs=20x20&chl=x', 'size_too_small', 'size'],
  ] as const) {
    const refused = await get('/chart', query);
    t.equal(refused.statusCode, 400, query);
    t.match(errorOf(refused), { code, field }, `${query}: ${code}`);
  }
});

t.test('goQR.me: the documented examples, size in pixels, margin 1 px, qzone 0', async (t) => {
  const response = await get('/v1/create-qr-code/', 'data=HelloWorld!&size=100x100');
  t.equal(response.statusCode, 200);
  const image = decodePng(png(response));
  t.same([image.width, image.height], [100, 100]);
  t.equal(await decodeQrText(png(response)), 'HelloWorld!');
  t.equal(firstDarkColumn(image, 2), 1, 'margin 1 px and no quiet zone by default');
  const example = decodePng(png(await get('/v1/create-qr-code/', 'size=150x150&data=Example')));
  t.same([example.width, example.height], [150, 150]);
  t.equal(await decodeQrText(example), 'Example');
  const defaults = decodePng(png(await get('/v1/create-qr-code', 'data=x')));
  t.same([defaults.width, defaults.height], [200, 200], '200x200 without a size, with or without the trailing slash');
});

t.test('goQR.me: colours in both forms, qzone in modules, margin in pixels, SVG', async (t) => {
  const red = decodePng(
    png(await get('/v1/create-qr-code/', 'data=colour&size=200x200&color=255-0-0&bgcolor=ff0&qzone=2&margin=10')),
  );
  t.same(
    red.palette.map(([r, g, b]) => `${r},${g},${b}`),
    ['255,255,0', '255,0,0'],
    'bgcolor ff0 (hex) and color 255-0-0 (decimal)',
  );
  t.equal(await decodeQrText(red), 'colour');
  // 21 + 2 * 2 = 25 modules in 200 - 2 * 10 = 180 px, after 10 px of margin.
  t.equal(firstDarkColumn(red, 100), 10 + Math.round((2 * 180) / 25), 'margin pixels, then qzone modules');
  const svg = await get('/v1/create-qr-code/', 'data=vector&size=120x120&format=svg&margin=20&color=00f');
  t.equal(svg.headers['content-type'], 'image/svg+xml');
  const parsed = parseSvg(svg.body);
  t.same([parsed.width, parsed.height], [120, 120]);
  t.same(parsed.viewBox, { x: 0, y: 0, w: 21, h: 21 }, 'margin ignored for SVG, as goQR does; qzone 0');
  t.equal(parsed.paths.at(-1)!.fill, '#0000ff');
  t.equal(await decodeQrText(rasterizeSvg(parsed, 6)), 'vector');
  for (const [query, code, field] of [
    ['size=100x100', 'missing_field', 'data'],
    ['data=x&size=5x5', 'out_of_range', 'size'],
    ['data=x&size=1001x1001', 'out_of_range', 'size'],
    ['data=x&format=gif', 'unsupported_option', 'format'],
    ['data=x&format=webp', 'invalid_value', 'format'],
    ['data=x&color=256-0-0', 'invalid_color', 'color'],
    ['data=x&color=ddd', 'low_contrast', 'color'],
    ['data=x&margin=51', 'out_of_range', 'margin'],
    ['data=x&qzone=101', 'out_of_range', 'qzone'],
    ['data=x&charset-target=ISO-8859-1', 'unsupported_option', 'charset-target'],
    ['data=x&ecc=X', 'invalid_value', 'ecc'],
    ['data=x&colour=f00', 'unknown_option', 'colour'],
  ] as const) {
    const refused = await get('/v1/create-qr-code/', query);
    t.equal(refused.statusCode, 400, query);
    t.match(errorOf(refused), { code, field }, `${query}: ${code}`);
  }
});

t.test('QuickChart: the documented examples, 150 px, margin 4 modules, ecLevel M, colours and SVG', async (t) => {
  const response = await get('/qr', "text=Here's%20my%20text");
  const image = decodePng(png(response));
  t.same([image.width, image.height], [150, 150]);
  t.equal(await decodeQrText(png(response)), "Here's my text");
  const decoded = await decodeQr(png(response));
  t.equal(decoded.ecLevel, 'M', 'ecLevel M by default');
  const modules = 17 + 4 * Number(decoded.version) + 8;
  t.equal(firstDarkColumn(image, 25), Math.round((4 * 150) / modules), 'a 4-module margin');
  const svg = await get('/qr', "text=Here's%20my%20text&dark=f00&light=0ff&ecLevel=Q&format=svg");
  t.equal(svg.headers['content-type'], 'image/svg+xml');
  const parsed = parseSvg(svg.body);
  t.same([parsed.width, parsed.height], [150, 150]);
  t.same(
    parsed.paths.map((path) => path.fill),
    ['#00ffff', '#ff0000'],
    'light 0ff, dark f00',
  );
  const fromSvg = await decodeQr(rasterizeSvg(parsed, 6));
  t.equal(fromSvg.bytes.toString(), "Here's my text");
  t.equal(fromSvg.ecLevel, 'Q');
  const sized = decodePng(png(await get('/qr', 'text=Hello+world&size=300&margin=1')));
  t.same([sized.width, sized.height], [300, 300]);
  const transparent = decodePng(png(await get('/qr', 'text=see-through&light=0000')));
  t.same(transparent.palette[0], [0, 0, 0, 0], 'light=0000: a transparent background, as node-qrcode reads it');
});

t.test('QuickChart: what is refused, and why', async (t) => {
  const logo = await get('/qr', 'text=x&centerImageUrl=https%3A%2F%2Fexample.com%2Flogo.png');
  t.equal(logo.statusCode, 400);
  t.match(errorOf(logo), { code: 'unsupported_option', field: 'centerImageUrl', error: /SSRF/ });
  t.match(errorOf(await get('/qr', 'text=x&centerImageWidth=40')), {
    code: 'unsupported_option',
    field: 'centerImageWidth',
    error: /share of the code/,
  });
  t.match(errorOf(await get('/qr', 'text=x&format=base64')), {
    code: 'invalid_value',
    field: 'format',
    error: /POST \/generate/,
  });
  t.match(errorOf(await get('/qr', 'size=100')), { code: 'missing_field', field: 'text' });
  t.match(errorOf(await get('/qr', 'text=x&size=3001')), { code: 'out_of_range', field: 'size' });
  t.match(errorOf(await get('/qr', 'text=x&dark=fff&light=000')), { code: 'inverted_colors', field: 'dark' });
  t.match(errorOf(await get('/qr', 'text=x&text=y')), { code: 'repeated_parameter', field: 'text' });
});

t.test('every dialect: a secret is never cached; anything else is, with a 304 on If-None-Match', async (t) => {
  const secret = encodeURIComponent('otpauth://totp/ACME:jane?secret=JBSWY3DPEHPK3PXP&issuer=ACME');
  const wifi = encodeURIComponent('WIFI:T:WPA;S:home;P:correct horse;;');
  for (const [path, query] of [
    ['/chart', `cht=qr&chs=200x200&chl=${secret}`],
    ['/v1/create-qr-code/', `data=${wifi}`],
    ['/qr', `text=${secret}`],
    ['/generate', `url=${wifi}`],
  ] as const) {
    const response = await get(path, query);
    t.equal(response.statusCode, 200, path);
    t.equal(response.headers['cache-control'], 'private, no-store', `${path}: no-store`);
    t.notOk(response.headers.etag, `${path}: no ETag`);
  }
  const plain = await get('/qr', 'text=plain');
  const again = await get('/qr', 'text=plain', { 'if-none-match': plain.headers.etag! });
  t.equal(again.statusCode, 304);
  const privately = await get('/generate', 'url=just%20text&private=true');
  t.equal(privately.headers['cache-control'], 'private, no-store', 'private=true on GET /generate');
});

/** A PNG's width and height, from its header. */
const pngSize = (file: Buffer): [number, number] => [file.readUInt32BE(16), file.readUInt32BE(20)];
const LOGO_BASE64 = readFileSync(new URL('../../fixtures/logos/red-square.png', import.meta.url)).toString('base64');

t.test('QuickChart: a caption keeps the image size x size, the code making room above it', async (t) => {
  const plain = await get('/qr', 'text=Hello%20world&size=200');
  const captioned = await get('/qr', 'text=Hello%20world&size=200&caption=Scan%20me');
  t.equal(captioned.statusCode, 200);
  t.equal(captioned.headers['x-qr-verified'], 'zxing-wasm, jsqr');
  t.same(pngSize(png(captioned)), [200, 200], 'exactly the size asked');
  t.equal(await decodeQrText(png(captioned)), 'Hello world');
  t.equal(plain.headers['x-qr-verified'], undefined, 'without them, the plain code');
  // The SVG, drawn: the caption's ink in the bottom rows, in black, QuickChart's default, whatever dark is.
  const svg = await get('/qr', 'text=Hello%20world&size=200&caption=Scan%20me&format=svg&dark=1a237e');
  t.equal(svg.statusCode, 200);
  const markup = svg.isBase64Encoded ? Buffer.from(svg.body, 'base64').toString('utf8') : svg.body;
  t.match(markup, /^<svg [^>]*width="200" height="200"/);
  t.notMatch(markup, /<text|font/);
  t.match(markup, /<path fill="#000000" d="[^"]+"\/><\/svg>$/, 'the caption last, black');
  const drawn = new Resvg(markup).render();
  const pixels = drawn.pixels;
  const darkRows = new Set<number>();
  for (let y = 0; y < drawn.height; y++)
    for (let x = 0; x < drawn.width; x++) if (pixels[(y * drawn.width + x) * 4]! < 100) darkRows.add(y);
  const rows = [...darkRows].sort((a, b) => a - b);
  // 29 modules in 200 px less the band: about 5.5 px a module, a quiet zone of 22 px around the code and under the caption.
  t.ok(rows.at(-1)! > 160 && rows.at(-1)! < 190, `ink down to row ${rows.at(-1)}: the caption, with light under it`);
  t.ok(
    rows.some((row, i) => i > 0 && row - rows[i - 1]! > 8),
    'the quiet zone between code and caption',
  );
  const red = await get(
    '/qr',
    'text=x&caption=Hi&captionFontColor=c62828&captionFontSize=14&captionFontFamily=%27Inter%27',
  );
  t.match((await get('/qr', 'text=x&caption=Hi&captionFontColor=c62828&format=svg')).body, /<path fill="#c62828" d=/);
  t.equal(red.statusCode, 200);
});

t.test('QuickChart: a centre image given as a data: URI is the logo, at H unless ecLevel says otherwise', async (t) => {
  // As a URL left unencoded carries it: every + of the base64 read back as a space.
  const uri = `data:image/png;base64,${LOGO_BASE64}`.replace(/\+/g, ' ');
  const response = await get(
    '/qr',
    `text=${encodeURIComponent('https://example.com/logo')}&size=300&centerImageUrl=${encodeURIComponent(uri).replace(/%20/g, '+')}`,
  );
  t.equal(response.statusCode, 200, response.body.slice(0, 200));
  t.same(pngSize(png(response)), [300, 300]);
  const read = await decodeQr(png(response));
  t.equal(read.bytes.toString('utf8'), 'https://example.com/logo');
  t.equal(read.ecLevel, 'H', 'QuickChart’s level with a centre image');
  const both = await get(
    '/qr',
    `text=${encodeURIComponent('https://example.com/logo-and-caption')}&size=300&centerImageSizeRatio=0.2&centerImageUrl=${encodeURIComponent(`data:image/png;base64,${LOGO_BASE64}`)}&caption=Logo%20and%20caption`,
  );
  t.equal(both.statusCode, 200, both.body.slice(0, 200));
  t.equal(await decodeQrText(png(both)), 'https://example.com/logo-and-caption');
});

t.test('QuickChart: a centre image too big to scan is refused in the words of its own parameters', async (t) => {
  const image = encodeURIComponent(`data:image/png;base64,${LOGO_BASE64}`);
  const refused = await get(
    '/qr',
    `text=${encodeURIComponent('https://example.com/a/longer/path')}&ecLevel=L&centerImageSizeRatio=0.4&centerImageUrl=${image}`,
  );
  t.equal(refused.statusCode, 422);
  const body = JSON.parse(refused.body) as { code: string; error: string };
  t.equal(body.code, 'unscannable');
  t.match(body.error, /at ecLevel L with centerImageSizeRatio 0\.4, where/);
  t.match(body.error, /try a smaller logo \(centerImageSizeRatio below 0\.4\), a higher ecLevel, or none/);
  t.notMatch(body.error, /logoSize|logoMargin|maxDamage|dotStyle/, 'nothing /qr does not take');
});

t.test('QuickChart: what its centre image and caption parameters take, and what they refuse', async (t) => {
  const image = encodeURIComponent(`data:image/png;base64,${LOGO_BASE64}`);
  const cases: [string, string, string, RegExp?][] = [
    ['centerImageUrl=ftp%3A%2F%2Fexample.com%2Fa.png', 'unsupported_option', 'centerImageUrl', /SSRF/],
    ['centerImageUrl=logo.png', 'invalid_value', 'centerImageUrl', /data: URI/],
    ['centerImageUrl=data%3Aimage%2Fgif%3Bbase64%2CR0lGODlhAQABAAAAACw%3D', 'invalid_value', 'centerImageUrl'],
    [`centerImageUrl=${image}&centerImageSizeRatio=0.5`, 'out_of_range', 'centerImageSizeRatio', /0\.05 to 0\.4/],
    ['centerImageSizeRatio=0.2', 'option_not_applicable', 'centerImageSizeRatio'],
    ['caption=Hi&captionFontFamily=Arial', 'invalid_value', 'captionFontFamily', /sans-serif or Inter/],
    ['caption=Hi&captionFontSize=7', 'out_of_range', 'captionFontSize'],
    ['caption=Hi&captionFontColor=red', 'invalid_color', 'captionFontColor'],
    ['caption=Hi&captionFontColor=eeeeee', 'low_contrast', 'captionFontColor'],
    ['caption=Hi&size=40', 'size_too_small', 'size'],
    ['captionFontSize=12', 'option_not_applicable', 'captionFontSize'],
    ['captionFontFamily=sans-serif', 'option_not_applicable', 'captionFontFamily'],
    [`caption=${encodeURIComponent('扫一扫')}`, 'unsupported_characters', 'caption', /U\+626B 扫/],
    [
      `caption=${encodeURIComponent('A caption far too long for the small image')}&size=100`,
      'caption_too_wide',
      'caption',
    ],
  ];
  for (const [query, code, field, error] of cases) {
    const response = await get('/qr', `text=x&${query}`);
    t.equal(response.statusCode, 400, query);
    t.match(errorOf(response), { code, field, ...(error && { error }) }, query);
  }
  for (const family of ['sans-serif', 'SANS-SERIF', 'Inter', '"inter"'])
    t.equal(
      (await get('/qr', `text=x&caption=Hi&captionFontFamily=${encodeURIComponent(family)}`)).statusCode,
      200,
      family,
    );
});

t.test(
  'QuickChart: a centre image on a short text, ratio left open, shrinks until it scans rather than refusing',
  async (t) => {
    const logo = readFileSync(new URL('../../../docs/gallery/logo.svg', import.meta.url)).toString('base64');
    const response = await get(
      '/qr',
      `text=${encodeURIComponent('https://example.com')}&size=300&centerImageUrl=${encodeURIComponent(`data:image/svg+xml;base64,${logo}`)}`,
    );
    t.equal(response.statusCode, 200, response.body.slice(0, 300));
    t.equal(await decodeQrText(png(response)), 'https://example.com');
    t.equal(response.headers['x-qr-verified'], 'zxing-wasm, jsqr');
  },
);
