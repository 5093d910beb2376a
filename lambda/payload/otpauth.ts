// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=… (the Key URI format of Google
// Authenticator): the label and the issuer percent-encoded, the secret in base32 without
// padding. Always a secret.
import { badRequest } from '../errors.js';
import { choiceField, numberField, optional, textField, type Fields, type Payload } from './fields.js';

export const OTPAUTH_FIELDS = ['secret', 'issuer', 'account', 'algorithm', 'digits', 'period'] as const;
const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;

function labelPart(fields: Fields, name: string, required: boolean): string | undefined {
  const value = textField(fields, name, { required, max: 200 });
  if (value?.includes(':'))
    throw badRequest('invalid_value', `'${name}' must not contain a colon: the label is issuer:account`, {
      field: name,
    });
  return value;
}

export function otpauthPayload(fields: Fields): Payload {
  const given = textField(fields, 'secret', { required: true, max: 1024, secret: true })!;
  // People copy secrets in groups of four, lower case, with padding: all the same key.
  const secret = given.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  // Base32 of whole bytes has 2, 4, 5, 7 or 0 characters past a multiple of 8.
  if (!/^[A-Z2-7]+$/.test(secret) || [1, 3, 6].includes(secret.length % 8)) {
    throw badRequest(
      'invalid_value',
      "'secret' must be base32 (A-Z and 2-7, as authenticator apps show it); what was given is not repeated here",
      { field: 'secret' },
    );
  }
  const issuer = labelPart(fields, 'issuer', false);
  const account = labelPart(fields, 'account', true)!;
  const algorithm = choiceField(fields, 'algorithm', ALGORITHMS);
  const digits = numberField(fields, 'digits', { min: 6, max: 8, integer: true });
  if (digits === 7)
    throw badRequest('invalid_value', "'digits' must be 6 or 8", { field: 'digits', allowed: ['6', '8'] });
  const period = numberField(fields, 'period', { min: 1, max: 3600, integer: true });
  const label =
    issuer === undefined ? encodeURIComponent(account) : `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${secret}`,
    ...optional('issuer=', issuer && encodeURIComponent(issuer)),
    ...optional('algorithm=', algorithm),
    ...optional('digits=', digits),
    ...optional('period=', period),
  ];
  return { text: `otpauth://totp/${label}?${query.join('&')}`, secret: true };
}
