// Which codewords of which block a set of wrong modules spoils, held against a decoder: a
// block's correctable number of spoilt codewords still reads, one more does not. If the
// map from modules to blocks were off, the codewords said to be one block's would be
// spread over several, and the one-too-many would still read.
import t from 'tap';
import { correctableCodewords, damageOf } from '../../../lambda/qr/damage.js';
import { blockStructure } from '../../../lambda/qr/capacity.js';
import { encodeSymbol, type QrSymbol } from '../../../lambda/qr/symbol.js';
import { symbolTemplate } from '../../../lambda/qr/template.js';
import type { RgbaImage } from '../../helpers/png-decode.js';
import { decodeQrText } from '../../helpers/qr-decode.js';

/** The symbol as pixels, 4 a module, a 4-module quiet zone, with `flipped` modules inverted. */
function image(symbol: QrSymbol, flipped: ReadonlySet<number>): RgbaImage {
  const scale = 4;
  const across = (symbol.size + 8) * scale;
  const rgba = new Uint8ClampedArray(across * across * 4).fill(255);
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; col++) {
      const dark = (symbol.modules[row * symbol.size + col] === 1) !== flipped.has(row * symbol.size + col);
      if (!dark) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const at = (((row + 4) * scale + y) * across + (col + 4) * scale + x) * 4;
          rgba.fill(0, at, at + 3);
        }
      }
    }
  }
  return { width: across, height: across, rgba };
}

/** The modules of each codeword position, from the placement: bit k of the sequence is placement[k]. */
function modulesOfCodeword(version: number, codeword: number): number[] {
  const { placement } = symbolTemplate(version);
  return Array.from(placement.subarray(codeword * 8, codeword * 8 + 8));
}

t.test('misdecode protection: the smallest versions correct fewer than half their EC codewords', async (t) => {
  t.equal(correctableCodewords(1, 'L'), 2, '1-L: 7 EC codewords, 3 guard against misreading');
  t.equal(correctableCodewords(1, 'M'), 4);
  t.equal(correctableCodewords(1, 'H'), 8);
  t.equal(correctableCodewords(2, 'L'), 4);
  t.equal(correctableCodewords(3, 'L'), 7);
  t.equal(correctableCodewords(3, 'M'), 13, 'from here on, half');
  t.equal(correctableCodewords(40, 'H'), 15);
});

t.test('a block reads with its correctable number of spoilt codewords, not with one more', async (t) => {
  for (const [text, level] of [
    ['HELLO WORLD 1234567890 QR CODE DAMAGE TEST', 'Q'],
    ['https://example.com/a/path/that/makes/a/version/five/or/more?x=1', 'H'],
  ] as const) {
    const symbol = encodeSymbol(text, level);
    const { blocks, totalCodewords } = blockStructure(symbol.version, level);
    t.ok(blocks > 1, `${symbol.version}-${level}: several blocks`);
    const capacity = correctableCodewords(symbol.version, level);
    // The codeword positions damageOf puts in the last block.
    const last = blocks - 1;
    const ofLast: number[] = [];
    let eachOne = true;
    for (let codeword = 0; codeword < totalCodewords; codeword++) {
      const damage = damageOf(symbol.version, level, modulesOfCodeword(symbol.version, codeword));
      eachOne &&= damage.blocks.filter((b) => b.wrong > 0).length === 1;
      if (damage.blocks[last]!.wrong === 1) ofLast.push(codeword);
    }
    t.ok(eachOne, 'each codeword spoils one block');
    const flip = (count: number) =>
      new Set(ofLast.slice(0, count).flatMap((c) => modulesOfCodeword(symbol.version, c)));
    const within = damageOf(symbol.version, level, flip(capacity));
    t.same(within.worst, { block: last, wrong: capacity, capacity });
    t.equal(within.worstShare, 1);
    t.equal(await decodeQrText(image(symbol, flip(capacity))), text, `${capacity} spoilt codewords in one block: read`);
    await t.rejects(decodeQrText(image(symbol, flip(capacity + 1))), `${capacity + 1}: not read`);
  }
});

t.test('function modules are counted apart: any one of them wrong is fatal', async (t) => {
  const symbol = encodeSymbol('x', 'M');
  const damage = damageOf(symbol.version, 'M', [0, 1, 2, 8 * symbol.size + 8]);
  t.equal(damage.functionModules, 4, 'finder and format modules');
  t.equal(damage.worstShare, 0, 'no codeword spoilt');
});
