import type { QrSymbol } from '../qr/symbol.js';

/**
 * Index: top light, bottom light (2 bits). Light modules are drawn, dark ones left blank,
 * so on a terminal with light text on a dark background the code reads dark-on-light,
 * as scanners expect; on a light background it would come out inverted.
 */
const CELLS = [' ', '▄', '▀', '█'];

/**
 * The code as Unicode half blocks: each line holds two module rows, quiet zone included
 * (`margin` modules on every side), one character per module column; lines end in \n.
 */
export function encodeText({ size, modules }: QrSymbol, margin: number): string {
  const across = size + 2 * margin;
  const isLight = (row: number, col: number): boolean => {
    const r = row - margin;
    const c = col - margin;
    return r < 0 || c < 0 || r >= size || c >= size || modules[r * size + c] === 0;
  };
  let text = '';
  for (let row = 0; row < across; row += 2) {
    for (let col = 0; col < across; col++) {
      // A last line with no module row below: the row beneath is the terminal's own dark background.
      const bottom = row + 1 < across && isLight(row + 1, col);
      text += CELLS[(isLight(row, col) ? 2 : 0) | (bottom ? 1 : 0)];
    }
    text += '\n';
  }
  return text;
}
