// MECARD:N:…;TEL:…;EMAIL:…;URL:…;ADR:…;NOTE:…;; — DoCoMo's contact format, which phones'
// cameras read (ZXing's AddressBookDoCoMoResultParser): every value escaped as a WIFI: one
// (\ ; , " and : with a backslash), since readers find each field by its prefix anywhere in
// the text, and trimmed, since they trim what they read.
import { badRequest } from '../errors.js';
import { emailField, optional, phoneField, textField, urlField, type Fields, type Payload } from './fields.js';
import { escapeWifi } from './wifi.js';

export const MECARD_FIELDS = ['name', 'phone', 'email', 'url', 'address', 'note'] as const;

/** A text value without the spaces around it, which readers trim away (and a blank one refused). */
function trimmedField(fields: Fields, name: string, max: number, required = false): string | undefined {
  const value = textField(fields, name, { required, max })?.trim();
  if (value === '') throw badRequest('empty_value', `'${name}' must not be blank`, { field: name });
  return value;
}

export function mecardPayload(fields: Fields): Payload {
  const name = trimmedField(fields, 'name', 200, true)!;
  const phone = phoneField(fields, 'phone');
  const email = emailField(fields, 'email');
  const url = urlField(fields, 'url');
  const address = trimmedField(fields, 'address', 500);
  const note = trimmedField(fields, 'note', 1000);
  // N is family,given (ZXing shows "given family"), the last word taken as the family name, as vcard's N.
  const words = name.split(/\s+/);
  const family = words.at(-1)!;
  if (family.includes(','))
    throw badRequest(
      'invalid_value',
      "the last word of 'name' (the family name) must not contain a comma: readers take the first comma of N for the one between family and given name",
      { field: 'name' },
    );
  const given = words.slice(0, -1).join(' ');
  const parts = [
    `N:${escapeWifi(family)}${given === '' ? '' : `,${escapeWifi(given)}`}`,
    ...optional('TEL:', phone),
    ...optional('EMAIL:', email), // no character an address may hold needs escaping
    ...optional('URL:', url && escapeWifi(url)),
    ...optional('ADR:', address && escapeWifi(address)),
    ...optional('NOTE:', note && escapeWifi(note)),
  ];
  return { text: `MECARD:${parts.join(';')};;`, secret: false };
}
