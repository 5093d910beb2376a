/**
 * A symbol as bit lines: each row (and, in a second array, each column) as 32-bit words,
 * module `i` of a line in bit `i & 31` of word `i >>> 5`. Penalty scoring (mask.ts) works
 * on whole words instead of single modules.
 */
export const wordsPerLine = (size: number): number => (size + 31) >>> 5;

/** Sets module (row, col) dark in the row lines and the column lines. */
export function setModule(rows: Int32Array, columns: Int32Array, words: number, row: number, col: number): void {
  rows[row * words + (col >>> 5)]! |= 1 << (col & 31);
  columns[col * words + (row >>> 5)]! |= 1 << (row & 31);
}

/**
 * A module's place in both the row lines (low 16 bits) and the column lines (high 16
 * bits), each as word << 5 | bit: for placing modules by table. The largest, 177 * 6 << 5, fits 16 bits.
 */
export const packedModule = (words: number, row: number, col: number): number =>
  ((row * words) << 5) + col + ((((col * words) << 5) + row) << 16);

/** Sets dark the module at `packed` (see packedModule) in the row lines and the column lines. */
export function setPacked(rows: Int32Array, columns: Int32Array, packed: number): void {
  rows[(packed & 0xffff) >>> 5]! |= 1 << (packed & 31);
  columns[packed >>> 21]! |= 1 << ((packed >>> 16) & 31);
}

export function isDark(rows: Int32Array, words: number, row: number, col: number): boolean {
  return ((rows[row * words + (col >>> 5)]! >>> (col & 31)) & 1) === 1;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
