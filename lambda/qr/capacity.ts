import { getBlocksCount, getTotalCodewordsCount } from 'qrcode/lib/core/error-correction-code.js';
import { H, L, M, Q } from 'qrcode/lib/core/error-correction-level.js';
import { getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';
import type { EcLevel } from './ec-level.js';
import { countIndicatorBits, dataBits, Mode } from './segments.js';

/**
 * How a version's codewords split into error correction blocks at one level (§7.5.1,
 * table 9). The counts come from qrcode's tables; blocks of the first group hold one
 * data codeword fewer than those of the second.
 */
export interface BlockStructure {
  readonly totalCodewords: number;
  readonly dataCodewords: number;
  readonly blocks: number;
  /** Blocks in the first group, each holding `shortBlockData` data codewords. */
  readonly shortBlocks: number;
  readonly shortBlockData: number;
  /** Error correction codewords in every block. */
  readonly ecPerBlock: number;
}

const QRCODE_LEVELS = { L, M, Q, H } as const;
const structures = new Map<number, BlockStructure>();

export function blockStructure(version: number, level: EcLevel): BlockStructure {
  const key = version * 4 + 'LMQH'.indexOf(level);
  let structure = structures.get(key);
  if (structure === undefined) {
    const qrcodeLevel = QRCODE_LEVELS[level];
    const totalCodewords = getSymbolTotalCodewords(version);
    const dataCodewords = totalCodewords - getTotalCodewordsCount(version, qrcodeLevel);
    const blocks = getBlocksCount(version, qrcodeLevel);
    const shortBlockData = Math.floor(dataCodewords / blocks);
    structure = {
      totalCodewords,
      dataCodewords,
      blocks,
      shortBlocks: blocks - (totalCodewords % blocks),
      shortBlockData,
      ecPerBlock: Math.floor(totalCodewords / blocks) - shortBlockData,
    };
    structures.set(key, structure);
  }
  return structure;
}

/** Bits of data a symbol holds (§7.4.10, table 7). */
export const dataBitCapacity = (version: number, level: EcLevel): number =>
  blockStructure(version, level).dataCodewords * 8;

/** Modules across a symbol of `version` (§5.3.1). */
export const symbolSize = (version: number): number => version * 4 + 17;

/** What the largest symbol, version 40, holds at a level in one segment of each mode. */
export interface MaxCapacity {
  readonly bytes: number;
  readonly alphanumeric: number;
  readonly digits: number;
}

/** The longest text of `mode` whose segment (indicator, count and data) fits `bits`. */
function longestFitting(mode: Mode, version: number, bits: number): number {
  const fits = (length: number): boolean => 4 + countIndicatorBits(mode, version) + dataBits(mode, length) <= bits;
  let low = 0;
  let high = bits;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Version 40's capacity at `level` (§7.4.10, table 7), from its data bits. */
export function maxCapacity(level: EcLevel): MaxCapacity {
  const bits = dataBitCapacity(40, level);
  return {
    bytes: longestFitting(Mode.Byte, 40, bits),
    alphanumeric: longestFitting(Mode.Alphanumeric, 40, bits),
    digits: longestFitting(Mode.Numeric, 40, bits),
  };
}
