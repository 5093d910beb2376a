import t from 'tap';
import { create } from 'qrcode';
import { parseHexColor } from '../../../lambda/generate/color.js';
import { BLACK, WHITE } from '../../../lambda/render/color.js';
import { layout } from '../../../lambda/render/layout.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { encodeSvg } from '../../../lambda/render/svg.js';
import { parseSvg, rasterizeSvg } from '../../helpers/svg-raster.js';
import { decodeQr, decodeQrText } from '../../helpers/qr-decode.js';
import { TUTORIAL_URL, UTF8_TEXT } from '../../helpers/fixtures.js';

t.test('the dark path covers exactly the dark modules, offset by the margin', async (t) => {
  const matrix = encodeSymbol(TUTORIAL_URL, 'L');
  const svg = parseSvg(encodeSvg(matrix, layout(matrix.size, 4, undefined), BLACK, WHITE));
  t.equal(svg.units, 37, 'viewBox in modules, quiet zone included');
  t.equal(svg.width, 370, 'width in pixels, 10 a module');
  t.equal(svg.height, 370);
  t.equal(svg.paths.length, 2, 'background and modules');
  t.match(svg.paths[0], { fill: '#ffffff', opacity: 1, rects: [{ x: 0, y: 0, w: 37, h: 37 }] });
  t.equal(svg.paths[1]!.fill, '#000000');

  const reference = create(TUTORIAL_URL, { errorCorrectionLevel: 'L' }).modules;
  const grid = rasterizeSvg(svg, 1);
  let mismatches = 0;
  for (let y = 0; y < 37; y++) {
    for (let x = 0; x < 37; x++) {
      const r = y - 4;
      const c = x - 4;
      const dark = r >= 0 && c >= 0 && r < 29 && c < 29 && reference.get(r, c) === 1;
      if ((grid.rgba[(y * 37 + x) * 4] === 0) !== dark) mismatches++;
    }
  }
  t.equal(mismatches, 0, 'module by module equal to the matrix');
  t.ok(
    svg.paths[1]!.rects.every((rect) => rect.h === 1),
    'one rectangle per horizontal run',
  );
  t.equal(await decodeQrText(rasterizeSvg(svg, 4)), TUTORIAL_URL, 'a decoder reads the rasterized SVG');
});

t.test('UTF-8 text round-trips through the SVG', async (t) => {
  const matrix = encodeSymbol(UTF8_TEXT, 'Q');
  const svg = parseSvg(encodeSvg(matrix, layout(matrix.size, 2, 500), BLACK, WHITE));
  const decoded = await decodeQr(rasterizeSvg(svg, 3));
  t.same(decoded.bytes, Buffer.from(UTF8_TEXT, 'utf8'));
  t.equal(decoded.ecLevel, 'Q');
});

t.test('colors: hex fill, alpha as fill-opacity, a transparent background is left out', async (t) => {
  const matrix = encodeSymbol('hello', 'L');
  const geometry = layout(matrix.size, 4, undefined);
  const translucent = parseSvg(encodeSvg(matrix, geometry, parseHexColor('#11223380')!, parseHexColor('#abc')!));
  t.match(translucent.paths, [
    { fill: '#aabbcc', opacity: 1 },
    { fill: '#112233', opacity: 0.502 },
  ]);
  const noBackground = parseSvg(encodeSvg(matrix, geometry, BLACK, parseHexColor('#fff0')!));
  t.equal(noBackground.paths.length, 1, 'only the modules');
  t.equal(noBackground.paths[0]!.fill, '#000000');
});

t.test('the encoded text never appears in the markup', async (t) => {
  const text = '<script>alert(1)</script>"&';
  const matrix = encodeSymbol(text, 'L');
  const svg = encodeSvg(matrix, layout(matrix.size, 4, undefined), BLACK, WHITE);
  t.notMatch(svg, /script|alert|&/);
  t.doesNotThrow(() => parseSvg(svg), 'nothing but the expected elements');
});
