// A structured address of the Swiss QR-bill (address type S, the only one since version 2.3 of
// the guidelines): name (70), street (70), building number (16), postcode (16), town (35), and
// the country as its ISO 3166-1 two-letter code. Name, postcode, town and country are required.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { objectField } from '../input/object.js';
import { numberField, type Fields } from './fields.js';
import { swissTextField } from './swiss-text.js';

export const ADDRESS_FIELDS = ['name', 'street', 'number', 'postcode', 'town', 'country'] as const;

/** The seven elements of an address in the QR code's order: type S, then its fields, an absent one empty. */
export type SwissAddress = readonly [string, string, string, string, string, string, string];

/** No address: seven empty elements (the ultimate creditor's, kept for future use; a debtor left out). */
export const NO_ADDRESS: SwissAddress = ['', '', '', '', '', '', ''];

/** A building number or a postcode, which JSON may give as a whole number (7, 8001): its digits. */
function digitsOrText(fields: Fields, name: string, max: number, required = false): string | undefined {
  if (typeof fields[name] !== 'number') return swissTextField(fields, name, max, required);
  return String(numberField(fields, name, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }));
}

export function swissAddressField(fields: Fields, name: string, required = false): SwissAddress | undefined {
  const address = objectField(fields, name, ADDRESS_FIELDS, { required });
  if (address === undefined) return undefined;
  const field = (part: string) => `${name}.${part}`;
  const fullName = swissTextField(address, field('name'), 70, true)!;
  const street = swissTextField(address, field('street'), 70) ?? '';
  const building = digitsOrText(address, field('number'), 16) ?? '';
  const postcode = digitsOrText(address, field('postcode'), 16, true)!;
  const town = swissTextField(address, field('town'), 35, true)!;
  const country = swissTextField(address, field('country'), 2, true)!.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw badRequest(
      'invalid_value',
      `'${field('country')}' must be a two-letter country code (ISO 3166-1) such as CH, not ${describe(country)}`,
      { field: field('country') },
    );
  return ['S', fullName, street, building, postcode, town, country];
}
