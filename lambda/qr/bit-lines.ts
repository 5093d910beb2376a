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

export function isDark(rows: Int32Array, words: number, row: number, col: number): boolean {
  return ((rows[row * words + (col >>> 5)]! >>> (col & 31)) & 1) === 1;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
