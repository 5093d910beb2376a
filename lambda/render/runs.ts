import type { QrSymbol } from '../qr/symbol.js';

/**
 * Calls `visit(row, start, end)` for each horizontal run of dark modules [start, end), row
 * by row. Works on the row words: the set bits of w XOR (w << 1) are where the colour
 * changes, alternately a run's start and its end (the light padding after the last module
 * ends a run that reaches the edge).
 */
export function forEachDarkRun(
  { size, words, rows }: QrSymbol,
  visit: (row: number, start: number, end: number) => void,
): void {
  for (let row = 0; row < size; row++) {
    let start = -1;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const word = rows[row * words + k]!;
      let changes = word ^ ((word << 1) | carry);
      carry = word >>> 31;
      while (changes !== 0) {
        const at = 32 * k + 31 - Math.clz32(changes & -changes);
        changes &= changes - 1;
        if (start < 0) start = at;
        else {
          visit(row, start, at);
          start = -1;
        }
      }
    }
  }
}
