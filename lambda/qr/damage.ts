import { blockStructure } from './capacity.js';
import type { EcLevel } from './ec-level.js';
import { symbolTemplate } from './template.js';

/** One Reed–Solomon block: how many of its codewords read wrong, and how many it can correct. */
export interface BlockDamage {
  readonly block: number;
  readonly wrong: number;
  readonly capacity: number;
}

/** What a set of modules that read wrong does to a symbol. */
export interface Damage {
  /** Every block, in order. */
  readonly blocks: readonly BlockDamage[];
  /** Function modules (finder, separator, timing, alignment, format, version) that read wrong: any is fatal. */
  readonly functionModules: number;
  /** The worst block's wrong codewords as a share of what it can correct (0 when none is wrong). */
  readonly worstShare: number;
  /** That block. */
  readonly worst: BlockDamage;
}

/**
 * Misdecode protection codewords (ISO/IEC 18004:2015, table 9, note b): in the smallest
 * versions some error correction codewords guard against misreading and correct nothing.
 */
const MISDECODE_PROTECTION: Readonly<Record<string, number>> = { '1L': 3, '1M': 2, '1Q': 1, '1H': 1, '2L': 2, '3L': 1 };

/** How many wrong codewords one block of a version and level can correct: (ec − p) / 2. */
export function correctableCodewords(version: number, ecLevel: EcLevel): number {
  const { ecPerBlock } = blockStructure(version, ecLevel);
  return Math.floor((ecPerBlock - (MISDECODE_PROTECTION[`${version}${ecLevel}`] ?? 0)) / 2);
}

const bitIndexes = new Map<number, Int32Array>();

/** For each module (row * size + col), the bit of the codeword sequence it holds, or -1 for a function module. */
function bitIndexOf(version: number): Int32Array {
  let index = bitIndexes.get(version);
  if (index === undefined) {
    const { size, placement } = symbolTemplate(version);
    index = new Int32Array(size * size).fill(-1);
    for (let bit = 0; bit < placement.length; bit++) index[placement[bit]!] = bit;
    bitIndexes.set(version, index);
  }
  return index;
}

/**
 * Which codewords of which blocks the `wrong` modules (row * size + col) spoil, through the
 * placement (§7.7.3) and the interleaving (§7.6) of a symbol of `version` at `ecLevel`.
 * Remainder bits belong to no codeword and spoil nothing.
 */
export function damageOf(version: number, ecLevel: EcLevel, wrong: Iterable<number>): Damage {
  const { totalCodewords, dataCodewords, blocks, shortBlocks, shortBlockData } = blockStructure(version, ecLevel);
  const index = bitIndexOf(version);
  const spoilt = new Set<number>();
  let functionModules = 0;
  for (const module of wrong) {
    const bit = index[module]!;
    if (bit < 0) functionModules++;
    else if (bit >>> 3 < totalCodewords) spoilt.add(bit >>> 3);
  }
  const counts = new Array<number>(blocks).fill(0);
  for (const codeword of spoilt) {
    const block =
      codeword >= dataCodewords
        ? (codeword - dataCodewords) % blocks
        : codeword < shortBlockData * blocks
          ? codeword % blocks
          : shortBlocks + codeword - shortBlockData * blocks;
    counts[block]!++;
  }
  const capacity = correctableCodewords(version, ecLevel);
  const damage = counts.map((count, block) => ({ block, wrong: count, capacity }));
  const worst = damage.reduce((a, b) => (b.wrong > a.wrong ? b : a));
  return { blocks: damage, functionModules, worstShare: worst.wrong / capacity, worst };
}
