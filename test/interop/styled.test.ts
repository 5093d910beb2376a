// Every dot, corner square and corner dot style, with and without a logo (PNG, JPEG, SVG)
// and a gradient, as PNG and as SVG: every image the function delivers is read back to the
// exact text by ZBar, a decoder the function does not use, at the image's size and at half
// size. SVG answers are rasterised by librsvg (rsvg-convert), a renderer the function does
// not use either. Both come from Debian (zbar-tools, librsvg2-bin), installed by `make
// system-deps`.
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
  const unread = files.filter((_, k) => read[k] !== TEXT).map(({ what }, k) => `${what}: ${read[k] ?? 'nothing'}`);
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
