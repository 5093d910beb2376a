// vCard 3.0 (RFC 2426): every text value escaped (\\ \; \, and \n: §4's text-value has
// no bare ; or , in it), the URL percent-encoded where a reader could split it, lines
// ending in CRLF.
import { emailField, optional, phoneField, textField, urlField, type Fields, type Payload } from './fields.js';

export const VCARD_FIELDS = ['name', 'phone', 'email', 'organization', 'url'] as const;

/**
 * A TEXT value of iCalendar (RFC 5545 §3.3.11) or vCard 3.0 (RFC 2426 §4): backslash, comma
 * and semicolon escaped, and every line break, CRLF, CR alone or LF alone, written \n. A
 * bare CR would end the line for many readers, and what follows it would be a field of its own.
 */
export const escapeText = (value: string): string => value.replace(/[\\,;]/g, '\\$&').replace(/\r\n?|\n/g, '\\n');

/**
 * A URL as a vCard value: a uri, which RFC 2426 does not escape, while readers that take it
 * for text cut it at a comma or unescape a backslash. Percent-encoded (RFC 3986 §2.1), those
 * characters read alike to every reader, and web servers decode them back.
 */
const uriValue = (url: string): string =>
  url.replace(/[,;\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

export function vcardPayload(fields: Fields): Payload {
  const name = textField(fields, 'name', { required: true, max: 200 })!.trim();
  const phone = phoneField(fields, 'phone');
  const email = emailField(fields, 'email');
  const organization = textField(fields, 'organization', { max: 200 });
  const url = urlField(fields, 'url');
  // N is structured (family;given;…): the last word is taken as the family name.
  const words = name.split(/\s+/);
  const family = words.length > 1 ? words.at(-1)! : name;
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : '';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `FN:${escapeText(name)}`,
    ...optional('ORG:', organization && escapeText(organization)),
    ...optional('TEL:', phone),
    ...optional('EMAIL:', email),
    ...optional('URL:', url && uriValue(url)),
    'END:VCARD',
  ];
  return { text: `${lines.join('\r\n')}\r\n`, secret: false };
}
