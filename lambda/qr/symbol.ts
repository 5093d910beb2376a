import { formatInformation } from './bch.js';
import { blockStructure } from './capacity.js';
import { encodeDataCodewords } from './data-codewords.js';
import { EC_LEVEL_BITS, type EcLevel } from './ec-level.js';
import { CapacityExceededError } from './errors.js';
import { finalCodewords } from './interleave.js';
import { chooseMask } from './mask.js';
import { optimalSegments, rawSegments, utf8Length } from './segments.js';
import { symbolTemplate } from './template.js';
import { smallestVersion } from './version.js';

/** A QR symbol: `size` × `size` modules, row by row, 1 = dark. */
export interface QrSymbol {
  readonly version: number;
  readonly size: number;
  readonly modules: Uint8Array;
  readonly ecLevel: EcLevel;
  readonly mask: number;
}

/**
 * Encodes `text` (as UTF-8 where it is not numeric or alphanumeric) in the smallest
 * version that holds it at `ecLevel` — the symbol qrcode's `create` makes, module for
 * module. Throws CapacityExceededError when even version 40 is too small.
 */
export function encodeSymbol(text: string, ecLevel: EcLevel): QrSymbol {
  // As qrcode: the version is estimated from the plain split of the text, the segments
  // optimised for that version, then the smallest version that holds them taken.
  const estimate = smallestVersion(rawSegments(text), ecLevel);
  const segments = optimalSegments(text, estimate ?? 40);
  const version = smallestVersion(segments, ecLevel);
  if (version === undefined) throw new CapacityExceededError(ecLevel, utf8Length(text));

  const structure = blockStructure(version, ecLevel);
  const codewords = finalCodewords(encodeDataCodewords(segments, version, structure.dataCodewords), structure);

  const template = symbolTemplate(version);
  const { size, words, placementRowWord, placementRowBit, placementColumnWord, placementColumnBit } = template;
  const rows = template.rows.slice();
  const columns = template.columns.slice();
  // Codeword bits, most significant first, into the data modules in placement order;
  // modules left over (remainder bits, §7.7.3) stay light.
  for (let bit = 0; bit < codewords.length * 8; bit++) {
    if ((codewords[bit >>> 3]! >>> (7 - (bit & 7))) & 1) {
      rows[placementRowWord[bit]!]! |= placementRowBit[bit]!;
      columns[placementColumnWord[bit]!]! |= placementColumnBit[bit]!;
    }
  }

  const levelBits = EC_LEVEL_BITS[ecLevel];
  const masked = chooseMask(template, rows, columns, (mask) => formatInformation(levelBits, mask));
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) modules[row * size + col] = (masked.rows[row * words + (col >>> 5)]! >>> (col & 31)) & 1;
  }
  return { version, size, modules, ecLevel, mask: masked.mask };
}
