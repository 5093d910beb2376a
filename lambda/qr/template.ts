import { versionInformation } from './bch.js';
import { packedModule, wordsPerLine } from './bit-lines.js';
import { symbolSize } from './capacity.js';

/**
 * Everything about a symbol that depends on its version alone, built once per version:
 * the function patterns (§6.3), the cells kept for format and version information, the
 * order data modules are placed in (§7.7.3) and the eight data mask patterns on the data
 * modules (§7.8.2).
 */
export interface SymbolTemplate {
  readonly version: number;
  readonly size: number;
  /** 32-bit words per row or column line (see bit-lines.ts). */
  readonly words: number;
  /** Dark function modules, as row lines; format information left light. */
  readonly rows: Int32Array;
  /** Data modules (row * size + col), in placement order. */
  readonly placement: Uint32Array;
  /** For each data module in placement order, its word in the row lines << 5 | its bit. */
  readonly placementRowBits: Uint16Array;
  /** Per mask pattern, the data modules it inverts, as row lines and column lines. */
  readonly maskRows: readonly Int32Array[];
  readonly maskColumns: readonly Int32Array[];
  /** For each of the 15 format information bits, its two modules (row * size + col). */
  readonly formatModules: Uint32Array;
  /** The same, as places in the row lines and the column lines (see packedModule in bit-lines.ts). */
  readonly formatPlaces: Uint32Array;
}

const templates = new Map<number, SymbolTemplate>();

export function symbolTemplate(version: number): SymbolTemplate {
  let template = templates.get(version);
  if (template === undefined) {
    template = buildTemplate(version);
    templates.set(version, template);
  }
  return template;
}

/** Whether data mask pattern `mask` inverts the module at row i, column j (§7.8.2, table 10). */
function maskInverts(mask: number, i: number, j: number): boolean {
  switch (mask) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

function buildTemplate(version: number): SymbolTemplate {
  const size = symbolSize(version);
  const dark = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (row: number, col: number, value: boolean): void => {
    dark[row * size + col] = value ? 1 : 0;
    reserved[row * size + col] = 1;
  };

  // Finder patterns with their separators (§6.3.3, §6.3.4), in three corners.
  for (const [top, left] of [
    [0, 0],
    [size - 7, 0],
    [0, size - 7],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        if (top + r < 0 || top + r >= size || left + c < 0 || left + c >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3)); // 0 centre … 3 edge, 4 separator
        set(top + r, left + c, ring !== 2 && ring !== 4);
      }
    }
  }
  // Timing patterns (§6.3.5).
  for (let i = 8; i < size - 8; i++) {
    set(i, 6, i % 2 === 0);
    set(6, i, i % 2 === 0);
  }
  // Alignment patterns (§6.3.6), drawn over the timing patterns where they cross.
  const centres = alignmentCentres(version, size);
  for (const row of centres) {
    for (const col of centres) {
      if ((row === 6 && col === 6) || (row === 6 && col === size - 7) || (row === size - 7 && col === 6)) continue;
      for (let r = -2; r <= 2; r++) {
        for (let c = -2; c <= 2; c++) set(row + r, col + c, Math.max(Math.abs(r), Math.abs(c)) !== 1);
      }
    }
  }
  // Format information (§7.9.1): kept light here, written per mask; and the dark module.
  const formatModules = new Uint32Array(30);
  for (let i = 0; i < 15; i++) {
    const verticalRow = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    const horizontalCol = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    formatModules[2 * i] = verticalRow * size + 8;
    formatModules[2 * i + 1] = 8 * size + horizontalCol;
    set(verticalRow, 8, false);
    set(8, horizontalCol, false);
  }
  set(size - 8, 8, true);
  // Version information (§7.10), versions 7 and up: two 6 × 3 blocks.
  if (version >= 7) {
    const bits = versionInformation(version);
    for (let i = 0; i < 18; i++) {
      const value = ((bits >>> i) & 1) === 1;
      set(Math.floor(i / 3), (i % 3) + size - 11, value);
      set((i % 3) + size - 11, Math.floor(i / 3), value);
    }
  }

  const words = wordsPerLine(size);
  const rows = new Int32Array(size * words);
  for (let i = 0; i < size * size; i++)
    if (dark[i]) rows[Math.floor(i / size) * words + ((i % size) >>> 5)]! |= 1 << ((i % size) & 31);

  // Built once per version, on a cold start among others: plain loops, no closures.
  const maskRows: Int32Array[] = [];
  const maskColumns: Int32Array[] = [];
  for (let mask = 0; mask < 8; mask++) {
    const patternRows = new Int32Array(size * words);
    const patternColumns = new Int32Array(size * words);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (reserved[row * size + col] === 0 && maskInverts(mask, row, col)) {
          patternRows[row * words + (col >>> 5)]! |= 1 << (col & 31);
          patternColumns[col * words + (row >>> 5)]! |= 1 << (row & 31);
        }
      }
    }
    maskRows.push(patternRows);
    maskColumns.push(patternColumns);
  }

  const placement = placementOrder(size, reserved);
  // (row * words + (col >>> 5)) << 5 | (col & 31), which fits 16 bits: 177 * 6 << 5 < 2^16.
  const placementRowBits = new Uint16Array(placement.length);
  for (let k = 0; k < placement.length; k++) {
    const row = Math.floor(placement[k]! / size);
    placementRowBits[k] = ((row * words) << 5) + placement[k]! - row * size;
  }
  const formatPlaces = new Uint32Array(30);
  for (let k = 0; k < 30; k++)
    formatPlaces[k] = packedModule(words, Math.floor(formatModules[k]! / size), formatModules[k]! % size);
  return {
    version,
    size,
    words,
    rows,
    placement,
    placementRowBits,
    maskRows,
    maskColumns,
    formatModules,
    formatPlaces,
  };
}

/**
 * Row/column coordinates of alignment pattern centres (§6.3.6, annex E), as qrcode
 * computes them: 6, then evenly spaced (an even step) up to size - 7.
 */
function alignmentCentres(version: number, size: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = size === 145 ? 26 : Math.ceil((size - 13) / (2 * count - 2)) * 2;
  const centres = [size - 7];
  for (let i = 1; i < count - 1; i++) centres.push(centres[i - 1]! - step);
  centres.push(6);
  return centres.reverse();
}

/**
 * Data module placement (§7.7.3): two-module-wide columns from the right, upwards then
 * downwards in turn, right module before left, skipping function modules and the
 * vertical timing pattern's column.
 */
function placementOrder(size: number, reserved: Uint8Array): Uint32Array {
  const order: number[] = [];
  let row = size - 1;
  let step = -1;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (;;) {
      for (let c = 0; c < 2; c++) {
        if (!reserved[row * size + col - c]) order.push(row * size + col - c);
      }
      row += step;
      if (row < 0 || row >= size) {
        row -= step;
        step = -step;
        break;
      }
    }
  }
  return Uint32Array.from(order);
}
