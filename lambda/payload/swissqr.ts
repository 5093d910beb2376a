// The Swiss QR code of a QR-bill (Swiss Implementation Guidelines for the QR-bill, version 2.3,
// Swiss Payment Standards 2025): one element a line, separated by LF (the guidelines allow CR LF
// or LF; swissqrbill writes LF too):
//   SPC, 0200, 1 (UTF-8, the Latin character set)     header
//   the account: an IBAN or a QR-IBAN of CH or LI      creditor information
//   S, name, street, number, postcode, town, country   creditor
//   seven empty lines                                   ultimate creditor, for future use
//   amount (empty: the payer types it), CHF or EUR
//   the debtor's seven lines, or seven empty ones
//   QRR, SCOR or NON, and the reference (empty for NON)
//   the unstructured message, EPD (end of payment data), then the bill information if given.
// At most 997 characters, drawn at error correction level M (so at most version 25) with the
// Swiss cross at its centre.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { mod10RecursiveCheckDigit } from './check-digits.js';
import { choiceField, decimalField, textField, twoDecimals, type Fields, type Payload } from './fields.js';
import { ibanField } from './iban.js';
import { creditorReferenceField } from './reference.js';
import { NO_ADDRESS, swissAddressField, type SwissAddress } from './swiss-address.js';
import { SWISS_CROSS_SIZE, SWISS_CROSS_SVG } from './swiss-cross.js';
import { swissTextField } from './swiss-text.js';

export const SWISSQR_FIELDS = [
  'account',
  'creditor',
  'debtor',
  'amount',
  'currency',
  'reference',
  'message',
  'billing',
] as const;

/** The most a Swiss QR code holds: version 25 at level M, in bytes. */
export const SWISSQR_MAX_BYTES = 997;

/** A QR-IBAN: an IBAN whose institution identification (its 5th to 9th characters) is 30000 to 31999. */
export const isQrIban = (iban: string): boolean => /^3[01]\d{3}$/.test(iban.slice(4, 9));

/** A QR reference: 27 digits (printed in groups of five), the last a recursive mod 10 check digit, not all zeros. */
function qrReference(fields: Fields): string {
  const given = textField(fields, 'reference', { required: true, max: 40 })!;
  const reference = given.replace(/ /g, '');
  if (!/^\d{27}$/.test(reference))
    throw badRequest(
      'invalid_value',
      `'reference' must be a QR reference of 27 digits, such as 21 00000 00003 13947 14300 09017, as a QR-IBAN requires, not ${describe(given)}`,
      { field: 'reference' },
    );
  if (/^0+$/.test(reference) || mod10RecursiveCheckDigit(reference.slice(0, 26)) !== Number(reference[26]))
    throw badRequest(
      'invalid_value',
      `'reference' has a wrong check digit (recursive mod 10): a digit is mistyped, not ${describe(given)}`,
      { field: 'reference' },
    );
  return reference;
}

/** The reference's type and text: a QR-IBAN takes a QR reference (QRR), an IBAN an RF reference (SCOR) or none (NON). */
function referenceOf(fields: Fields, account: string): [string, string] {
  if (isQrIban(account)) return ['QRR', qrReference(fields)];
  const given = fields.reference;
  if (typeof given === 'string' && /^[\d ]+$/.test(given))
    throw badRequest(
      'conflicting_options',
      "a QR reference (27 digits) needs a QR-IBAN as 'account' (its 5th to 9th digits 30000 to 31999); with this IBAN give an RF creditor reference or none",
      { field: 'reference' },
    );
  const reference = creditorReferenceField(fields, 'reference');
  return reference === undefined ? ['NON', ''] : ['SCOR', reference];
}

/** Bill information: coded for the payee's accounting, in a syntax named by its first characters (//S1/… for Swico's). */
function billingField(fields: Fields): string | undefined {
  const billing = swissTextField(fields, 'billing', 140);
  if (billing !== undefined && !/^\/\/[^/]{2}/.test(billing))
    throw badRequest(
      'invalid_value',
      `'billing' must start with // and its syntax's two-letter name, such as //S1/10/10201409/11/190512, not ${describe(billing)}`,
      { field: 'billing' },
    );
  return billing;
}

export function swissqrPayload(fields: Fields): Payload {
  const account = ibanField(fields, 'account', ['CH', 'LI']);
  const creditor = swissAddressField(fields, 'creditor', true)!;
  const debtor = swissAddressField(fields, 'debtor');
  const amount = decimalField(fields, 'amount', { min: 0.01, max: 999999999.99, decimals: 2 });
  const currency = choiceField(fields, 'currency', ['CHF', 'EUR'] as const, { required: true })!;
  const [referenceType, reference] = referenceOf(fields, account);
  const message = swissTextField(fields, 'message', 140);
  const billing = billingField(fields);
  if (message !== undefined && billing !== undefined && message.length + billing.length > 140)
    throw badRequest(
      'out_of_range',
      `'message' and 'billing' hold at most 140 characters together, not ${message.length} and ${billing.length}`,
      { field: 'billing', max: 140 - message.length },
    );
  const lines = [
    'SPC',
    '0200',
    '1',
    account,
    ...creditor,
    ...NO_ADDRESS,
    amount === undefined ? '' : twoDecimals(amount),
    currency,
    ...(debtor ?? NO_ADDRESS),
    referenceType,
    reference,
    message ?? '',
    'EPD',
    ...(billing === undefined ? [] : [billing]),
  ];
  const text = lines.join('\n');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SWISSQR_MAX_BYTES) {
    const field = longest({ message, billing, creditor, debtor });
    throw badRequest(
      'out_of_range',
      `the Swiss QR code would be ${bytes} bytes, more than the ${SWISSQR_MAX_BYTES} of version 25 at level M that the guidelines allow: shorten '${field}'`,
      { field, max: SWISSQR_MAX_BYTES },
    );
  }
  return {
    text,
    secret: false,
    ecLevel: 'M',
    overlay: { svg: SWISS_CROSS_SVG, size: SWISS_CROSS_SIZE },
  };
}

/** The free text that weighs most in UTF-8: the one to shorten. */
function longest(texts: Record<string, string | SwissAddress | undefined>): string {
  let best = { name: 'message', bytes: -1 };
  for (const [name, value] of Object.entries(texts)) {
    const parts: [string, string][] =
      value === undefined
        ? []
        : typeof value === 'string'
          ? [[name, value]]
          : [
              [`${name}.name`, value[1]],
              [`${name}.street`, value[2]],
              [`${name}.town`, value[5]],
            ];
    for (const [part, text] of parts) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > best.bytes) best = { name: part, bytes };
    }
  }
  return best.name;
}
