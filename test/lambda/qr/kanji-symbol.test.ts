// Kanji mode in whole symbols. The oracle is qrcode given encoding-japanese's Shift JIS as
// its toSJISFunc (qrcode keeps that function for the rest of the process, so this file
// compares nothing without it): on text of the characters both Kanji modes take, every
// symbol is qrcode's, module for module, but where qrcode writes a run of Kanji as bytes,
// which this encoder never does (a reader would read those bytes as Shift JIS). Then two decoders that share no code, ZXing and
// jsQR, read each kind of text back exactly, and the bytes they hand over are the symbol's
// content (lambda/qr/content.ts: UTF-8, and Shift JIS for Kanji).
import t from 'tap';
import { deepStrictEqual } from 'node:assert';
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { create } from 'qrcode/lib/core/qrcode.js';
import { testKanji } from 'qrcode/lib/core/regex.js';
import { fromString } from 'qrcode/lib/core/segments.js';
import { CapacityExceededError } from '../../../lambda/qr/errors.js';
import { EC_LEVELS, type EcLevel } from '../../../lambda/qr/ec-level.js';
import { JIS_X_0208 } from '../../../lambda/qr/kanji-table.js';
import { kanjiCodes } from '../../../lambda/qr/kanji-codes.js';
import { dataBits, minimumDataBits, Mode, optimalSegments } from '../../../lambda/qr/segments.js';
import { ourSegments, theirSegments } from '../../helpers/segments-oracle.js';
import { symbolContent } from '../../../lambda/qr/content.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import { readWithJsQr, symbolImage } from '../../helpers/symbol-image.js';

const kanji = kanjiCodes(JIS_X_0208);

/** encoding-japanese's Shift JIS code of a character (qrcode asks only for those of its Kanji pattern). */
function toSJIS(character: string): number {
  const bytes = Encoding.convert(Encoding.stringToCode(character), { to: 'SJIS', from: 'UNICODE' });
  if (bytes.length !== 2) throw new Error(`${character}: no double-byte Shift JIS code`);
  return (bytes[0]! << 8) | bytes[1]!;
}

const JIS = JIS_X_0208.flatMap(([, run]) => [...run]);
/** JIS X 0208's characters qrcode's Kanji mode takes too: kana, kanji, full-width forms, Greek, Cyrillic, punctuation. */
const SHARED = JIS.filter((character) => testKanji(character));
/** JIS X 0208's other symbols: Kanji here, bytes in qrcode. */
const JIS_ONLY = JIS.filter((character) => !testKanji(character));
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => c !== '\\' && c !== '~');

/** Text of runs of Kanji characters, digits, upper-case alphanumerics and other ASCII: every mode and its mixtures. */
const kanjiText = (maxRuns: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.array(fc.constantFrom(...SHARED), { minLength: 1, maxLength: 40 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 12 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...'ABCXYZ $%*+-./:'), { minLength: 1, maxLength: 10 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...ASCII, '\n'), { minLength: 1, maxLength: 10 }) },
      ),
      { minLength: 1, maxLength: maxRuns, size: 'max' },
    )
    .map((runs) => runs.flat().join(''));

/** qrcode's segments of a symbol, as `create` leaves them on it. */
type TheirSegments = { mode: { id: string }; data: string | Uint8Array }[];

/** Whether qrcode wrote a character of a Kanji run as bytes: non-ASCII in a byte segment. */
const kanjiAsBytes = (segments: TheirSegments): boolean =>
  segments.some((segment) => segment.mode.id === 'Byte' && Buffer.from(segment.data).some((byte) => byte >= 0x80));

/** qrcode's symbol, module for module ('same'), or 'bytes' where qrcode wrote Kanji as bytes and this did not. */
function compareWithQrcode(text: string, level: EcLevel): 'same' | 'bytes' | 'differs' {
  let theirs: ReturnType<typeof create>;
  try {
    theirs = create(text, { errorCorrectionLevel: level, toSJISFunc: toSJIS });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('too big')) throw error;
    try {
      encodeSymbol(text, level, { kanji });
    } catch (ours) {
      return ours instanceof CapacityExceededError ? 'same' : 'differs';
    }
    return 'differs';
  }
  const ours = encodeSymbol(text, level, { kanji });
  if (kanjiAsBytes((theirs as unknown as { segments: TheirSegments }).segments)) {
    const bytes = ours.segments.filter((segment) => segment.mode === Mode.Byte);
    return bytes.every((segment) => /^[\x00-\x7f]*$/.test(segment.text)) ? 'bytes' : 'differs';
  }
  return ours.version === theirs.version &&
    ours.mask === theirs.maskPattern &&
    Buffer.from(ours.modules).equals(Buffer.from(theirs.modules.data))
    ? 'same'
    : 'differs';
}

t.test('random texts of Kanji, digits, upper case and ASCII at every level are qrcode’s symbols', async (t) => {
  const versions = new Set<number>();
  const outcomes = { same: 0, bytes: 0 };
  fc.assert(
    fc.property(fc.oneof(kanjiText(8), kanjiText(40), kanjiText(160)), fc.constantFrom(...EC_LEVELS), (text, level) => {
      const outcome = compareWithQrcode(text, level);
      if (outcome === 'differs') throw new Error(`${level} ${JSON.stringify(text)}`);
      outcomes[outcome]++;
      try {
        versions.add(encodeSymbol(text, level, { kanji }).version);
      } catch {}
    }),
    { seed: 3108, numRuns: 120 },
  );
  t.ok(versions.size >= 25, `${versions.size} versions drawn`);
  t.ok(
    outcomes.same > 80,
    `${outcomes.same} the same; ${outcomes.bytes} where qrcode wrote Kanji as bytes, this Kanji`,
  );
});

t.test('split as qrcode splits, at versions from each count-indicator range', async (t) => {
  const theirs = theirSegments;
  const ours = (text: string, version: number) => ourSegments(text, version, kanji);
  let compared = 0;
  fc.assert(
    fc.property(kanjiText(12), fc.constantFrom(1, 9, 10, 26, 27, 40), (text, version) => {
      const expected = theirs(text, version);
      // Where qrcode writes Kanji as bytes, this writes Kanji: the symbol test above checks those.
      if (expected.some((s) => s.mode === 'Byte' && /[^\x00-\x7f]/.test(s.text))) return;
      compared++;
      deepStrictEqual(ours(text, version), expected);
    }),
    { seed: 3109, numRuns: 1500 },
  );
  t.ok(compared > 1000, `${compared} of 1500 texts compared`);
});

t.test(
  'capacity: 1817 Kanji fill version 40-L and 784 version 40-H, one more fits neither, as in qrcode',
  async (t) => {
    const run = (n: number) => Array.from({ length: n }, (_, i) => SHARED[(i * 37) % SHARED.length]).join('');
    t.equal(encodeSymbol(run(1817), 'L', { kanji }).version, 40);
    t.throws(() => encodeSymbol(run(1818), 'L', { kanji }), CapacityExceededError);
    t.equal(encodeSymbol(run(784), 'H', { kanji }).version, 40);
    t.throws(() => encodeSymbol(run(785), 'H', { kanji }), CapacityExceededError);
    for (const [n, level] of [
      [1817, 'L'],
      [1818, 'L'],
      [784, 'H'],
      [785, 'H'],
    ] as const)
      t.equal(compareWithQrcode(run(n), level), 'same', `${n} at ${level}: the same as qrcode`);
  },
);

t.test('Kanji saves versions: Japanese text, in bytes and in Kanji', async (t) => {
  // docs/api.md shows these.
  const address = '東京都渋谷区神宮前一丁目';
  t.equal(encodeSymbol(address, 'L').version, 3, '36 bytes of UTF-8');
  t.equal(encodeSymbol(address, 'L', { kanji }).version, 2, '12 characters of 13 bits');
  const novel =
    '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';
  t.equal(encodeSymbol(novel, 'L').version, 9, '207 bytes of UTF-8');
  t.equal(encodeSymbol(novel, 'L', { kanji }).version, 6, '69 characters of 13 bits');
  t.equal(encodeSymbol(novel, 'H').version, 15);
  t.equal(encodeSymbol(novel, 'H', { kanji }).version, 10);
});

t.test("JIS X 0208's other symbols are Kanji here, where qrcode writes them as bytes", async (t) => {
  t.equal(JIS_ONLY.length, 96, '○, ♪, box drawing and the like, and JIS’s ‖ − ¢ £ ¬');
  const text = JIS_ONLY.join('');
  t.same(
    optimalSegments(text, 10, kanji).map((segment) => segment.mode),
    [Mode.Kanji],
  );
  const symbol = encodeSymbol(text, 'M', { kanji });
  const zxing = await decodeQr(symbolImage(symbol));
  t.equal(zxing.text, text, 'ZXing reads them back');
  t.equal(readWithJsQr(symbolImage(symbol)).text, text, 'jsQR reads them back');
});

t.test('ZXing and jsQR read Kanji, mixed and plain texts back exactly, and hand over the content', async (t) => {
  const texts = [
    '東京都渋谷区神宮前一丁目',
    'こんにちは、世界！QRコードのテストです。',
    'ＡＢＣ αβγ АБВ 〜‖−¢£¬ ○♪─',
    'https://example.jp/?q=日本語&n=12345',
    '例1例1例1例1例1例1',
    ...fc.sample(kanjiText(20), { seed: 3110, numRuns: 12 }),
  ];
  for (const text of texts) {
    const symbol = encodeSymbol(text, 'M', { kanji });
    const image = symbolImage(symbol);
    const zxing = await decodeQr(image);
    const js = readWithJsQr(image);
    t.equal(zxing.text, text, `ZXing: ${text}`);
    t.equal(js.text, text, `jsQR: ${text}`);
    const content = symbolContent(symbol.segments, kanji);
    t.same([zxing.bytes, js.bytes], [content, content], 'the bytes handed over are the content');
  }
});

t.test('a run of Kanji is never bytes, even where bytes would be shorter, as in qrcode', async (t) => {
  const text = '例1例1例1例1例1例1';
  t.same(
    fromString(text, 1).map((segment) => segment.mode.id),
    ['Byte'],
    'qrcode: one byte segment, 24 bits a kanji',
  );
  t.same(
    optimalSegments(text, 1, kanji).map((segment) => segment.mode),
    Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? Mode.Kanji : Mode.Numeric)),
    'here: Kanji and digits, which a reader that reads bytes beside Kanji as Shift JIS reads back',
  );
  t.same(
    optimalSegments('αβ', 1, kanji).map((segment) => segment.mode),
    [Mode.Kanji],
    'Greek in Kanji, though its UTF-8 is only 16 bits a letter',
  );
});

t.test('without Kanji codes nothing is Kanji: the content is the UTF-8 of the text', async (t) => {
  const symbol = encodeSymbol('東京 Tokyo', 'L');
  t.same(symbolContent(symbol.segments, undefined), Buffer.from('東京 Tokyo', 'utf8'));
  t.same(
    optimalSegments('東京 Tokyo', 1).map((segment) => segment.mode),
    [Mode.Byte],
  );
});

t.test('the lower bound on data bits holds with Kanji too', async (t) => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('0', 'A', 'a', 'é', '例', 'あ', '♪', '🎉'), minLength: 1, maxLength: 200 }),
      fc.integer({ min: 1, max: 40 }),
      (text, version) => {
        const exact = optimalSegments(text, version, kanji).reduce((sum, s) => sum + dataBits(s.mode, s.length), 0);
        if (minimumDataBits(text, Infinity, kanji) > exact) throw new Error(`${JSON.stringify(text)}: bound too high`);
      },
    ),
    { seed: 3111, numRuns: 1000 },
  );
  t.equal(minimumDataBits('例例', Infinity, kanji), 26, 'a Kanji character: 13 bits');
  t.equal(minimumDataBits('例例'), 48, 'without Kanji codes: its 3 bytes');
});
