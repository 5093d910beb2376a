// ISO 11649 structured creditor references: RF, two check digits (ISO 7064 MOD 97-10), and up
// to 21 letters and digits of the creditor's own reference.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { mod97Valid } from './check-digits.js';
import { textField, type Fields } from './fields.js';

/** An RF reference as printed (groups of four, lower case) in its electronic form: upper case, no spaces. */
export function creditorReferenceField(fields: Fields, name: string): string | undefined {
  const given = textField(fields, name, { max: 35 });
  if (given === undefined) return undefined;
  const reference = given.replace(/ /g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(reference))
    throw badRequest(
      'invalid_value',
      `'${name}' must be an ISO 11649 creditor reference: RF, two check digits and 1 to 21 letters or digits, such as RF18 5390 0754 7034, not ${describe(given)}`,
      { field: name },
    );
  if (!mod97Valid(reference))
    throw badRequest(
      'invalid_value',
      `'${name}' has wrong check digits (ISO 11649): a character is mistyped, not ${describe(given)}`,
      { field: name },
    );
  return reference;
}
