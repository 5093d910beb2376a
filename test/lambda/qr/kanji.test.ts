// The Kanji table: what scripts/kanji-table.ts makes from iconv-lite, each character's code
// as encoding-japanese (a second, independent table) writes it in Shift JIS, and the 13-bit
// values of the standard's own examples.
import t from 'tap';
import Encoding from 'encoding-japanese';
import { JIS_X_0208 } from '../../../lambda/qr/kanji-table.js';
import { kanjiShiftJis } from '../../../lambda/qr/kanji.js';
import { kanjiCodes, kanjiValue, outsideKanjiText } from '../../../lambda/qr/kanji-codes.js';
import { kanjiTableData } from '../../../scripts/kanji-table.js';

const codes = kanjiCodes(JIS_X_0208);
const characters = JIS_X_0208.flatMap(([, run]) => [...run]);

/** encoding-japanese's Shift JIS for one character, as a number, or undefined where it has no double-byte code. */
function shiftJisOf(character: string): number | undefined {
  const bytes = Encoding.convert(Encoding.stringToCode(character), { to: 'SJIS', from: 'UNICODE' });
  return bytes.length === 2 ? (bytes[0]! << 8) | bytes[1]! : undefined;
}

t.test('the committed table is what scripts/kanji-table.ts makes', async (t) => {
  t.same(JIS_X_0208, kanjiTableData());
});

t.test('JIS X 0208 but its backslash: 6878 characters, each once', async (t) => {
  t.equal(characters.length, 6878);
  t.equal(new Set(characters).size, characters.length);
  t.ok(
    characters.every((character) => character.length === 1 && character.charCodeAt(0) >= 0x80),
    'one UTF-16 unit each, none of them ASCII',
  );
});

t.test("every character's Shift JIS code is encoding-japanese's", async (t) => {
  const differ = characters.filter(
    (character) => kanjiShiftJis(codes.value(character.charCodeAt(0))!) !== shiftJisOf(character),
  );
  t.same(differ, []);
});

t.test("the wave dash and its kin: JIS's characters, not Windows'", async (t) => {
  for (const [jis, windows] of [
    ['〜', '～'],
    ['‖', '∥'],
    ['−', '－'],
    ['¢', '￠'],
    ['£', '￡'],
    ['¬', '￢'],
  ]) {
    t.not(codes.value(jis!.charCodeAt(0)), undefined, `${jis} is in Kanji mode`);
    t.equal(codes.value(windows!.charCodeAt(0)), undefined, `${windows} is not`);
  }
  t.equal(codes.value('＼'.charCodeAt(0)), undefined, '0x815F, which readers read as \\ or ＼, is not');
  t.equal(codes.value('①'.charCodeAt(0)), undefined, "NEC's row 13 is not");
  t.equal(codes.value('ｱ'.charCodeAt(0)), undefined, 'half-width katakana are single bytes in Shift JIS');
});

t.test("13-bit values: the standard's examples, both ranges' ends, and back", async (t) => {
  // ISO/IEC 18004 §7.4.6: 点 0x935F → 0xD9F, 茗 0xE4AA → 0x1AAA.
  t.equal(kanjiValue(0x935f), 0xd9f);
  t.equal(kanjiValue(0xe4aa), 0x1aaa);
  t.equal(codes.value('点'.charCodeAt(0)), 0xd9f);
  t.equal(codes.value('茗'.charCodeAt(0)), 0x1aaa);
  t.equal(kanjiValue(0x8140), 0);
  t.equal(kanjiValue(0x9ffc), 5948);
  t.equal(kanjiValue(0xe040), 5952);
  t.equal(kanjiValue(0xebbf), 0x1fff, 'the last code takes all 13 bits');
  for (let lead = 0x81; lead <= 0xeb; lead++) {
    if (lead >= 0xa0 && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const code = (lead << 8) | trail;
      if (trail === 0x7f || code > 0xebbf) continue;
      if (kanjiShiftJis(kanjiValue(code)) !== code) t.fail(`0x${code.toString(16)} does not come back`);
    }
  }
});

t.test('what a Kanji code cannot carry: beside JIS X 0208, only ASCII but \\ and ~', async (t) => {
  t.same(outsideKanjiText('東京タワー、333m。Tokyo Tower: 1958!', codes), []);
  t.same(outsideKanjiText('ＡＢＣ ①② ｱｲ café 😀 ～ 丂 \\ ~ ①', codes), [
    '①',
    '②',
    'ｱ',
    'ｲ',
    'é',
    '😀',
    '～',
    '丂',
    '\\',
    '~',
  ]);
  t.same(outsideKanjiText('〜‖−¢£¬ ○♪─ αЖ', codes), [], "JIS's forms, its symbols, Greek and Cyrillic");
});
