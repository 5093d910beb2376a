import t from 'tap';
import { isDark, packedModule, transposeLines, wordsPerLine } from '../../../lambda/qr/bit-lines.js';

t.test('transposeLines gives the column lines of random row lines, at every symbol size', async (t) => {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let size = 21; size <= 177; size += 4) {
    const words = wordsPerLine(size);
    const rows = new Int32Array(size * words);
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++) if (next() >>> 31) rows[row * words + (col >>> 5)]! |= 1 << (col & 31);
    // Stale words in the output are overwritten, not added to.
    const columns = new Int32Array(size * words).fill(-1);
    transposeLines(rows, columns, size, words);
    let wrong = 0;
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++)
        if (isDark(columns, words, col, row) !== isDark(rows, words, row, col)) wrong++;
    t.equal(wrong, 0, `size ${size}: every module in its column`);
    const padding = ~(-1 >>> (32 - (size & 31))); // bits past the last module of a line's last word
    t.ok(
      Array.from({ length: size }, (_, col) => columns[col * words + words - 1]! & padding).every((bits) => bits === 0),
      `size ${size}: nothing past the edge`,
    );
  }
});

t.test('packedModule: the word and bit of a module in the row lines, low, and in the column lines, high', async (t) => {
  for (const [size, row, col] of [
    [21, 0, 0],
    [21, 20, 13],
    [177, 176, 176],
    [65, 33, 64],
  ] as const) {
    const words = wordsPerLine(size);
    const packed = packedModule(words, row, col) >>> 0;
    t.same(
      [(packed & 0xffff) >>> 5, packed & 31, packed >>> 21, (packed >>> 16) & 31],
      [row * words + (col >>> 5), col & 31, col * words + (row >>> 5), row & 31],
      `size ${size}, (${row}, ${col})`,
    );
  }
});
