// The EPC QR code of a SEPA credit transfer (EPC069-12, "GiroCode"), version 002: one element a
// line, separated by LF, in UTF-8 (character set 1), nothing after the last element given, at
// most 331 bytes, drawn at error correction level M as the guidelines require.
import { badRequest } from '../errors.js';
import { decimalField, textField, twoDecimals, type Fields, type Payload } from './fields.js';
import { ibanField } from './iban.js';
import { creditorReferenceField } from './reference.js';

export const EPC_FIELDS = ['name', 'iban', 'bic', 'amount', 'purpose', 'reference', 'text', 'info'] as const;

/** The most bytes an EPC QR code holds (version 13 at level M). */
export const EPC_MAX_BYTES = 331;

/** ISO 9362: bank (4 letters), country (2 letters), location (2), and a branch (3) or none. */
function bicField(fields: Fields): string | undefined {
  const given = textField(fields, 'bic', { max: 14 });
  const bic = given?.replace(/ /g, '').toUpperCase();
  if (bic !== undefined && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
    throw badRequest('invalid_value', "'bic' must be a BIC of 8 or 11 characters, such as BPOTBEB1", {
      field: 'bic',
    });
  return bic;
}

/** An ISO 20022 purpose code: four letters, such as CHAR (charity) or GDDS (goods). */
function purposeField(fields: Fields): string | undefined {
  const purpose = textField(fields, 'purpose', { max: 4 });
  if (purpose !== undefined && !/^[A-Za-z]{4}$/.test(purpose))
    throw badRequest('invalid_value', "'purpose' must be an ISO 20022 purpose code of four letters, such as CHAR", {
      field: 'purpose',
    });
  return purpose?.toUpperCase();
}

/** Whole euros as the guidelines' example writes them (EUR1), cents always with two digits (EUR12.50). */
const euros = (amount: string): string => (amount.includes('.') ? twoDecimals(amount) : amount);

export function epcPayload(fields: Fields): Payload {
  const name = textField(fields, 'name', { required: true, max: 70 })!;
  const iban = ibanField(fields, 'iban');
  const bic = bicField(fields);
  const amount = decimalField(fields, 'amount', { min: 0.01, max: 999999999.99, decimals: 2 });
  const purpose = purposeField(fields);
  const reference = creditorReferenceField(fields, 'reference');
  const text = textField(fields, 'text', { max: 140 });
  if (reference !== undefined && text !== undefined)
    throw badRequest(
      'conflicting_options',
      "give either 'reference' (a structured creditor reference) or 'text' (remittance information), not both",
      { field: 'text' },
    );
  const info = textField(fields, 'info', { max: 70 });
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    bic ?? '',
    name,
    iban,
    amount === undefined ? '' : `EUR${euros(amount)}`,
    purpose ?? '',
    reference ?? '',
    text ?? '',
    info ?? '',
  ];
  while (lines.at(-1) === '') lines.pop();
  const payload = lines.join('\n');
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > EPC_MAX_BYTES) {
    // The free text that weighs most is the one to shorten.
    const field = (['text', 'info', 'name'] as const)
      .map((candidate) => ({ candidate, size: Buffer.byteLength(String(fields[candidate] ?? ''), 'utf8') }))
      .reduce((most, next) => (next.size > most.size ? next : most)).candidate;
    throw badRequest(
      'out_of_range',
      `the EPC code would be ${bytes} bytes, and it holds at most ${EPC_MAX_BYTES}: shorten '${field}'`,
      { field, max: EPC_MAX_BYTES },
    );
  }
  return { text: payload, secret: false, ecLevel: 'M' };
}
