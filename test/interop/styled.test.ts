// Every dot, corner square and corner dot style, with and without a logo (PNG, JPEG, SVG)
// and a gradient, as PNG and as SVG: every image the function delivers is read back to the
// exact text by ZBar, a decoder the function does not use, at the image's size and at half
// size. SVG answers are rasterised by librsvg (rsvg-convert), a renderer the function does
// not use either. Both come from Debian (zbar-tools, librsvg2-bin), installed by `make
// system-deps`. Captions too, a few combinations of them, the dialect's among them.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler } from '../../lambda/handler.js';
import { CORNER_DOT_STYLES, CORNER_SQUARE_STYLES, DOT_STYLES } from '../../lambda/styled/options.js';
import { captureStdout } from '../helpers/stdout.js';

const TEXT = 'https://example.com/café?campaign=styled&n=1';
const logo = (name: string, mime: string) =>
  `data:${mime};base64,${readFileSync(new URL(`../fixtures/logos/${name}`, import.meta.url)).toString('base64')}`;
const LOGOS = [
  undefined,
  logo('red-square.png', 'image/png'),
  logo('yellow-badge.jpg', 'image/jpeg'),
  logo('circle.svg', 'image/svg+xml'),
];
const GRADIENTS = [
  {},
  { gradient: 'linear', gradientColor: '#1a237e', gradientRotation: 45 },
  { gradient: 'radial', gradientColor: '#4a148c' },
];

/** What ZBar reads from each file, its raw bytes as UTF-8 (-Sbinary: no guessing of the charset), or undefined. */
function zbar(files: readonly string[]): (string | undefined)[] {
  return files.map((file) => {
    const run = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', '-Sbinary', file]);
    return run.status === 0 ? run.stdout.toString('utf8') : undefined;
  });
}

t.test('every style combination reads with ZBar, in PNG and SVG, at its size and at half size', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'styled-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const files: { file: string; what: string }[] = [];
  const refused: string[] = [];
  const delivered = new Set<string>();
  let i = 0;
  for (const dotStyle of DOT_STYLES) {
    for (const cornerSquareStyle of CORNER_SQUARE_STYLES) {
      for (const cornerDotStyle of CORNER_DOT_STYLES) {
        const options = {
          url: TEXT,
          size: 300,
          dotStyle,
          cornerSquareStyle,
          cornerDotStyle,
          ...(LOGOS[i % LOGOS.length] && { logo: LOGOS[i % LOGOS.length] }),
          ...GRADIENTS[i % GRADIENTS.length],
        };
        const what = `${dotStyle}/${cornerSquareStyle}/${cornerDotStyle}, logo ${i % LOGOS.length}, gradient ${i % GRADIENTS.length}`;
        i++;
        for (const format of ['png', 'svg'] as const) {
          const event = { body: JSON.stringify({ ...options, format }) };
          const { result } = await captureStdout(() => handler(event, { awsRequestId: 'zbar' }));
          if (result.statusCode !== 200) {
            // Never an image that may not read: a 422 that says what did not read it, or nothing.
            const body = JSON.parse(result.body) as { code: string; unreadBy?: string; error: string };
            t.equal(`${result.statusCode} ${body.code}`, '422 unscannable', `${what} ${format}`);
            refused.push(`${what} ${format}: ${body.unreadBy ?? body.error}`);
            continue;
          }
          for (const style of [dotStyle, cornerSquareStyle, cornerDotStyle]) delivered.add(style);
          const { qr_code, width } = JSON.parse(result.body) as { qr_code: string; width: number };
          const image = Buffer.from(qr_code, 'base64');
          const base = join(dir, `${i}-${format}`);
          if (format === 'png') {
            writeFileSync(`${base}.png`, image);
            files.push({ file: `${base}.png`, what: `${what}, PNG` });
          } else {
            writeFileSync(`${base}.svg`, image);
            for (const [label, pixels] of [
              ['SVG', width],
              ['SVG at half size', Math.round(width / 2)],
            ] as const) {
              const png = `${base}-${pixels}.png`;
              const converted = spawnSync('rsvg-convert', ['-w', String(pixels), '-o', png, `${base}.svg`]);
              t.equal(converted.status, 0, `rsvg-convert ${what}`);
              files.push({ file: png, what: `${what}, ${label}` });
            }
          }
        }
      }
    }
  }
  const read = zbar(files.map(({ file }) => file));
  const unread = files.flatMap(({ what }, k) => (read[k] === TEXT ? [] : [`${what}: ${read[k] ?? 'nothing'}`]));
  t.same(unread, [], `${files.length} images, every one read as the exact text`);
  // Refused where the function's own second decoder, jsQR, could not read it: a few, and every style drawn.
  t.comment(`refused as unscannable: ${refused.length}\n${refused.join('\n')}`);
  t.ok(refused.length <= files.length / 10, 'most combinations are delivered');
  t.same(
    [...delivered].sort(),
    [...new Set([...DOT_STYLES, ...CORNER_SQUARE_STYLES, ...CORNER_DOT_STYLES])].sort(),
    'every style is delivered in some combination',
  );
});

t.test('captions read with ZBar too, in PNG and SVG, at their size and at half size', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'caption-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const requests: [string, Record<string, unknown> | string][] = [
    ['a caption alone', { url: TEXT, caption: 'Scan me' }],
    [
      'rounded, a logo, a coloured caption',
      { url: TEXT, dotStyle: 'rounded', logo: LOGOS[1], caption: 'Café “Zürich” – 12,50 €', captionColor: '#1a237e' },
    ],
    [
      'an exact size, a narrow margin, a gradient',
      { url: TEXT, size: 240, fit: 'exact', margin: 1, caption: 'Łódź', ...GRADIENTS[1] },
    ],
    ['QuickChart with a caption', `/qr?text=${encodeURIComponent(TEXT)}&size=300&caption=Scan%20me&captionFontSize=14`],
  ];
  const files: { file: string; what: string }[] = [];
  for (const [what, request] of requests) {
    for (const format of ['png', 'svg'] as const) {
      const event =
        typeof request === 'string'
          ? {
              version: '2.0',
              rawPath: '/qr',
              rawQueryString: `${request.slice(4)}&format=${format}`,
              headers: {},
              requestContext: { http: { method: 'GET', path: '/qr' }, stage: '$default' },
            }
          : { body: JSON.stringify({ ...request, format }) };
      const { result } = await captureStdout(() => handler(event, { awsRequestId: 'zbar-caption' }));
      t.equal(result.statusCode, 200, `${what} ${format}`);
      const image =
        typeof request === 'string'
          ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
          : Buffer.from((JSON.parse(result.body) as { qr_code: string }).qr_code, 'base64');
      const base = join(dir, `${files.length}`);
      // A PNG at half size: wrapped in an SVG for librsvg to scale, as a browser would.
      const svg =
        format === 'svg'
          ? image.toString('utf8')
          : `<svg xmlns="http://www.w3.org/2000/svg" width="${image.readUInt32BE(16)}" height="${image.readUInt32BE(20)}"><image width="100%" height="100%" href="data:image/png;base64,${image.toString('base64')}"/></svg>`;
      writeFileSync(`${base}.svg`, svg);
      const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
      if (format === 'png') {
        writeFileSync(`${base}.png`, image);
        files.push({ file: `${base}.png`, what: `${what}, PNG` });
      } else {
        const png = `${base}-full.png`;
        t.equal(spawnSync('rsvg-convert', ['-w', String(width), '-o', png, `${base}.svg`]).status, 0);
        files.push({ file: png, what: `${what}, SVG` });
      }
      const half = `${base}-half.png`;
      t.equal(spawnSync('rsvg-convert', ['-w', String(Math.round(width / 2)), '-o', half, `${base}.svg`]).status, 0);
      files.push({ file: half, what: `${what}, ${format.toUpperCase()} at half size` });
    }
  }
  const read = zbar(files.map(({ file }) => file));
  const unread = files.flatMap(({ what }, k) => (read[k] === TEXT ? [] : [`${what}: ${read[k] ?? 'nothing'}`]));
  t.same(unread, [], `${files.length} images, every one read as the exact text`);
});
