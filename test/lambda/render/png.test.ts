import t, { type Test } from 'tap';
import { create } from 'qrcode';
import { parseHexColor } from '../../../lambda/generate/color.js';
import { BLACK, WHITE, type Rgba } from '../../../lambda/render/color.js';
import { layout } from '../../../lambda/render/layout.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { encodePng } from '../../../lambda/render/png.js';
import { decodePng, pixelAt, type DecodedPng } from '../../helpers/png-decode.js';
import { decodeQr, decodeQrText } from '../../helpers/qr-decode.js';
import { TUTORIAL_URL, UTF8_TEXT } from '../../helpers/fixtures.js';

const color = (hex: string): Rgba => parseHexColor(hex)!;

/** Every pixel is the color of the module it falls in, quiet zone light. */
function assertPixelsMatchMatrix(
  t: Test,
  image: DecodedPng,
  text: string,
  scale: number,
  margin: number,
  dark: Rgba,
  light: Rgba,
) {
  const reference = create(text, { errorCorrectionLevel: 'L' }).modules;
  const expectedPixels = (reference.size + 2 * margin) * scale;
  t.equal(image.width, expectedPixels, 'width');
  t.equal(image.height, expectedPixels, 'height');
  let mismatches = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const row = Math.floor(y / scale) - margin;
      const col = Math.floor(x / scale) - margin;
      const inside = row >= 0 && col >= 0 && row < reference.size && col < reference.size;
      const isDark = inside && reference.get(row, col) === 1;
      const want = isDark ? dark : light;
      const got = pixelAt(image, x, y);
      if (got[0] !== want.r || got[1] !== want.g || got[2] !== want.b || got[3] !== want.a) mismatches++;
    }
  }
  t.equal(mismatches, 0, 'every pixel matches its module');
}

t.test('black on white: 1-bit grayscale, no palette, exact geometry, decodes', async (t) => {
  const matrix = encodeSymbol(TUTORIAL_URL, 'L');
  const png = encodePng(matrix, layout(matrix.size, 4, undefined), BLACK, WHITE);
  const image = decodePng(png);
  t.equal(image.colorType, 0, 'grayscale');
  t.equal(image.bitDepth, 1);
  t.same(image.chunkTypes, ['IHDR', 'IDAT', 'IEND']);
  t.equal(image.width, (29 + 8) * 10, "the tutorial's geometry: version 3, 10 px a module, 4-module border");
  assertPixelsMatchMatrix(t, image, TUTORIAL_URL, 10, 4, BLACK, WHITE);
  t.equal(await decodeQrText(png), TUTORIAL_URL, 'a real decoder reads the PNG file');
  t.equal(await decodeQrText(image), TUTORIAL_URL, 'and the pixels');
});

t.test('white on black is still grayscale, with the bits the other way round', async (t) => {
  const matrix = encodeSymbol(TUTORIAL_URL, 'L');
  const image = decodePng(encodePng(matrix, layout(matrix.size, 2, 60), WHITE, BLACK));
  t.equal(image.colorType, 0);
  assertPixelsMatchMatrix(t, image, TUTORIAL_URL, 1, 2, WHITE, BLACK);
});

t.test('other colors use a two-entry palette; translucent ones add tRNS', async (t) => {
  const matrix = encodeSymbol(UTF8_TEXT, 'L');
  const dark = color('#1a2b3c');
  const light = color('#fafad2');
  const opaque = decodePng(encodePng(matrix, layout(matrix.size, 4, 300), dark, light));
  t.equal(opaque.colorType, 3, 'palette');
  t.same(opaque.chunkTypes, ['IHDR', 'PLTE', 'IDAT', 'IEND'], 'no tRNS when both colors are opaque');
  t.same(opaque.palette, [
    [0xfa, 0xfa, 0xd2, 255],
    [0x1a, 0x2b, 0x3c, 255],
  ]);
  const scale = Math.floor(300 / (matrix.size + 8));
  assertPixelsMatchMatrix(t, opaque, UTF8_TEXT, scale, 4, dark, light);
  t.same((await decodeQr(opaque)).bytes, Buffer.from(UTF8_TEXT, 'utf8'));

  const transparent = color('#ffffff00');
  const seeThrough = decodePng(encodePng(matrix, layout(matrix.size, 4, 300), BLACK, transparent));
  t.same(seeThrough.chunkTypes, ['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
  t.same(
    seeThrough.palette,
    [
      [255, 255, 255, 0],
      [0, 0, 0, 255],
    ],
    'light entry fully transparent',
  );
  assertPixelsMatchMatrix(t, seeThrough, UTF8_TEXT, scale, 4, BLACK, transparent);
});

t.test('margin 0 and odd widths that do not fill the last byte', async (t) => {
  const matrix = encodeSymbol('A', 'L');
  for (const scale of [1, 3, 7]) {
    const image = decodePng(encodePng(matrix, layout(matrix.size, 0, 21 * scale), BLACK, WHITE));
    assertPixelsMatchMatrix(t, image, 'A', scale, 0, BLACK, WHITE);
  }
});

t.test('pixel rows drawn for one image never show through in the next', async (t) => {
  // The row buffer is kept between calls. Each image is drawn in turn by this module, and
  // alone by a module instance of its own (a fresh row buffer): the bytes must agree.
  const big = encodeSymbol('x'.repeat(300), 'H');
  const small = encodeSymbol('A', 'L');
  const images: Record<string, Parameters<typeof encodePng>> = {
    big: [big, layout(big.size, 4, 200), BLACK, WHITE],
    small: [small, layout(small.size, 1, 23), WHITE, BLACK],
    // The same size the other way round: rows of the same length, other bytes.
    smallInverse: [small, layout(small.size, 1, 23), BLACK, WHITE],
    palette: [small, layout(small.size, 2, 50), color('#102030'), color('#ffeeddaa')],
    // 45 modules × 16 px = 720 px: 91 bytes a row (with its filter byte) × 720 rows =
    // 65,520 bytes, the largest here that fits the kept buffer (64 KiB) ...
    fillsTheBuffer: [small, layout(small.size, 12, 720), BLACK, WHITE],
    // ... and 17 px a module, 74,205 bytes, which gets its own.
    outgrowsTheBuffer: [small, layout(small.size, 12, 765), WHITE, BLACK],
  };
  t.equal(images.fillsTheBuffer![1].width, 720, '720 px across');
  t.equal(images.outgrowsTheBuffer![1].width, 765, '765 px across');
  const alone: Record<string, Buffer> = {};
  for (const [name, args] of Object.entries(images)) {
    // A query string makes another module instance, with a row buffer of its own.
    const fresh = (await import(`../../../lambda/render/png.js?alone=${name}`)) as { encodePng: typeof encodePng };
    alone[name] = fresh.encodePng(...args);
  }
  const order = [
    'fillsTheBuffer',
    'small',
    'smallInverse',
    'big',
    'palette',
    'small',
    'outgrowsTheBuffer',
    'small',
    'fillsTheBuffer',
    'big',
  ];
  for (const [index, name] of order.entries()) {
    t.ok(encodePng(...images[name]!).equals(alone[name]!), `${index + 1}. ${name}: the same bytes as alone`);
  }
  assertPixelsMatchMatrix(t, decodePng(encodePng(...images.small!)), 'A', 1, 1, WHITE, BLACK);
  assertPixelsMatchMatrix(t, decodePng(encodePng(...images.fillsTheBuffer!)), 'A', 16, 12, BLACK, WHITE);
  assertPixelsMatchMatrix(t, decodePng(encodePng(...images.outgrowsTheBuffer!)), 'A', 17, 12, WHITE, BLACK);
});
