// Styled codes end to end through the handler: every image decoded back by a decoder of
// the tests (zxing-wasm, as the function's own check uses it too, and ZBar in
// test/interop), the verification reported, the level raised or the logo shrunk only where
// the caller left it open, and a code that cannot scan refused with what to change.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { handler } from '../../../lambda/handler.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodeQr, decodeQrText } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';
import { Resvg } from '@resvg/resvg-js';

const logoFile = (name: string) => readFileSync(new URL(`../../fixtures/logos/${name}`, import.meta.url));
const dataUri = (name: string, mime: string) => `data:${mime};base64,${logoFile(name).toString('base64')}`;
const PNG_LOGO = dataUri('red-square.png', 'image/png');
const URL_TEXT = 'https://example.com/some/longer/path?with=query';

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const event = httpApiEvent({ method: 'POST', body: JSON.stringify(body), headers });
  const { result } = await captureStdout(() => handler(event, { awsRequestId: 'styled' }));
  return result;
}

t.test('a styled PNG reads back, says which decoders read it, and is cacheable like a plain one', async (t) => {
  const result = await post({ url: URL_TEXT, dotStyle: 'dots', size: 300 });
  t.equal(result.statusCode, 200);
  const body = JSON.parse(result.body);
  const decoded = await decodeQr(Buffer.from(body.qr_code, 'base64'));
  t.equal(decoded.bytes.toString('utf8'), URL_TEXT);
  t.same(body.verified.decoders, ['zxing-wasm', 'jsqr']);
  t.same(body.verified.sizes, [body.width, Math.round(body.width / 2)], 'at its size and at half size');
  t.equal(body.verified.ec_level, decoded.ecLevel, 'the level it reports is the one the code has');
  t.equal(result.headers['x-qr-verified'], 'zxing-wasm, jsqr');
  const get = async () =>
    (
      await captureStdout(() =>
        handler(
          httpApiEvent({ method: 'GET', query: `url=${encodeURIComponent(URL_TEXT)}&dotStyle=dots&size=300` }),
          {},
        ),
      )
    ).result;
  const [first, second] = [await get(), await get()];
  t.equal(first.statusCode, 200);
  t.equal(first.body, second.body, 'same query, same bytes');
  t.equal(first.body, body.qr_code, 'GET and POST draw the same image');
  t.match(first.headers['cache-control'], /^public/);
  t.equal(first.headers.etag, second.headers.etag);
  t.equal(first.headers['x-qr-verified'], 'zxing-wasm, jsqr');
});

t.test('a logo with the level left open: raised until the code reads, the logo as asked', async (t) => {
  const result = await post({ url: URL_TEXT, logo: PNG_LOGO, size: 300 });
  t.equal(result.statusCode, 200, result.body.slice(0, 300));
  const body = JSON.parse(result.body);
  const decoded = await decodeQr(Buffer.from(body.qr_code, 'base64'));
  t.equal(decoded.bytes.toString('utf8'), URL_TEXT);
  t.not(body.verified.ec_level, 'L', 'raised from L');
  t.equal(decoded.ecLevel, body.verified.ec_level, 'the level the decoder reads');
  t.equal(body.verified.logo_size, 0.2);
  t.ok(body.verified.worst_block_share <= 0.5, 'within half of every block’s correction');
});

t.test(
  'an oversized logo at an explicit ecLevel L is refused, never raised; open, it is adjusted or refused',
  async (t) => {
    const refused = await post({ url: URL_TEXT, logo: PNG_LOGO, logoSize: 0.3, ecLevel: 'L' });
    t.equal(refused.statusCode, 422);
    const body = JSON.parse(refused.body);
    t.match(body, { code: 'unscannable', ecLevel: 'L', block: Number, correctable: Number, budget: Number });
    t.ok(body.wrongCodewords > body.budget, 'over its budget');
    t.match(body.error, /block \d+ has \d+ wrong codewords, over its budget/);
    t.match(body.error, /a higher ecLevel, or none/);
    t.notMatch(body.error, /dotStyle/, 'no plainer style suggested for square modules and corners');
    t.equal(refused.headers['cache-control'], 'private, no-store');
    // Level and size open: raised, then shrunk; what comes back reads, at the size it says.
    const open = await post({ url: URL_TEXT, logo: PNG_LOGO });
    t.equal(open.statusCode, 200);
    const adjusted = JSON.parse(open.body);
    t.equal(await decodeQrText(Buffer.from(adjusted.qr_code, 'base64')), URL_TEXT);
    t.ok(adjusted.verified.logo_size <= 0.2);
  },
);

t.test('SVG: the same drawing, the logo embedded; it reads once rasterised', async (t) => {
  for (const [name, mime] of [
    ['circle.svg', 'image/svg+xml'],
    ['yellow-badge.jpg', 'image/jpeg'],
  ] as const) {
    const result = await post({ url: URL_TEXT, logo: dataUri(name, mime), format: 'svg', dotStyle: 'rounded' });
    t.equal(result.statusCode, 200, `${name}: ${result.body.slice(0, 200)}`);
    const svg = Buffer.from(JSON.parse(result.body).qr_code, 'base64').toString('utf8');
    t.match(svg, `href="data:${mime};base64,${logoFile(name).toString('base64')}"`, `${name}: embedded as given`);
    const [, x, y, size] = /<image x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/.exec(svg)!.map(Number);
    const across = Number(/viewBox="[^ ]+ [^ ]+ ([\d.]+)/.exec(svg)![1]);
    t.equal(x, y, 'on the diagonal');
    t.ok(Math.abs(x! + size! / 2 - across / 2) < 1e-3, `${name}: centred`);
    t.notMatch(svg, /example\.com/, 'the encoded text is not in the markup');
    // resvg here, as in the function; librsvg in test/interop, a renderer the function does not use.
    t.equal(await decodeQrText(new Resvg(svg).render().asPng()), URL_TEXT, `${name}: reads`);
  }
});

t.test('bad style options: 400s naming the field; a URL as a logo is never fetched', async (t) => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ dotStyle: 'stars' }, 'invalid_value', 'dotStyle'],
    [{ cornerSquareStyle: 'round' }, 'invalid_value', 'cornerSquareStyle'],
    [{ cornerDotStyle: 'extra-rounded' }, 'invalid_value', 'cornerDotStyle'],
    [{ gradient: 'conic', gradientColor: '#123' }, 'invalid_value', 'gradient'],
    [{ gradient: 'linear' }, 'missing_field', 'gradientColor'],
    [{ gradientColor: '#123456' }, 'option_not_applicable', 'gradientColor'],
    [{ gradient: 'linear', gradientColor: '#eeeeee' }, 'low_contrast', 'gradientColor'],
    [{ cornerDotColor: '#dddddd' }, 'low_contrast', 'cornerDotColor'],
    [{ logo: 'https://example.com/logo.png' }, 'invalid_value', 'logo'],
    [{ logo: 'data:image/png;base64,R0lGODlhAQABAAAAACw=' }, 'invalid_value', 'logo'],
    [{ logo: 'not base64!' }, 'invalid_value', 'logo'],
    [{ logoSize: 0.2 }, 'option_not_applicable', 'logoSize'],
    [{ logo: PNG_LOGO, logoSize: 0.6 }, 'out_of_range', 'logoSize'],
    [{ maxDamage: 0.9 }, 'out_of_range', 'maxDamage'],
    [{ dotStyle: 'dots', format: 'txt' }, 'option_not_applicable', 'dotStyle'],
  ];
  for (const [fields, code, field] of cases) {
    const result = await post({ url: 'x', ...fields });
    t.equal(result.statusCode, 400, JSON.stringify(fields).slice(0, 80));
    t.match(JSON.parse(result.body), { code, field });
  }
  t.match(JSON.parse((await post({ url: 'x', logo: 'https://example.com/a.png' })).body).error, /SSRF/);
});

t.test('a logo as bare base64, wrapped at 76 characters as base64 tools write it, is the same logo', async (t) => {
  const wrapped = logoFile('red-square.png').toString('base64').replace(/.{76}/g, '$&\n');
  t.ok(wrapped.includes('\n'), 'wrapped');
  const [bare, uri] = [await post({ url: URL_TEXT, logo: wrapped }), await post({ url: URL_TEXT, logo: PNG_LOGO })];
  t.equal(bare.statusCode, 200, bare.body.slice(0, 200));
  t.equal(JSON.parse(bare.body).qr_code, JSON.parse(uri.body).qr_code, 'the same image as from the data: URI');
});

t.test(
  'a size that holds the code at the level asked, but not at a raised one: refused with a 4xx, never a 500',
  async (t) => {
    // Version 3 at L (29 modules, 37 with the quiet zone) fits 37 px; the logo needs a higher level, and more modules.
    const text = 'https://example.com/a/path/for/version/3';
    const fits = await post({ url: text, size: 37 });
    t.equal(fits.statusCode, 200, 'the plain code fits');
    const styled = await post({ url: text, size: 37, logo: PNG_LOGO });
    t.equal(styled.statusCode, 422, styled.body.slice(0, 300));
    t.match(JSON.parse(styled.body), { code: 'unscannable' });
  },
);

t.test(
  'at the level asked, data that does not fit is a 413 and a size too small a 400, as for a plain code',
  async (t) => {
    const tooMuch = await post({ url: 'x'.repeat(3000), dotStyle: 'dots' });
    t.equal(tooMuch.statusCode, 413);
    t.match(JSON.parse(tooMuch.body), { code: 'data_too_large', ecLevel: 'L' });
    const tooSmall = await post({ url: URL_TEXT, dotStyle: 'dots', size: 30 });
    t.equal(tooSmall.statusCode, 400);
    t.match(JSON.parse(tooSmall.body), { code: 'size_too_small', field: 'size' });
  },
);

t.test('on a transparent background a styled code is read as printed on white, and stays transparent', async (t) => {
  const result = await post({ url: URL_TEXT, dotStyle: 'rounded', light: '#ffffff00', size: 300 });
  t.equal(result.statusCode, 200, result.body.slice(0, 300));
  const { qr_code: base64, width, height } = JSON.parse(result.body);
  const png = Buffer.from(base64, 'base64');
  t.equal(png[25], 6, 'an RGBA PNG');
  const drawn = (background: string) =>
    new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${background}<image width="${width}" height="${height}" href="data:image/png;base64,${base64}"/></svg>`,
    ).render();
  t.equal(drawn('').pixels[3], 0, 'its corner is transparent');
  const onWhite = drawn(`<rect width="${width}" height="${height}" fill="#fff"/>`).asPng();
  t.equal(await decodeQrText(onWhite), URL_TEXT, 'printed on white, it reads');
});
