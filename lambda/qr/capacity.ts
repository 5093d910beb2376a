import type { EcLevel } from './ec-level.js';
import { countIndicatorBits, dataBits, Mode } from './segments.js';

/**
 * How a version's codewords split into error correction blocks at one level (§7.5.1,
 * table 9). Blocks of the first group hold one data codeword fewer than those of the second.
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

/**
 * Table 9, for versions 1–40 and in each the levels L, M, Q, H, one character each, its
 * code less 35: the error correction blocks, and the error correction codewords of a block.
 */
const BLOCKS =
  "$$$$$$$$$$%%$%%'$%''%'''%')(%'))%(++'(++'(+.'+-.',/3',33)-/5)-43).36)058*18<+37<+4:<,4:E,5<A-7>C/8@F/:EH/<EK0=FM1?IP2@KS3BNV4DPY5FS\\6HV_6IXb7K[e8N^i9Pam;Rdp<Tgt";
const EC_PER_BLOCK =
  '*-04-39?2=5975=3=;5953;?755=;99=A97;5=;?7A?;;9=?=9;9A;7;9;A;;?;A????A=???===?=A??=?A??A;A?AAA?AA=?AA???AA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AAA?AA';
const structures = new Map<number, BlockStructure>();

export function blockStructure(version: number, level: EcLevel): BlockStructure {
  const key = version * 4 + 'LMQH'.indexOf(level);
  let structure = structures.get(key);
  if (structure === undefined) {
    const totalCodewords = symbolCodewords(version);
    const blocks = BLOCKS.charCodeAt(key - 4) - 35;
    const dataCodewords = totalCodewords - blocks * (EC_PER_BLOCK.charCodeAt(key - 4) - 35);
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

/**
 * Codewords a symbol of `version` holds (§7.1, table 1): its modules less the function
 * patterns and the format and version information, over 8.
 */
function symbolCodewords(version: number): number {
  let bits = (16 * version + 128) * version + 64;
  if (version > 1) {
    const alignment = Math.floor(version / 7) + 2;
    bits -= (25 * alignment - 10) * alignment - 55 + (version > 6 ? 36 : 0);
  }
  return bits >>> 3;
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
