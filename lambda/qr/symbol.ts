import { formatInformation } from './bch.js';
import { isDark, transposeLines } from './bit-lines.js';
import { blockStructure, dataBitCapacity } from './capacity.js';
import { ECI_BITS, encodeDataCodewords } from './data-codewords.js';
import { EC_LEVEL_BITS, type EcLevel } from './ec-level.js';
import { CapacityExceededError } from './errors.js';
import { finalCodewords } from './interleave.js';
import type { KanjiCodes } from './kanji.js';
import { chooseMask } from './mask.js';
import { Mode, minimumDataBits, optimalSegments, rawSegments, type Segment } from './segments.js';
import { symbolTemplate } from './template.js';
import { smallestVersion } from './version.js';

/** A QR symbol: `size` × `size` modules. */
export interface QrSymbol {
  readonly version: number;
  readonly size: number;
  readonly ecLevel: EcLevel;
  readonly mask: number;
  /** 32-bit words per row (see bit-lines.ts). */
  readonly words: number;
  /** The modules as row lines: module (row, col) is bit `col & 31` of word `row * words + (col >>> 5)`, 1 = dark. */
  readonly rows: Int32Array;
  /** The same modules one byte each, row by row, 1 = dark: made on first use. */
  readonly modules: Uint8Array;
  /** The data's segments, in order (content.ts makes the bytes a decoder reads of them). */
  readonly segments: readonly Segment[];
}

/** How the text is written, beyond the numeric, alphanumeric and UTF-8 byte segments of the default. */
export interface TextEncoding {
  /** ECI 26 in front of the data when it has byte segments: readers know them for UTF-8 rather than guess. */
  readonly eci?: boolean;
  /** Kanji mode for the characters it holds, wherever that is shorter than their UTF-8 bytes. */
  readonly kanji?: KanjiCodes | undefined;
}

/** The codewords and the unmasked symbol, as row lines and column lines: reused from one symbol to the next. */
let codewords = new Uint8Array(0);
let placedRows = new Int32Array(0);
let placedColumns = new Int32Array(0);

class EncodedSymbol implements QrSymbol {
  private bytes: Uint8Array | undefined;

  constructor(
    readonly version: number,
    readonly size: number,
    readonly ecLevel: EcLevel,
    readonly mask: number,
    readonly words: number,
    readonly rows: Int32Array,
    readonly segments: readonly Segment[],
  ) {}

  get modules(): Uint8Array {
    if (this.bytes === undefined) {
      const { size, words, rows } = this;
      this.bytes = new Uint8Array(size * size);
      for (let row = 0; row < size; row++) {
        for (let col = 0; col < size; col++) this.bytes[row * size + col] = isDark(rows, words, row, col) ? 1 : 0;
      }
    }
    return this.bytes;
  }
}

/**
 * Encodes `text` (as UTF-8 where it is not numeric or alphanumeric, or Kanji with Kanji
 * codes) in the smallest version that holds it at `ecLevel` — the symbol qrcode's `create`
 * makes, module for module (with Kanji, where qrcode's Kanji mode holds the same
 * characters; qrcode writes no ECI). Throws CapacityExceededError when even version 40 is too small.
 */
export function encodeSymbol(text: string, ecLevel: EcLevel, { eci = false, kanji }: TextEncoding = {}): QrSymbol {
  // Text that cannot fit even version 40 is refused before the work of segmenting it.
  const capacity = dataBitCapacity(40, ecLevel);
  if (minimumDataBits(text, capacity, kanji) > capacity)
    throw new CapacityExceededError(ecLevel, Buffer.byteLength(text, 'utf8'));
  // As qrcode: the version is estimated from the plain split of the text, the segments
  // optimised for that version, then the smallest version that holds them taken. The ECI
  // header goes in front when there are bytes to declare.
  const raw = rawSegments(text, kanji);
  const headerOf = (segments: readonly Segment[]): number =>
    eci && segments.some((segment) => segment.mode === Mode.Byte) ? ECI_BITS : 0;
  const estimate = smallestVersion(raw, ecLevel, headerOf(raw));
  const segments = optimalSegments(text, estimate ?? 40, kanji);
  const headerBits = headerOf(segments);
  const version = smallestVersion(segments, ecLevel, headerBits);
  if (version === undefined) throw new CapacityExceededError(ecLevel, Buffer.byteLength(text, 'utf8'));

  const structure = blockStructure(version, ecLevel);
  const data = encodeDataCodewords(segments, version, structure.dataCodewords, { eci: headerBits > 0, kanji });
  if (codewords.length !== structure.totalCodewords) codewords = new Uint8Array(structure.totalCodewords);
  finalCodewords(data, structure, codewords);

  const template = symbolTemplate(version);
  const { size, words, placementRowBits } = template;
  if (placedRows.length !== template.rows.length) {
    placedRows = new Int32Array(template.rows.length);
    placedColumns = new Int32Array(template.rows.length);
  }
  placedRows.set(template.rows);
  // Codeword bits, most significant first, into the data modules in placement order, a
  // dark module at a time; modules left over (remainder bits, §7.7.3) stay light.
  for (let i = 0; i < codewords.length; i++) {
    for (let byte = codewords[i]!; byte !== 0; ) {
      const bit = Math.clz32(byte) - 24;
      byte ^= 0x80 >>> bit;
      const at = placementRowBits[i * 8 + bit]!;
      placedRows[at >>> 5]! |= 1 << (at & 31);
    }
  }
  transposeLines(placedRows, placedColumns, size, words);

  const levelBits = EC_LEVEL_BITS[ecLevel];
  const masked = chooseMask(template, placedRows, placedColumns, (mask) => formatInformation(levelBits, mask));
  return new EncodedSymbol(version, size, ecLevel, masked.mask, words, masked.rows, segments);
}
