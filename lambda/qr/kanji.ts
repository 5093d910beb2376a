/**
 * Kanji mode (ISO/IEC 18004 §7.4.6): a JIS X 0208 character, by its Shift JIS code in
 * 0x8140–0x9FFC or 0xE040–0xEBBF, in 13 bits, against the 16 to 24 of its UTF-8 bytes.
 * The table (23 kB) lives in a module of its own, which the bundle loads only when a
 * request asks for Kanji.
 */

/** The characters Kanji mode holds, from the table. */
export interface KanjiCodes {
  /** The 13-bit Kanji-mode value of a UTF-16 code unit, or undefined where Kanji mode does not hold it. */
  value(code: number): number | undefined;
}

/** The 13-bit value of a Shift JIS code in Kanji mode's ranges (§7.4.6): (first byte × 0xC0) + second, after the shift. */
export function kanjiValue(shiftJis: number): number {
  const shifted = shiftJis - (shiftJis <= 0x9ffc ? 0x8140 : 0xc140);
  return (shifted >>> 8) * 0xc0 + (shifted & 0xff);
}

/** The Shift JIS code of a 13-bit Kanji-mode value: kanjiValue undone. */
export function kanjiShiftJis(value: number): number {
  const shifted = (Math.floor(value / 0xc0) << 8) | (value % 0xc0);
  return shifted + (shifted + 0x8140 <= 0x9ffc ? 0x8140 : 0xc140);
}

/** The lookup, from the table's runs of consecutive codes (lambda/qr/kanji-table.ts). */
export function kanjiCodes(jisX0208: readonly (readonly [number, string])[]): KanjiCodes {
  const values = new Map<number, number>();
  for (const [first, characters] of jisX0208) {
    for (let i = 0; i < characters.length; i++) values.set(characters.charCodeAt(i), kanjiValue(first + i));
  }
  return { value: (code) => values.get(code) };
}

/**
 * The characters of `text` a code with Kanji segments cannot carry, each once: readers
 * that meet a Kanji segment read the byte segments beside it as Shift JIS too (ZBar does),
 * so beside JIS X 0208 only ASCII reads back as it went in, and of ASCII not \ and ~,
 * which Shift JIS has as ¥ and ‾.
 */
export function outsideKanjiText(text: string, kanji: KanjiCodes): string[] {
  const outside = new Set<string>();
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const carried = code < 0x80 ? code !== 0x5c && code !== 0x7e : kanji.value(code) !== undefined;
    if (!carried) outside.add(character);
  }
  return [...outside];
}

let loaded: Promise<KanjiCodes> | undefined;

/** The table's lookup, loaded on first use. */
export const loadKanjiCodes = (): Promise<KanjiCodes> =>
  (loaded ??= import('./kanji-table.js').then((table) => kanjiCodes(table.JIS_X_0208)));
