// NPCI's UPI payment link, as Indian payment apps read it from a QR code:
// upi://pay?pa=VPA&pn=NAME&am=AMOUNT&cu=INR&tn=NOTE, every value percent-encoded, the amount in
// rupees with two decimals.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { decimalField, optional, textField, twoDecimals, type Fields, type Payload } from './fields.js';

export const UPI_FIELDS = ['vpa', 'name', 'amount', 'note'] as const;

/**
 * A virtual payment address: user@handle, the handle naming the payment app's bank (okaxis, ybl,
 * paytm…), or an account at a branch (ACCOUNT@IFSC.ifsc.npci).
 */
const VPA = /^[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

export function upiPayload(fields: Fields): Payload {
  const vpa = textField(fields, 'vpa', { required: true, max: 255 })!;
  if (!VPA.test(vpa))
    throw badRequest(
      'invalid_value',
      `'vpa' must be a UPI address, user@handle such as shop.name@okaxis, not ${describe(vpa)}`,
      { field: 'vpa' },
    );
  const name = textField(fields, 'name', { required: true, max: 100 })!;
  const amount = decimalField(fields, 'amount', { min: 0.01, max: 999999999.99, decimals: 2 });
  const note = textField(fields, 'note', { max: 50 });
  const query = [
    `pa=${vpa}`,
    `pn=${encodeURIComponent(name)}`,
    ...optional('am=', amount && twoDecimals(amount)),
    'cu=INR',
    ...optional('tn=', note && encodeURIComponent(note)),
  ];
  return { text: `upi://pay?${query.join('&')}`, secret: false };
}
