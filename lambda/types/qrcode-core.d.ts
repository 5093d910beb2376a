// qrcode's core modules: the tests use them as the oracle the QR core is compared with.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}

declare module 'qrcode/lib/core/format-info.js' {
  import type { QrcodeEcLevel } from 'qrcode/lib/core/error-correction-level.js';
  /** The 15 format-information bits for a level and mask pattern. */
  export function getEncodedBits(level: QrcodeEcLevel, mask: number): number;
}

declare module 'qrcode/lib/core/error-correction-level.js' {
  /** The level objects qrcode's tables are keyed by (compared by identity). */
  export interface QrcodeEcLevel {
    readonly bit: number;
  }
  export const L: QrcodeEcLevel;
  export const M: QrcodeEcLevel;
  export const Q: QrcodeEcLevel;
  export const H: QrcodeEcLevel;
}

declare module 'qrcode/lib/core/error-correction-code.js' {
  import type { QrcodeEcLevel } from 'qrcode/lib/core/error-correction-level.js';
  /** Error correction blocks of a version at a level (ISO/IEC 18004 table 9). */
  export function getBlocksCount(version: number, level: QrcodeEcLevel): number;
  /** Error correction codewords of a version at a level, all blocks together. */
  export function getTotalCodewordsCount(version: number, level: QrcodeEcLevel): number;
}

declare module 'qrcode/lib/core/utils.js' {
  /** Data and error correction codewords of a version together. */
  export function getSymbolTotalCodewords(version: number): number;
}

declare module 'qrcode/lib/core/mode.js' {
  /** A data mode as qrcode's tables know it (compared by identity). */
  export interface QrcodeMode {
    readonly id: string;
    readonly bit: number;
  }
  export const NUMERIC: QrcodeMode;
  export const ALPHANUMERIC: QrcodeMode;
  export const BYTE: QrcodeMode;
}

declare module 'qrcode/lib/core/version.js' {
  import type { QrcodeEcLevel } from 'qrcode/lib/core/error-correction-level.js';
  import type { QrcodeMode } from 'qrcode/lib/core/mode.js';
  /** Characters of one mode a version holds at a level. */
  export function getCapacity(version: number, level: QrcodeEcLevel, mode: QrcodeMode): number;
  /** The 18 version information bits. */
  export function getEncodedBits(version: number): number;
}

declare module 'qrcode/lib/core/reed-solomon-encoder.js' {
  /** qrcode's Reed–Solomon encoder (a test oracle). */
  export default class ReedSolomonEncoder {
    constructor(degree: number);
    encode(data: Uint8Array): Uint8Array;
  }
}

declare module 'qrcode/lib/core/segments.js' {
  /** qrcode's segment optimiser (a test oracle). */
  export function fromString(
    text: string,
    version: number,
  ): { mode: { id: string }; getLength(): number; data: string | Uint8Array }[];
}

declare module 'qrcode/lib/core/alignment-pattern.js' {
  /** Row/column coordinates of the alignment pattern centres of a version. */
  export function getRowColCoords(version: number): number[];
}

declare module 'qrcode/lib/core/regex.js' {
  /** Whether every character of the text is one qrcode's Kanji mode takes (its KANJI pattern). */
  export function testKanji(text: string): boolean;
}
