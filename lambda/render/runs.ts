import type { QrSymbol } from '../qr/symbol.js';

/** Calls `visit(row, start, end)` for each horizontal run of dark modules [start, end), row by row. */
export function forEachDarkRun({ size, modules }: QrSymbol, visit: (row: number, start: number, end: number) => void): void {
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; ) {
      if (modules[row * size + col] === 0) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col] !== 0) col++;
      visit(row, start, col);
    }
  }
}
