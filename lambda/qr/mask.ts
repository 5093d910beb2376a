import { popcount, setPacked } from './bit-lines.js';
import type { SymbolTemplate } from './template.js';

/** Penalty weights (§7.8.3, table 11). */
const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

export interface MaskedSymbol {
  readonly mask: number;
  /** The symbol's modules under that mask, format information written, as row lines. */
  readonly rows: Int32Array;
}

/** The masked candidate, as row lines and column lines: reused from one symbol to the next. */
let candidateRows = new Int32Array(0);
let candidateColumns = new Int32Array(0);

/**
 * Data masking (§7.8): each of the eight patterns is applied, the format information for
 * it written, and the result scored; the lowest score wins, the first on a tie. The
 * scores are qrcode's (its reading of §7.8.3), so the choice is the same module for
 * module; they are computed on 32-bit words of rows and of columns.
 *
 * `rows`/`columns` are the unmasked symbol; `formatBits(mask)` gives the 15 format bits.
 */
export function chooseMask(
  template: SymbolTemplate,
  rows: Int32Array,
  columns: Int32Array,
  formatBits: (mask: number) => number,
): MaskedSymbol {
  const { size, words } = template;
  if (candidateRows.length !== rows.length) {
    candidateRows = new Int32Array(rows.length);
    candidateColumns = new Int32Array(rows.length);
  }
  let best = 0;
  let lowest = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    applyMask(template, rows, columns, mask, formatBits(mask), candidateRows, candidateColumns);
    const score = penalty(candidateRows, candidateColumns, size, words, lowest);
    if (score < lowest) {
      lowest = score;
      best = mask;
    }
  }
  const masked = new Int32Array(rows.length);
  applyMask(template, rows, columns, best, formatBits(best), masked, candidateColumns);
  return { mask: best, rows: masked };
}

function applyMask(
  { maskRows, maskColumns, formatPlaces }: SymbolTemplate,
  rows: Int32Array,
  columns: Int32Array,
  mask: number,
  formatBits: number,
  outRows: Int32Array,
  outColumns: Int32Array,
): void {
  const patternRows = maskRows[mask]!;
  const patternColumns = maskColumns[mask]!;
  for (let i = 0; i < rows.length; i++) {
    outRows[i] = rows[i]! ^ patternRows[i]!;
    outColumns[i] = columns[i]! ^ patternColumns[i]!;
  }
  for (let bit = 0; bit < 30; bit++) {
    if ((formatBits >>> (bit >>> 1)) & 1) setPacked(outRows, outColumns, formatPlaces[bit]!);
  }
}

/**
 * qrcode's N1 + N2 + N3 + N4 of a masked symbol, given as row lines and column lines.
 * The score stops short, at no less than `limit`, once it reaches it: all four rules add,
 * and a mask that scores `limit` or more loses anyway.
 *
 * A line's runs and finder-like patterns are found 32 lines at a time, a word a step down
 * the other orientation's lines: word k of column line c holds module (32k + i, c) in bit
 * i, so stepping c over the column lines walks 32 rows at once, along them.
 */
export function penalty(rows: Int32Array, columns: Int32Array, size: number, words: number, limit = Infinity): number {
  let points = runs(columns, size, words) + runs(rows, size, words);
  if (points >= limit) return points;
  // N2: each 2 × 2 block of one colour, down the row lines a word at a time. And the dark modules for N4.
  let blocks = 0;
  let dark = 0;
  for (let k = 0; k < words; k++) {
    const last = k + 1 === words;
    // Blocks start at modules 0 … size - 2: size is odd, so (size - 1) & 31 counts those of the last word.
    const valid = last ? ~(-1 << ((size - 1) & 31)) : -1;
    let above = 0;
    let pairsAbove = 0; // none: no block ends on the first line
    for (let i = k; i < size * words; i += words) {
      const line = rows[i]!;
      dark += popcount(line);
      // Bit j: modules j and j + 1 of the line are the same colour.
      const pairs = ~(line ^ ((line >>> 1) | (last ? 0 : rows[i + 1]! << 31)));
      blocks += popcount(~(line ^ above) & pairs & pairsAbove & valid);
      above = line;
      pairsAbove = pairs;
    }
  }
  // N4: how far the share of dark modules is from half, in steps of 5 %.
  points += blocks * N2 + Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * N4;
  if (points >= limit) return points;
  return points + (finders(columns, size, words) + finders(rows, size, words)) * N3;
}

/** Bits of the last word of a line that hold modules (size is odd: never all 32). */
const lastWordBits = (size: number): number => ~(-1 << (size & 31));

/**
 * N1 along the other orientation's lines (see penalty): a run of L ≥ 5 same-coloured
 * modules scores N1 + (L - 5), which is its (L - 4) windows of five plus N1 - 1 for its start.
 */
function runs(lines: Int32Array, size: number, words: number): number {
  let points = 0;
  for (let k = 0; k < words; k++) {
    const valid = k + 1 < words ? -1 : lastWordBits(size);
    // Bit i of d0 … d3: whether module i changes between four successive pairs of lines.
    let before = -1; // a line's start counts as a change
    let d0 = lines[k]! ^ lines[words + k]!;
    let d1 = lines[words + k]! ^ lines[2 * words + k]!;
    let previous = lines[2 * words + k]!;
    let d2 = previous ^ lines[3 * words + k]!;
    previous = lines[3 * words + k]!;
    for (let i = 4 * words + k; i < size * words; i += words) {
      const line = lines[i]!;
      const d3 = previous ^ line;
      const same = ~(d0 | d1 | d2 | d3) & valid;
      if (same !== 0) points += popcount(same) + (N1 - 1) * popcount(same & before);
      before = d0;
      d0 = d1;
      d1 = d2;
      d2 = d3;
      previous = line;
    }
  }
  return points;
}

/** N3 along the other orientation's lines (see penalty): windows of 11 modules reading 1011101 0000 or 0000 1011101. */
function finders(lines: Int32Array, size: number, words: number): number {
  let count = 0;
  for (let k = 0; k < words; k++) {
    const valid = k + 1 < words ? -1 : lastWordBits(size);
    // m0 … m10: eleven successive lines, moved along one line a step.
    let m0 = lines[k]!;
    let m1 = lines[k + words]!;
    let m2 = lines[k + 2 * words]!;
    let m3 = lines[k + 3 * words]!;
    let m4 = lines[k + 4 * words]!;
    let m5 = lines[k + 5 * words]!;
    let m6 = lines[k + 6 * words]!;
    let m7 = lines[k + 7 * words]!;
    let m8 = lines[k + 8 * words]!;
    let m9 = lines[k + 9 * words]!;
    for (let i = k + 10 * words; i < size * words; i += words) {
      const m10 = lines[i]!;
      const found =
        m4 &
        ~m5 &
        m6 &
        valid &
        ((m0 & ~m1 & m2 & m3 & ~(m7 | m8 | m9 | m10)) | (~(m0 | m1 | m2 | m3) & m7 & m8 & ~m9 & m10));
      if (found !== 0) count += popcount(found); // seldom: a word holds one in a few dozen
      m0 = m1;
      m1 = m2;
      m2 = m3;
      m3 = m4;
      m4 = m5;
      m5 = m6;
      m6 = m7;
      m7 = m8;
      m8 = m9;
      m9 = m10;
    }
  }
  return count;
}
