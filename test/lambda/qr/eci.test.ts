// ECI 26 (UTF-8) in front of the byte data: its 12 bits counted where the version is chosen,
// present only when asked for and only before byte data, and read by two decoders that share no
// code: ZXing reports it and jsQR lists it among the segments, and both read the text back.
import t from 'tap';
import { blockStructure } from '../../../lambda/qr/capacity.js';
import { ECI_BITS, encodeDataCodewords } from '../../../lambda/qr/data-codewords.js';
import { CapacityExceededError } from '../../../lambda/qr/errors.js';
import { kanjiCodes } from '../../../lambda/qr/kanji-codes.js';
import { JIS_X_0208 } from '../../../lambda/qr/kanji-table.js';
import { Mode } from '../../../lambda/qr/segments.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import { readWithJsQr, symbolImage } from '../../helpers/symbol-image.js';

t.test(
  'the stream starts 0111 00011010: the ECI mode indicator and designator 26, then the byte segment',
  async (t) => {
    const segments = [{ mode: Mode.Byte, text: 'é', length: 2 }];
    const data = encodeDataCodewords(segments, 1, blockStructure(1, 'L').dataCodewords, { eci: true });
    // 0111 0001 | 1010 0100 | 0000 0010 | 1100 0011 | 1010 1001 | 0000 (terminator) ...
    t.same([...data.subarray(0, 6)], [0x71, 0xa4, 0x02, 0xc3, 0xa9, 0x00]);
    t.equal(ECI_BITS, 12);
    const plain = encodeDataCodewords(segments, 1, blockStructure(1, 'L').dataCodewords);
    t.same([...plain.subarray(0, 3)], [0x40, 0x2c, 0x3a], 'without it: 0100, count 2, the bytes');
  },
);

t.test('ZXing and jsQR see the ECI only when asked for, and read the text back either way', async (t) => {
  for (const text of ['café ünï', 'https://例え.jp/?q=🎉', 'Grüße, 世界', 'a'.repeat(300)]) {
    for (const eci of [false, true]) {
      const symbol = encodeSymbol(text, 'M', { eci });
      const zxing = await decodeQr(symbolImage(symbol));
      const js = readWithJsQr(symbolImage(symbol));
      t.equal(zxing.hasEci, eci, `ZXing: ECI ${eci ? 'present' : 'absent'} in ${JSON.stringify(text.slice(0, 20))}`);
      t.equal(js.segments[0], eci ? 'eci 26' : 'byte', `jsQR: ${js.segments.join(', ')}`);
      t.equal(zxing.text, text);
      t.equal(js.text, text);
      t.same(zxing.bytes, Buffer.from(text, 'utf8'), 'the bytes are the UTF-8 of the text');
    }
  }
});

t.test('its 12 bits count: a text that fills a version without it needs the next with it', async (t) => {
  // 1-L: 19 data codewords, 152 bits. 17 bytes take 4 + 8 + 136 = 148; with the ECI, 160.
  t.equal(encodeSymbol('a'.repeat(17), 'L').version, 1);
  t.equal(encodeSymbol('a'.repeat(17), 'L', { eci: true }).version, 2);
  t.equal(encodeSymbol('a'.repeat(16), 'L', { eci: true }).version, 1, '16 bytes: 12 + 4 + 8 + 128 = 152, exactly 1-L');
  // 40-L: 2956 data codewords, 23648 bits; a byte segment's count takes 16 bits there.
  t.equal(encodeSymbol('a'.repeat(2953), 'L').version, 40);
  t.throws(() => encodeSymbol('a'.repeat(2953), 'L', { eci: true }), CapacityExceededError);
  t.equal(encodeSymbol('a'.repeat(2952), 'L', { eci: true }).version, 40, '2952 bytes and the ECI fill 40-L');
});

t.test('16 bytes and the ECI fill version 1-L to the last bit, and still read', async (t) => {
  const text = 'Grüße café ok';
  t.equal(Buffer.byteLength(text), 16);
  const symbol = encodeSymbol(text, 'L', { eci: true });
  t.equal(symbol.version, 1);
  const zxing = await decodeQr(symbolImage(symbol));
  t.equal(zxing.text, text);
  t.ok(zxing.hasEci);
});

t.test('no byte data, nothing to declare: digits, upper case and Kanji codes are the same with it', async (t) => {
  const kanji = kanjiCodes(JIS_X_0208);
  for (const [text, encoding] of [
    ['0123456789', {}],
    ['HTTPS://EXAMPLE.COM/ABC', {}],
    ['東京都渋谷区123', { kanji }],
  ] as const) {
    const without = encodeSymbol(text, 'L', encoding);
    const withIt = encodeSymbol(text, 'L', { ...encoding, eci: true });
    t.same(withIt.modules, without.modules, text);
    t.notOk((await decodeQr(symbolImage(withIt))).hasEci);
  }
});
