/**
 * A symbol as bit lines: each row (and, in a second array, each column) as 32-bit words,
 * module `i` of a line in bit `i & 31` of word `i >>> 5`. Penalty scoring (mask.ts) works
 * on whole words instead of single modules.
 */
export const wordsPerLine = (size: number): number => (size + 31) >>> 5;

/**
 * A module's place in both the row lines (low 16 bits) and the column lines (high 16
 * bits), each as word << 5 | bit: for setting modules by table. The largest, 177 * 6 << 5, fits 16 bits.
 */
export const packedModule = (words: number, row: number, col: number): number =>
  ((row * words) << 5) + col + ((((col * words) << 5) + row) << 16);

/** Sets dark the module at `packed` (see packedModule) in the row lines and the column lines. */
export function setPacked(rows: Int32Array, columns: Int32Array, packed: number): void {
  rows[(packed & 0xffff) >>> 5]! |= 1 << (packed & 31);
  columns[packed >>> 21]! |= 1 << ((packed >>> 16) & 31);
}

/** One 32 × 32 block of modules, a word a line, while it is transposed. */
const block = new Int32Array(32);

/** Writes into `columns` the column lines of the symbol whose row lines are `rows`, a 32 × 32 block at a time. */
export function transposeLines(rows: Int32Array, columns: Int32Array, size: number, words: number): void {
  for (let rowWord = 0; rowWord < words; rowWord++) {
    for (let colWord = 0; colWord < words; colWord++) {
      for (let i = 0; i < 32; i++) block[i] = 32 * rowWord + i < size ? rows[(32 * rowWord + i) * words + colWord]! : 0;
      // At width s, bit j + s of line i trades places with bit j of line i + s, for each i and j
      // whose bit s is clear: the five widths together trade every (i, j) for (j, i).
      for (let s = 16, mask = 0xffff; s > 0; s >>>= 1, mask ^= mask << s) {
        for (let i = 0; i < 32; i++) {
          if (i & s) continue;
          const swapped = ((block[i]! >>> s) ^ block[i + s]!) & mask;
          block[i]! ^= swapped << s;
          block[i + s]! ^= swapped;
        }
      }
      for (let j = 0; j < 32 && 32 * colWord + j < size; j++) columns[(32 * colWord + j) * words + rowWord] = block[j]!;
    }
  }
}

export function isDark(rows: Int32Array, words: number, row: number, col: number): boolean {
  return ((rows[row * words + (col >>> 5)]! >>> (col & 31)) & 1) === 1;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
