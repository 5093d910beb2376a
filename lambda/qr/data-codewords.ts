import type { KanjiCodes } from './kanji.js';
import { Mode, MODE_INDICATOR, countIndicatorBits, type Segment } from './segments.js';

/** The 45 characters of alphanumeric mode, in the order of their values (§7.4.4, table 5). */
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const PAD_CODEWORDS = [0xec, 0x11];

/** The ECI mode indicator and the designator of UTF-8, ECI 000026, in its one-byte form 0bbbbbbb (§7.4.2.2). */
const ECI_INDICATOR = 0b0111;
const UTF8_DESIGNATOR = 26;
/** Bits of the UTF-8 ECI header: indicator and designator. */
export const ECI_BITS = 12;

export interface DataOptions {
  /** Start with ECI 26: the byte segments are UTF-8. */
  readonly eci?: boolean;
  /** The Kanji-mode values of the Kanji segments' characters. */
  readonly kanji?: KanjiCodes;
}

/**
 * The data bit stream (§7.4): the UTF-8 ECI header if asked for, each segment as mode
 * indicator, character count and data, then the terminator, zero bits to a codeword
 * boundary and the alternating pad codewords (§7.4.10), cut into `dataCodewords` 8-bit codewords.
 */
export function encodeDataCodewords(
  segments: readonly Segment[],
  version: number,
  dataCodewords: number,
  { eci = false, kanji }: DataOptions = {},
): Uint8Array {
  out = new Uint8Array(dataCodewords);
  bitLength = 0;
  if (eci) {
    put(ECI_INDICATOR, 4);
    put(UTF8_DESIGNATOR, 8);
  }
  for (const segment of segments) {
    put(MODE_INDICATOR[segment.mode]!, 4);
    put(segment.length, countIndicatorBits(segment.mode, version));
    writeSegmentData(segment, kanji);
  }
  const capacityBits = dataCodewords * 8;
  // Terminator: four zero bits where they fit. Zero bits are already zero in `out`.
  if (bitLength + 4 <= capacityBits) bitLength += 4;
  const usedCodewords = (bitLength + 7) >>> 3;
  for (let i = 0; usedCodewords + i < dataCodewords; i++) out[usedCodewords + i] = PAD_CODEWORDS[i % 2]!;
  return out;
}

/** The bit stream being written, and its length in bits. */
let out = new Uint8Array(0);
let bitLength = 0;

/** Appends the low `bits` bits of `value`, most significant first, as many as fit in a codeword at a time. */
function put(value: number, bits: number): void {
  while (bits > 0) {
    const free = 8 - (bitLength & 7);
    const take = Math.min(free, bits);
    bits -= take;
    out[bitLength >>> 3]! |= ((value >>> bits) & ((1 << take) - 1)) << (free - take);
    bitLength += take;
  }
}

function writeSegmentData({ mode, text }: Segment, kanji: KanjiCodes | undefined): void {
  if (mode === Mode.Numeric) {
    // Groups of three digits in 10 bits; a last group of two in 7, of one in 4 (§7.4.3).
    let i = 0;
    for (; i + 3 <= text.length; i += 3) put(Number(text.slice(i, i + 3)), 10);
    if (i < text.length) put(Number(text.slice(i)), (text.length - i) * 3 + 1);
  } else if (mode === Mode.Alphanumeric) {
    // Pairs as 45 × first + second in 11 bits; a last single character in 6 (§7.4.4).
    let i = 0;
    for (; i + 2 <= text.length; i += 2)
      put(ALPHANUMERIC.indexOf(text[i]!) * 45 + ALPHANUMERIC.indexOf(text[i + 1]!), 11);
    if (i < text.length) put(ALPHANUMERIC.indexOf(text[i]!), 6);
  } else if (mode === Mode.Kanji) {
    // Each character's 13-bit value (§7.4.6): only characters the Kanji codes hold are in a Kanji segment.
    for (let i = 0; i < text.length; i++) put(kanji!.value(text.charCodeAt(i))!, 13);
  } else {
    // The UTF-8 bytes, 8 bits each (§7.4.5): each split across two codewords at the same place.
    const bytes = Buffer.from(text, 'utf8');
    const shift = bitLength & 7;
    for (let i = 0, at = bitLength >>> 3; i < bytes.length; i++, at++) {
      out[at]! |= bytes[i]! >>> shift;
      out[at + 1]! |= bytes[i]! << (8 - shift); // the high bits fall away; past the end, nothing is written
    }
    bitLength += bytes.length * 8;
  }
}
