// GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax): the GTIN (AI 01, its check digit
// verified, padded to 14 digits), then its key qualifiers batch (AI 10) and serial (AI 21) as path
// segments in the standard's order, and the expiry date (AI 17, YYMMDD) as a query parameter, on
// GS1's resolver https://id.gs1.org or a domain of the brand's own.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { gs1CheckDigit } from './check-digits.js';
import { optional, textField, type Fields, type Payload } from './fields.js';

export const GS1_FIELDS = ['gtin', 'batch', 'serial', 'expiry', 'domain'] as const;

/** GS1's character set 82, which batch and serial numbers are made of. */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

/** A value in a URI: everything but RFC 3986's unreserved characters percent-encoded. */
const encode = (value: string): string =>
  value.replace(/[^A-Za-z0-9\-._~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function gtinField(fields: Fields): string {
  const given = textField(fields, 'gtin', { required: true, max: 20 })!;
  const gtin = given.replace(/ /g, '');
  if (!/^(\d{8}|\d{12,14})$/.test(gtin))
    throw badRequest('invalid_value', `'gtin' must be a GTIN of 8, 12, 13 or 14 digits, not ${describe(given)}`, {
      field: 'gtin',
    });
  if (gs1CheckDigit(gtin.slice(0, -1)) !== Number(gtin.at(-1)))
    throw badRequest(
      'invalid_value',
      `'gtin' ${describe(given)} has a wrong check digit (GS1 mod 10): a digit is mistyped`,
      { field: 'gtin' },
    );
  return gtin.padStart(14, '0');
}

/** A batch or serial number: 1 to 20 characters of GS1's character set 82. */
function cset82Field(fields: Fields, name: string): string | undefined {
  const value = textField(fields, name, { max: 20 });
  if (value !== undefined && !CSET_82.test(value))
    throw badRequest(
      'invalid_value',
      `'${name}' may hold only letters, digits and the punctuation of GS1's character set 82 (no spaces), not ${describe(value)}`,
      { field: name },
    );
  return value;
}

/** A date, 2000-01-01 to 2099-12-31, as GS1's YYMMDD. */
function expiryField(fields: Fields): string | undefined {
  const value = textField(fields, 'expiry', { max: 10 });
  if (value === undefined) return undefined;
  const date = /^20\d{2}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw badRequest(
      'invalid_value',
      `'expiry' must be a date from 2000 to 2099, such as 2026-12-31, not ${describe(value)}`,
      {
        field: 'expiry',
      },
    );
  return value.slice(2).replace(/-/g, '');
}

/** The resolver: an https origin, without path, query, fragment or credentials. */
function domainField(fields: Fields): string {
  const value = textField(fields, 'domain', { max: 253 });
  if (value === undefined) return 'https://id.gs1.org';
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (
    url?.protocol !== 'https:' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  )
    throw badRequest(
      'invalid_value',
      `'domain' must be an https address without a path, such as https://example.com, not ${describe(value)}`,
      { field: 'domain' },
    );
  return url.origin;
}

export function gs1Payload(fields: Fields): Payload {
  const gtin = gtinField(fields);
  const batch = cset82Field(fields, 'batch');
  const serial = cset82Field(fields, 'serial');
  const expiry = expiryField(fields);
  const domain = domainField(fields);
  const path = [
    `/01/${gtin}`,
    ...optional('/10/', batch && encode(batch)),
    ...optional('/21/', serial && encode(serial)),
  ];
  return { text: `${domain}${path.join('')}${expiry === undefined ? '' : `?17=${expiry}`}`, secret: false };
}
