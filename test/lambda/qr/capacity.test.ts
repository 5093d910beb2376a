import t from 'tap';
import { getBlocksCount, getTotalCodewordsCount } from 'qrcode/lib/core/error-correction-code.js';
import { H, L, M, Q } from 'qrcode/lib/core/error-correction-level.js';
import { getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';
import { blockStructure } from '../../../lambda/qr/capacity.js';
import { EC_LEVELS } from '../../../lambda/qr/ec-level.js';

t.test('every version’s blocks at every level are qrcode’s', async (t) => {
  let wrong = 0;
  for (let version = 1; version <= 40; version++) {
    for (const level of EC_LEVELS) {
      const qrcodeLevel = { L, M, Q, H }[level];
      const { totalCodewords, dataCodewords, blocks, shortBlocks, shortBlockData, ecPerBlock } = blockStructure(
        version,
        level,
      );
      const expected = {
        totalCodewords: getSymbolTotalCodewords(version),
        dataCodewords: getSymbolTotalCodewords(version) - getTotalCodewordsCount(version, qrcodeLevel),
        blocks: getBlocksCount(version, qrcodeLevel),
        ecPerBlock: getTotalCodewordsCount(version, qrcodeLevel) / getBlocksCount(version, qrcodeLevel),
      };
      if (!t.same({ totalCodewords, dataCodewords, blocks, ecPerBlock }, expected, `${version}-${level}`)) wrong++;
      // The two groups of blocks hold every codeword, and differ by one data codeword.
      t.equal(
        shortBlocks * (shortBlockData + ecPerBlock) + (blocks - shortBlocks) * (shortBlockData + 1 + ecPerBlock),
        totalCodewords,
        `${version}-${level}: the blocks hold the symbol`,
      );
    }
  }
  t.equal(wrong, 0);
});

t.test('table 9’s own rows: 1-M, 5-Q, 40-H', async (t) => {
  t.match(blockStructure(1, 'M'), { totalCodewords: 26, dataCodewords: 16, blocks: 1, ecPerBlock: 10 });
  // 5-Q: two blocks of 15 data codewords, two of 16, 18 error correction codewords each.
  t.match(blockStructure(5, 'Q'), {
    totalCodewords: 134,
    blocks: 4,
    shortBlocks: 2,
    shortBlockData: 15,
    ecPerBlock: 18,
  });
  t.match(blockStructure(40, 'H'), { totalCodewords: 3706, dataCodewords: 1276, blocks: 81, ecPerBlock: 30 });
});
