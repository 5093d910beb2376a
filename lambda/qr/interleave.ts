import type { BlockStructure } from './capacity.js';
import { errorCorrectionCodewords } from './reed-solomon.js';

/**
 * The final codeword sequence (§7.6): the data codewords cut into blocks, each block's
 * error correction codewords computed, then the data codewords taken a column at a time
 * across the blocks, followed by the error correction codewords the same way; into `out`
 * when given.
 */
export function finalCodewords(
  data: Uint8Array,
  structure: BlockStructure,
  out = new Uint8Array(structure.totalCodewords),
): Uint8Array {
  const { totalCodewords, blocks, shortBlocks, shortBlockData, ecPerBlock } = structure;
  const ecStart = totalCodewords - blocks * ecPerBlock;
  let offset = 0;
  for (let b = 0; b < blocks; b++) {
    const length = b < shortBlocks ? shortBlockData : shortBlockData + 1;
    const block = data.subarray(offset, offset + length);
    offset += length;
    // Column i of the data takes one codeword from each block, the short blocks
    // sitting out the last column.
    for (let i = 0; i < length; i++) {
      out[i < shortBlockData ? i * blocks + b : shortBlockData * blocks + b - shortBlocks] = block[i]!;
    }
    const ec = errorCorrectionCodewords(block, ecPerBlock);
    for (let i = 0; i < ecPerBlock; i++) out[ecStart + i * blocks + b] = ec[i]!;
  }
  return out;
}
