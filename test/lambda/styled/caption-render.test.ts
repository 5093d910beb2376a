// Captions end to end through the handler: each combination read back by the tests' own
// decoder at the image's size and at half size, the band where the docs put it, the text
// centred in the caption's colour, the SVG self-contained (paths, no <text>, no font), and
// what cannot be drawn or does not fit refused with a 400 that says so.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { handler } from '../../../lambda/handler.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';

const TEXT = 'https://example.com/menu?table=12';
const LOGO = `data:image/png;base64,${readFileSync(new URL('../../fixtures/logos/red-square.png', import.meta.url)).toString('base64')}`;
const ASCENDER = 1984 / 2048;
const LINE = (1984 + 494) / 2048;

async function post(body: Record<string, unknown>) {
  const event = httpApiEvent({ method: 'POST', body: JSON.stringify(body) });
  const { result } = await captureStdout(() => handler(event, { awsRequestId: 'caption' }));
  return result;
}

interface Answer {
  qr_code: string;
  width: number;
  height: number;
  verified: { caption_size: number; sizes: number[] };
}

/** The SVG answer drawn by resvg at `width` pixels. */
const draw = (svg: string, width: number) =>
  new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render();

t.test('each combination reads at its size and at half size, in PNG and in SVG', async (t) => {
  const combinations: Record<string, unknown>[] = [
    { caption: 'Scan for the menu' },
    { caption: 'Café “Zürich” – 12,50 €', captionColor: '#1a237e', dotStyle: 'rounded', margin: 1 },
    { caption: 'Łódź · Ærøskøbing', logo: LOGO, gradient: 'radial', gradientColor: '#4a148c', size: 400 },
    { caption: 'Exactly 240 px', size: 240, fit: 'exact', margin: 0, captionSize: 14 },
    { caption: 'On a tinted ground', light: '#fff8e1', dark: '#3e2723', cornerSquareStyle: 'extra-rounded' },
  ];
  for (const options of combinations) {
    const what = JSON.stringify(options).replace(LOGO, 'LOGO');
    const png = await post({ url: TEXT, ...options });
    const svg = await post({ url: TEXT, ...options, format: 'svg' });
    t.equal(png.statusCode, 200, png.statusCode === 200 ? what : `${what}: ${png.body.slice(0, 200)}`);
    t.equal(svg.statusCode, 200, `${what} as SVG`);
    const [pngBody, svgBody] = [JSON.parse(png.body) as Answer, JSON.parse(svg.body) as Answer];
    t.same([svgBody.width, svgBody.height], [pngBody.width, pngBody.height], `${what}: the same size`);
    t.same(pngBody.verified.sizes, [pngBody.width, Math.round(pngBody.width / 2)], `${what}: verified at both sizes`);
    const markup = Buffer.from(svgBody.qr_code, 'base64').toString('utf8');
    const images = [
      Buffer.from(pngBody.qr_code, 'base64'),
      draw(markup, svgBody.width).asPng(),
      draw(markup, Math.round(svgBody.width / 2)).asPng(),
    ];
    for (const [k, image] of images.entries()) {
      const read = await decodeQr(image).catch((error: Error) => error);
      t.equal(read instanceof Error ? read.message : read.bytes.toString('utf8'), TEXT, `${what}: image ${k} reads`);
    }
  }
});

t.test('the band under the code: its height, the text centred in it, in its colour', async (t) => {
  // Version 3 at L with the default margin: 37 modules, 10 px each.
  const answer = JSON.parse((await post({ url: TEXT, caption: 'HIH', captionColor: '#c62828', format: 'svg' })).body);
  const { width, height, verified } = answer as Answer;
  t.equal(width, 370);
  const size = verified.caption_size;
  t.equal(size, Math.round(370 / 16), 'the default size: a sixteenth of the width');
  t.equal(height, 370 + Math.ceil(size * LINE) + 40, 'the image grows by the line and a quiet zone below it');
  const svg = Buffer.from(answer.qr_code, 'base64').toString('utf8');
  t.notMatch(svg, /<text|font|<style/, 'no text element, no font: the letters are paths');
  t.match(svg, /<path fill="#c62828" d="M[^"]+"\/><\/svg>$/, 'the caption, last, in its colour');
  t.match(svg, `width="370" height="${height}"`);
  const { pixels } = draw(svg, width);
  const red: [number, number][] = [];
  const dark: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3);
      if (r! > 150 && g! < 100 && b! < 100) red.push([x, y]);
      else if (r! < 100 && g! < 100 && b! < 100) dark.push(y);
    }
  }
  t.ok(red.length > 100, `${red.length} pixels of the caption`);
  t.equal(Math.max(...dark), 370 - 40 - 1, 'the code ends where its quiet zone begins');
  const xs = red.map(([x]) => x);
  const ys = red.map(([, y]) => y);
  const baseline = 370 + size * ASCENDER;
  t.ok(Math.min(...ys) >= 370, 'the caption is below the quiet zone, never in it');
  t.ok(Math.abs(Math.max(...ys) + 1 - baseline) <= 1, 'H stands on the baseline');
  t.ok(Math.abs(Math.min(...ys) - (baseline - size * (1490 / 2048))) <= 1, 'and rises its cap height');
  // HIH is symmetric, its side bearings equal: its ink is centred as its advance is.
  t.ok(Math.abs((Math.min(...xs) + Math.max(...xs) + 1) / 2 - width / 2) <= 1, 'centred');
});

t.test('too wide: set smaller down to 8 px, then refused; a size asked is the largest drawn', async (t) => {
  const long = 'Scan to read the whole menu, with prices';
  const shrunk = JSON.parse((await post({ url: TEXT, caption: long, captionSize: 40 })).body) as Answer;
  t.ok(shrunk.verified.caption_size < 20 && shrunk.verified.caption_size >= 8, `${shrunk.verified.caption_size} px`);
  const refused = await post({ url: TEXT, caption: long, size: 120 });
  t.equal(refused.statusCode, 400);
  const body = JSON.parse(refused.body);
  t.match(body, { code: 'caption_too_wide', field: 'caption', minSize: 8, available: Number, width: Number });
  t.ok(body.width > body.available);
  t.match(body.error, /shorten it, or ask for a larger image/);
});

t.test('text the font lacks: a 400 naming each character', async (t) => {
  const refused = await post({ url: TEXT, caption: 'Menü – メニュー' });
  t.equal(refused.statusCode, 400);
  const body = JSON.parse(refused.body);
  t.match(body, {
    code: 'unsupported_characters',
    field: 'caption',
    characters: ['U+30E1', 'U+30CB', 'U+30E5', 'U+30FC'],
  });
  t.match(body.error, /U\+30E1 メ, U\+30CB ニ, U\+30E5 ュ, U\+30FC ー/);
});

t.test('on GET too, the same bytes as POST; a caption alone makes a code styled', async (t) => {
  const query = `url=${encodeURIComponent(TEXT)}&caption=${encodeURIComponent('Scan me')}&size=200`;
  const { result } = await captureStdout(() => handler(httpApiEvent({ method: 'GET', query }), {}));
  t.equal(result.statusCode, 200);
  t.equal(result.headers['x-qr-verified'], 'zxing-wasm, jsqr');
  t.equal(result.body, JSON.parse((await post({ url: TEXT, caption: 'Scan me', size: 200 })).body).qr_code);
  const txt = await post({ url: TEXT, caption: 'Scan me', format: 'txt' });
  t.match(JSON.parse(txt.body), { code: 'option_not_applicable', field: 'caption' });
});
