// EMV merchant-presented QR codes (EMV QRCPS-MPM) of two national schemes, chosen by `scheme`:
// PromptPay (Thailand, lambda/payload/promptpay.ts) and PayNow (Singapore, paynow.ts), each
// paying to a proxy (emv-proxy.ts). The fields a scheme's code has no place for are refused,
// not dropped.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { EMV_SCHEMES, proxyField } from './emv-proxy.js';
import { emvTextField } from './emv-text.js';
import { choiceField, decimalField, flagField, textField, type Fields, type Payload } from './fields.js';
import { paynowText } from './paynow.js';
import { promptpayText } from './promptpay.js';

export const EMV_FIELDS = [
  'scheme',
  'proxy',
  'proxyType',
  'amount',
  'name',
  'city',
  'reference',
  'editable',
  'expiry',
] as const;

/** The fields only a PayNow code has a place for. */
const PAYNOW_ONLY = ['name', 'city', 'reference', 'editable', 'expiry'] as const;

/** A date from 2000 to 2099, written 2026-12-31 or 20261231, as PayNow's YYYYMMDD. */
function expiryField(fields: Fields): string | undefined {
  const value = textField(fields, 'expiry', { max: 10 });
  if (value === undefined) return undefined;
  const iso = /^20\d{6}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value;
  const date = /^20\d{2}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
    throw badRequest(
      'invalid_value',
      `'expiry' must be a date from 2000 to 2099, such as 2026-12-31 or 20261231, not ${describe(value)}`,
      { field: 'expiry' },
    );
  return iso.replace(/-/g, '');
}

export function emvPayloadOf(fields: Fields): Payload {
  const scheme = choiceField(fields, 'scheme', EMV_SCHEMES, { required: true })!;
  if (scheme === 'promptpay')
    for (const name of PAYNOW_ONLY)
      if (fields[name] !== undefined)
        throw badRequest(
          'option_not_applicable',
          `'${name}' applies only with scheme paynow: a PromptPay code has no place for it`,
          {
            field: name,
          },
        );
  const proxy = proxyField(fields, scheme);
  // EMV's amount holds 13 characters: 9999999999.99.
  const amount = decimalField(fields, 'amount', { min: 0.01, max: 9999999999.99, decimals: 2 });
  if (scheme === 'promptpay') return { text: promptpayText(proxy, amount), secret: false };
  const name = emvTextField(fields, 'name', 25, true)!;
  const city = emvTextField(fields, 'city', 15) ?? 'Singapore';
  const reference = emvTextField(fields, 'reference', 25);
  const editable = flagField(fields, 'editable');
  if (editable === false && amount === undefined)
    throw badRequest('conflicting_options', `'editable' false needs an 'amount': without one, the payer must type it`, {
      field: 'editable',
    });
  const expiry = expiryField(fields);
  const text = paynowText({ proxy, amount, editable: editable ?? amount === undefined, expiry, name, city, reference });
  return { text, secret: false };
}
