// The characters a Swiss QR-bill holds: since the Swiss Payment Standards 2025 (the Swiss
// Implementation Guidelines for the QR-bill, version 2.3, in force from November 2025), the
// printable characters of Unicode's Basic Latin (U+0020 to U+007E), Latin-1 Supplement (U+00A0
// to U+00FF) and Latin Extended-A (U+0100 to U+017F), the Romanian Ș ș Ț ț (U+0218 to U+021B)
// and the euro sign, in UTF-8 (coding type 1).
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { textField, type Fields } from './fields.js';

const OUTSIDE = /[^\u0020-\u007e\u00a0-\u017f\u0218-\u021b\u20ac]/u;

/**
 * A text field of the QR-bill: at most `max` characters of its set, on one line (a line break
 * would end the element). Composed to NFC first, so an é typed as e and a combining accent is the
 * one character the set has.
 */
export function swissTextField(fields: Fields, name: string, max: number, required = false): string | undefined {
  const given = textField(fields, name, { required, max: max * 2 });
  if (given === undefined) return undefined;
  const text = given.normalize('NFC');
  const foreign = OUTSIDE.exec(text);
  if (foreign !== null)
    throw badRequest(
      'invalid_text',
      `'${name}' may hold only the QR-bill's Latin characters (letters with their accents, digits, punctuation, €), not ${describe(foreign[0])}`,
      { field: name },
    );
  if (text.length > max)
    throw badRequest('out_of_range', `'${name}' is longer than ${max} characters`, { field: name, max });
  return text;
}
