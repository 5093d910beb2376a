// Kanji mode's table made into a lookup, and what a code with Kanji segments can carry:
// loaded with the table, only when a request asks for Kanji.
import type { KanjiCodes } from './kanji.js';

/** The 13-bit value of a Shift JIS code in Kanji mode's ranges (§7.4.6): (first byte × 0xC0) + second, after the shift. */
export function kanjiValue(shiftJis: number): number {
  const shifted = shiftJis - (shiftJis <= 0x9ffc ? 0x8140 : 0xc140);
  return (shifted >>> 8) * 0xc0 + (shifted & 0xff);
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
