// IBANs (ISO 13616) of the SEPA countries and territories, with each country's length as the
// IBAN registry gives it, and their check digits (ISO 7064 MOD 97-10).
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { mod97Valid } from './check-digits.js';
import { textField, type Fields } from './fields.js';

/**
 * The IBAN length of each country in the SEPA schemes' geographical scope (EPC409-09): the EU,
 * the EEA, Switzerland, the United Kingdom, and the microstates and new members with IBANs of
 * their own. Overseas territories, the Channel Islands and the Isle of Man use FR's and GB's.
 */
// biome-ignore format: a table, ten countries a line
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18,
  EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22,
  IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19,
  MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24,
  SM: 27, VA: 22,
};

/**
 * An IBAN as people write it (groups of four, lower case) in its electronic form: upper case,
 * no spaces. Refused unless it is of a SEPA country, of that country's length, and its check
 * digits hold. `countries` narrows the countries taken (a Swiss QR-bill's CH and LI).
 */
export function ibanField(
  fields: Fields,
  name: string,
  countries: readonly string[] = Object.keys(SEPA_IBAN_LENGTHS),
): string {
  const given = textField(fields, name, { required: true, max: 50 })!;
  const iban = given.replace(/ /g, '').toUpperCase();
  const refuse = (why: string) =>
    badRequest('invalid_value', `'${name}' ${why}, not ${describe(given)}`, { field: name });
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) throw refuse('must be an IBAN such as BE72 0000 0000 1616');
  const country = iban.slice(0, 2);
  const length = SEPA_IBAN_LENGTHS[country];
  if (length === undefined || !countries.includes(country))
    throw refuse(`must be an IBAN of ${countries.length > 2 ? 'a SEPA country' : countries.join(' or ')}`);
  if (iban.length !== length) throw refuse(`must have ${length} characters, as every ${country} IBAN has`);
  if (!mod97Valid(iban)) throw refuse('has wrong check digits (ISO 13616): a character is mistyped');
  return iban;
}
