// vCard 3.0 (RFC 2426): text values escaped (\\ \, and \n, and \; inside structured
// values, N and ORG, where a semicolon separates components), lines ending in CRLF.
import { badRequest } from '../errors.js';
import { emailField, optional, phoneField, textField, type Fields, type Payload } from './fields.js';

export const VCARD_FIELDS = ['name', 'phone', 'email', 'organization', 'url'] as const;

/** A TEXT value of iCalendar, or a component of a structured vCard value: backslash, comma, semicolon and line breaks escaped. */
export const escapeText = (value: string): string => value.replace(/[\\,;]/g, '\\$&').replace(/\r?\n/g, '\\n');

/** A vCard text value that is not structured (FN): a semicolon is itself there, as readers take it. */
const escapeSingle = (value: string): string => value.replace(/[\\,]/g, '\\$&').replace(/\r?\n/g, '\\n');

export function vcardPayload(fields: Fields): Payload {
  const name = textField(fields, 'name', { required: true, max: 200 })!.trim();
  const phone = phoneField(fields, 'phone');
  const email = emailField(fields, 'email');
  const organization = textField(fields, 'organization', { max: 200 });
  const url = textField(fields, 'url', { max: 2000 });
  if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw badRequest('invalid_value', "'url' must be an http or https URL such as https://example.com", {
      field: 'url',
    });
  }
  // N is structured (family;given;…): the last word is taken as the family name.
  const words = name.split(/\s+/);
  const family = words.length > 1 ? words.at(-1)! : name;
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : '';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `FN:${escapeSingle(name)}`,
    ...optional('ORG:', organization && escapeText(organization)),
    ...optional('TEL:', phone),
    ...optional('EMAIL:', email),
    ...optional('URL:', url),
    'END:VCARD',
  ];
  return { text: `${lines.join('\r\n')}\r\n`, secret: false };
}
