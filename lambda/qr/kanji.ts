/**
 * Kanji mode (ISO/IEC 18004 §7.4.6): a JIS X 0208 character, by its Shift JIS code in
 * 0x8140–0x9FFC or 0xE040–0xEBBF, in 13 bits, against the 16 to 24 of its UTF-8 bytes.
 * The table and what is made of it (kanji-codes.ts) load only when a request asks for Kanji.
 */

/** The characters Kanji mode holds. */
export interface KanjiCodes {
  /** The 13-bit Kanji-mode value of a UTF-16 code unit, or undefined where Kanji mode does not hold it. */
  value(code: number): number | undefined;
}

/** The Shift JIS code of a 13-bit Kanji-mode value (kanjiValue undone). */
export function kanjiShiftJis(value: number): number {
  const shifted = (Math.floor(value / 0xc0) << 8) | (value % 0xc0);
  return shifted + (shifted + 0x8140 <= 0x9ffc ? 0x8140 : 0xc140);
}
