// Kanji mode for a request that asks for it: the table's lookup, and the check of the text
// against it. Loaded only then (load-kanji.ts), in a chunk of its own with the table.
import { badRequest } from '../errors.js';
import type { KanjiCodes } from '../qr/kanji.js';
import { kanjiCodes, outsideKanjiText } from '../qr/kanji-codes.js';
import { JIS_X_0208 } from '../qr/kanji-table.js';

/** The characters Kanji mode holds: JIS X 0208. */
export const codes: KanjiCodes = kanjiCodes(JIS_X_0208);

/** Windows' forms of JIS characters, and what to write instead. */
const JIS_FORM_OF: Readonly<Record<string, string>> = {
  '\uff5e': '\u301c',
  '\u2225': '\u2016',
  '\uff0d': '\u2212',
  '\uffe0': '\u00a2',
  '\uffe1': '\u00a3',
  '\uffe2': '\u00ac',
};

/** How many characters a refusal names at most. */
const NAMED = 12;

const codePoint = (character: string): string =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** One character for a message: itself, its code point, and what to write instead where there is one. */
function named(character: string): string {
  const instead = JIS_FORM_OF[character];
  const halfWidth = character >= '\uff61' && character <= '\uff9f';
  const hint = instead
    ? `, Windows' form of ${instead} ${codePoint(instead)}: write that`
    : halfWidth
      ? ', half-width: write it full-width'
      : '';
  return `'${character}' (${codePoint(character)}${hint})`;
}

/**
 * The data for a code in Kanji mode, which `field` asked for: a 400 naming the characters
 * such a code cannot carry (beside JIS X 0208, only ASCII but \ and ~, which readers that
 * meet Kanji read as Shift JIS's ¥ and ‾). A secret's characters are not named, only counted.
 */
export function kanjiText(text: string, field: string, secret: boolean): string {
  const outside = outsideKanjiText(text, codes);
  if (outside.length === 0) return text;
  const why =
    'Kanji mode holds the characters of Shift JIS (JIS X 0208), and beside them a code can carry only ASCII but \\ and ~';
  if (secret) {
    const count = outside.length === 1 ? 'a character' : `${outside.length} characters`;
    throw badRequest(
      'not_shift_jis',
      `the data has ${count} a Kanji-mode code cannot carry (not named: the data holds a secret); ${why}`,
      { field },
    );
  }
  const list = outside.slice(0, NAMED).map(named).join(', ');
  const more = outside.length > NAMED ? ` and ${outside.length - NAMED} more` : '';
  throw badRequest('not_shift_jis', `the data has characters a Kanji-mode code cannot carry: ${list}${more}; ${why}`, {
    field,
    characters: outside.slice(0, NAMED),
  });
}
