import { popcount, setModule } from './bit-lines.js';
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
  const valid = validWords(size, words);
  const maskedRows = new Int32Array(rows.length);
  const maskedColumns = new Int32Array(columns.length);
  let best = 0;
  let lowest = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    applyMask(template, rows, columns, mask, formatBits(mask), maskedRows, maskedColumns);
    const score = penalty(maskedRows, maskedColumns, size, words, valid);
    if (score < lowest) {
      lowest = score;
      best = mask;
    }
  }
  applyMask(template, rows, columns, best, formatBits(best), maskedRows, maskedColumns);
  return { mask: best, rows: maskedRows };
}

function applyMask(
  { maskRows, maskColumns, formatModules, size, words }: SymbolTemplate,
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
  for (let bit = 0; bit < 15; bit++) {
    if (((formatBits >>> bit) & 1) === 0) continue;
    const vertical = formatModules[2 * bit]!;
    const horizontal = formatModules[2 * bit + 1]!;
    setModule(outRows, outColumns, words, Math.floor(vertical / size), vertical % size);
    setModule(outRows, outColumns, words, Math.floor(horizontal / size), horizontal % size);
  }
}

/** Per word of a line: which bits start a window of 2, 5 or 11 modules that lies inside the line. */
interface ValidWords {
  readonly two: Int32Array;
  readonly five: Int32Array;
  readonly eleven: Int32Array;
}

const validCache = new Map<number, ValidWords>();

function validWords(size: number, words: number): ValidWords {
  let valid = validCache.get(size);
  if (valid === undefined) {
    const starts = (windowLength: number): Int32Array =>
      Int32Array.from({ length: words }, (_, k) => {
        const count = size - windowLength + 1 - 32 * k;
        return count >= 32 ? -1 : count <= 0 ? 0 : (1 << count) - 1;
      });
    valid = { two: starts(2), five: starts(5), eleven: starts(11) };
    validCache.set(size, valid);
  }
  return valid;
}

/** qrcode's N1 + N2 + N3 + N4 of a masked symbol. */
function penalty(rows: Int32Array, columns: Int32Array, size: number, words: number, valid: ValidWords): number {
  let points = 0;
  let dark = 0;
  for (let line = 0; line < size; line++) {
    points += linePenalty(rows, line * words, words, valid) + linePenalty(columns, line * words, words, valid);
    for (let k = 0; k < words; k++) dark += popcount(rows[line * words + k]!);
  }
  // N2: each 2 × 2 block of one colour.
  let blocks = 0;
  for (let line = 0; line + 1 < size; line++) {
    const top = line * words;
    const bottom = top + words;
    for (let k = 0; k < words; k++) {
      const a = rows[top + k]!;
      const b = rows[bottom + k]!;
      const nextA = k + 1 < words ? rows[top + k + 1]! : 0;
      const nextB = k + 1 < words ? rows[bottom + k + 1]! : 0;
      const a1 = (a >>> 1) | (nextA << 31);
      const b1 = (b >>> 1) | (nextB << 31);
      blocks += popcount(~(a ^ b) & ~(a ^ a1) & ~(a1 ^ b1) & valid.two[k]!);
    }
  }
  // N4: how far the share of dark modules is from half, in steps of 5 %.
  const k = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return points + blocks * N2 + k * N4;
}

/**
 * N1 and N3 of one line. N1: a run of L ≥ 5 same-coloured modules scores N1 + (L - 5),
 * which is its (L - 4) windows of five modules plus N1 - 1. N3: each window of 11 modules reading
 * 1011101 0000 or 0000 1011101.
 */
function linePenalty(bits: Int32Array, offset: number, words: number, valid: ValidWords): number {
  let windows = 0;
  let runs = 0;
  let finders = 0;
  let previousTop = 0;
  for (let k = 0; k < words; k++) {
    const x = bits[offset + k]!;
    const next = k + 1 < words ? bits[offset + k + 1]! : 0;
    // sN: bit i holds module i + N of the line.
    const s1 = (x >>> 1) | (next << 31);
    const s2 = (x >>> 2) | (next << 30);
    const s3 = (x >>> 3) | (next << 29);
    const s4 = (x >>> 4) | (next << 28);
    const five = ~(x ^ s1) & ~(x ^ s2) & ~(x ^ s3) & ~(x ^ s4) & valid.five[k]!;
    windows += popcount(five);
    runs += popcount(five & ~((five << 1) | previousTop));
    previousTop = five >>> 31;

    const s5 = (x >>> 5) | (next << 27);
    const s6 = (x >>> 6) | (next << 26);
    const s7 = (x >>> 7) | (next << 25);
    const s8 = (x >>> 8) | (next << 24);
    const s9 = (x >>> 9) | (next << 23);
    const s10 = (x >>> 10) | (next << 22);
    const shared = ~s1 & s4 & ~s5 & s6 & ~s9;
    const before = x & s2 & s3 & ~s7 & ~s8 & ~s10; // 1011101 then 0000
    const after = ~x & ~s2 & ~s3 & s7 & s8 & s10; // 0000 then 1011101
    finders += popcount(shared & (before | after) & valid.eleven[k]!);
  }
  return windows + runs * (N1 - 1) + finders * N3;
}
