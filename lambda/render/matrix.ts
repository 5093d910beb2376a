import { HttpError } from '../errors.js';
import type { EcLevel } from '../generate/options.js';
import { CapacityExceededError } from '../qr/errors.js';
import { encodeSymbol } from '../qr/symbol.js';

/** The modules of a QR symbol: `size` × `size`, row by row, 1 = dark. */
export interface QrMatrix {
  readonly size: number;
  readonly modules: Uint8Array;
  readonly version: number;
}

/** What a version-40 symbol holds at each level (ISO/IEC 18004, table 7). */
export const CAPACITY: Readonly<Record<EcLevel, { bytes: number; alphanumeric: number; digits: number }>> = {
  L: { bytes: 2953, alphanumeric: 4296, digits: 7089 },
  M: { bytes: 2331, alphanumeric: 3391, digits: 5596 },
  Q: { bytes: 1663, alphanumeric: 2420, digits: 3993 },
  H: { bytes: 1273, alphanumeric: 1852, digits: 3057 },
};

/** Encodes `text` (as UTF-8, in the smallest version that holds it); see lambda/qr. */
export function encodeMatrix(text: string, ecLevel: EcLevel): QrMatrix {
  try {
    return encodeSymbol(text, ecLevel);
  } catch (error) {
    if (error instanceof CapacityExceededError) throw tooBig(text, ecLevel);
    throw error;
  }
}

/** Calls `visit(row, start, end)` for each horizontal run of dark modules [start, end), row by row. */
export function forEachDarkRun(matrix: QrMatrix, visit: (row: number, start: number, end: number) => void): void {
  const { size, modules } = matrix;
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

function tooBig(text: string, ecLevel: EcLevel): HttpError {
  const { bytes, alphanumeric, digits } = CAPACITY[ecLevel];
  const length = Buffer.byteLength(text, 'utf8');
  return new HttpError(
    413,
    `the data (${length} bytes as UTF-8) does not fit a QR code at ecLevel ${ecLevel}: it holds at most ` +
      `${bytes} bytes of text, ${alphanumeric} upper-case alphanumeric characters or ${digits} digits` +
      (ecLevel === 'L' ? '' : '; a lower ecLevel holds more'),
  );
}
