import t from 'tap';
import ReedSolomonEncoder from 'qrcode/lib/core/reed-solomon-encoder.js';
import { errorCorrectionCodewords } from '../../../lambda/qr/reed-solomon.js';

/** A small seeded generator, so a failure names data that can be replayed. */
function bytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

t.test('every degree the tables use (7-30), on random blocks and on zeros, gives qrcode’s codewords', async (t) => {
  for (let degree = 7; degree <= 30; degree++) {
    const encoder = new ReedSolomonEncoder(degree);
    for (const data of [bytes(degree, 19), bytes(degree * 31, 123), new Uint8Array(16), Uint8Array.of(0, 0, 1)]) {
      t.same(
        errorCorrectionCodewords(data, degree),
        encoder.encode(data),
        `degree ${degree}, ${data.length} codewords`,
      );
    }
  }
});

t.test('ISO/IEC 18004 annex I: "01234567" at 1-M', async (t) => {
  const data = Uint8Array.of(
    0x10,
    0x20,
    0x0c,
    0x56,
    0x61,
    0x80,
    0xec,
    0x11,
    0xec,
    0x11,
    0xec,
    0x11,
    0xec,
    0x11,
    0xec,
    0x11,
  );
  t.same([...errorCorrectionCodewords(data, 10)], [0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
});
