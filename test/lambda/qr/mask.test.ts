import t from 'tap';
import { create } from 'qrcode/lib/core/qrcode.js';
import { penalty } from '../../../lambda/qr/mask.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { referencePenalty } from '../../helpers/penalty-reference.js';

/** A small seeded generator in [0, 1), so a failure names a matrix that can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

type Matrix = boolean[][];

/** Row lines and column lines as the QR core keeps them: module i of a line in bit i & 31 of word i >>> 5. */
function lines(matrix: Matrix): { rows: Int32Array; columns: Int32Array; words: number } {
  const size = matrix.length;
  const words = Math.ceil(size / 32);
  const rows = new Int32Array(size * words);
  const columns = new Int32Array(size * words);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!matrix[row]![col]) continue;
      rows[row * words + Math.floor(col / 32)]! |= 1 << (col % 32);
      columns[col * words + Math.floor(row / 32)]! |= 1 << (row % 32);
    }
  }
  return { rows, columns, words };
}

const total = (matrix: Matrix): number => {
  const { n1, n2, n3, n4 } = referencePenalty(matrix.length, (row, col) => matrix[row]![col]!);
  return n1 + n2 + n3 + n4;
};

/** Matrices of every kind the rules meet: noise of several densities, long runs, finder-like patterns. */
function matrices(seed: number, size: number): [string, Matrix][] {
  const next = random(seed);
  const of = (module: (row: number, col: number) => boolean): Matrix =>
    Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => module(row, col)));
  const runs = (): Matrix =>
    Array.from({ length: size }, () => {
      const line: boolean[] = [];
      while (line.length < size) line.push(...Array<boolean>(1 + Math.floor(next() * 9)).fill(next() < 0.5));
      return line.slice(0, size);
    });
  // The finder-like pattern, either way round, at random places in rows and columns, over noise.
  const finders = (): Matrix => {
    const matrix = of(() => next() < 0.3);
    for (let k = 0; k < size; k++) {
      const pattern = [...(next() < 0.5 ? '10111010000' : '00001011101')].map((bit) => bit === '1');
      const line = Math.floor(next() * size);
      const start = Math.floor(next() * (size - 10));
      const across = next() < 0.5;
      pattern.forEach((dark, i) => {
        if (across) matrix[line]![start + i] = dark;
        else matrix[start + i]![line] = dark;
      });
    }
    return matrix;
  };
  return [
    ['noise, half dark', of(() => next() < 0.5)],
    ['noise, a fifth dark', of(() => next() < 0.2)],
    ['noise, nine tenths dark', of(() => next() < 0.9)],
    ['runs of 1-9', runs()],
    ['finder-like patterns', finders()],
  ];
}

/** Every symbol size class: one word a line, a word and a bit, several words, the largest. */
const SIZES = [21, 25, 29, 33, 37, 61, 65, 69, 97, 101, 177];

t.test('on random matrices of every kind and many sizes, the score is the module-by-module reference', async (t) => {
  let checked = 0;
  let wrong = 0;
  for (const size of SIZES) {
    for (let seed = 1; seed <= (size > 100 ? 2 : 12); seed++) {
      for (const [kind, matrix] of matrices(size * 1000 + seed, size)) {
        const { rows, columns, words } = lines(matrix);
        const expected = total(matrix);
        checked++;
        if (penalty(rows, columns, size, words) !== expected) {
          wrong++;
          t.equal(penalty(rows, columns, size, words), expected, `size ${size}, seed ${seed}: ${kind}`);
        }
      }
    }
  }
  t.equal(wrong, 0, `all ${checked} matrices scored as the reference scores them`);
});

t.test('uniform and regular matrices: all light, all dark, checkerboard, stripes', async (t) => {
  for (const size of [21, 33, 177]) {
    const cases: [string, (row: number, col: number) => boolean][] = [
      ['all light', () => false],
      ['all dark', () => true],
      ['checkerboard', (row, col) => (row + col) % 2 === 0],
      ['stripes of five', (row) => Math.floor(row / 5) % 2 === 0],
      ['finder rows', (_, col) => '10111010000'[col % 11] === '1'],
    ];
    for (const [kind, dark] of cases) {
      const matrix = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => dark(row, col)));
      const { rows, columns, words } = lines(matrix);
      t.equal(penalty(rows, columns, size, words), total(matrix), `size ${size}: ${kind}`);
    }
  }
  // By hand, 21 × 21 all light: 42 runs of 21 (3 + 16 each), 400 blocks (3 each), 50 % from half (10 steps).
  const light = lines(Array.from({ length: 21 }, () => Array<boolean>(21).fill(false)));
  t.equal(penalty(light.rows, light.columns, 21, 1), 42 * 19 + 400 * 3 + 10 * 10);
});

t.test('a limit: below it the exact score, at or above it a score no lower than the limit', async (t) => {
  const next = random(7);
  for (let seed = 1; seed <= 40; seed++) {
    const size = SIZES[seed % SIZES.length]!;
    const [, matrix] = matrices(seed, size)[seed % 5]!;
    const { rows, columns, words } = lines(matrix);
    const expected = total(matrix);
    for (const limit of [expected, expected + 1, Math.floor(next() * 2 * expected), 0]) {
      const score = penalty(rows, columns, size, words, limit);
      if (expected < limit) t.equal(score, expected, `size ${size}, limit ${limit}: exact`);
      else t.ok(score >= limit, `size ${size}, limit ${limit}: ${score} ≥ the limit (exact ${expected})`);
    }
  }
});

t.test(
  'a symbol’s mask is the first of the eight the reference scores lowest, on qrcode’s drawings of each',
  async (t) => {
    for (const [text, level] of [
      ['https://www.youtube.com/@RayanSlim087', 'L'],
      ['HELLO WORLD', 'Q'],
      ['0123456789'.repeat(20), 'H'],
      ['https://example.com/?'.padEnd(300, 'abcdefghij'), 'M'],
    ] as const) {
      const scores = ([0, 1, 2, 3, 4, 5, 6, 7] as const).map((maskPattern) => {
        const { modules } = create(text, { errorCorrectionLevel: level, maskPattern });
        return total(
          Array.from({ length: modules.size }, (_, row) =>
            Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
          ),
        );
      });
      t.equal(
        encodeSymbol(text, level).mask,
        scores.indexOf(Math.min(...scores)),
        `${level} ${text.length}: ${scores}`,
      );
    }
  },
);
