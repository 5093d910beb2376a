// The texts of EMV merchant-presented codes (names, cities, references): EMV's "ans" format.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { textField, type Fields } from './fields.js';

/**
 * A text of EMV's "ans" format, the characters from space to ~ (hex 20 to 7E), which is what
 * names and cities are: accents are dropped, as payment apps drop them (São Paulo reads Sao Paulo),
 * and any other character refused.
 */
export function emvTextField(fields: Fields, name: string, max: number, required = false): string | undefined {
  const given = textField(fields, name, { required, max: 200 });
  if (given === undefined) return undefined;
  const text = given.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const foreign = /[^\u0020-\u007e]/u.exec(text);
  if (foreign !== null)
    throw badRequest(
      'invalid_text',
      `'${name}' may hold only letters without accents' marks, digits, spaces and ASCII punctuation (EMV's character set), not ${describe(foreign[0])}`,
      { field: name },
    );
  if (text.length > max)
    throw badRequest('out_of_range', `'${name}' is longer than ${max} characters`, { field: name, max });
  return text;
}
