import t from 'tap';
import { H, L, M, Q } from 'qrcode/lib/core/error-correction-level.js';
import { getEncodedBits as qrcodeFormatBits } from 'qrcode/lib/core/format-info.js';
import { getEncodedBits as qrcodeVersionBits } from 'qrcode/lib/core/version.js';
import { formatInformation, versionInformation } from '../../../lambda/qr/bch.js';
import { EC_LEVEL_BITS, EC_LEVELS } from '../../../lambda/qr/ec-level.js';

t.test('format information for every level and mask is qrcode’s', async (t) => {
  for (const level of EC_LEVELS) {
    for (let mask = 0; mask < 8; mask++)
      t.equal(
        formatInformation(EC_LEVEL_BITS[level], mask),
        qrcodeFormatBits({ L, M, Q, H }[level], mask),
        `${level} mask ${mask}`,
      );
  }
  // ISO/IEC 18004 annex C's worked example: level M, mask 5 → 100000011001110.
  t.equal(formatInformation(EC_LEVEL_BITS.M, 5), 0b100000011001110);
});

t.test('version information for versions 7-40 is qrcode’s', async (t) => {
  for (let version = 7; version <= 40; version++)
    t.equal(versionInformation(version), qrcodeVersionBits(version), `version ${version}`);
  // Annex D's example: version 7 → 000111110010010100.
  t.equal(versionInformation(7), 0b000111110010010100);
});
