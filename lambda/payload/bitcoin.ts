// BIP 21 / BIP 321 payment URIs: bitcoin:ADDRESS?amount=…&label=…&message=…, the address's
// checksum verified (base58check, bech32 or bech32m), the amount in BTC with at most 8 decimals
// (a satoshi), label and message percent-encoded UTF-8.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { checkAddress } from './bitcoin-address.js';
import { decimalField, optional, textField, type Fields, type Payload } from './fields.js';

export const BITCOIN_FIELDS = ['address', 'amount', 'label', 'message'] as const;

export function bitcoinPayload(fields: Fields): Payload {
  const address = textField(fields, 'address', { required: true, max: 90 })!;
  const check = checkAddress(address);
  if ('problem' in check)
    throw badRequest('invalid_value', `'address' ${describe(address)} ${check.problem}`, { field: 'address' });
  // A satoshi to all the bitcoin there will ever be.
  const amount = decimalField(fields, 'amount', { min: 0.00000001, max: 21000000, decimals: 8 });
  const label = textField(fields, 'label', { max: 200 });
  const message = textField(fields, 'message', { max: 500 });
  const query = [
    ...optional('amount=', amount),
    ...optional('label=', label && encodeURIComponent(label)),
    ...optional('message=', message && encodeURIComponent(message)),
  ];
  return { text: `bitcoin:${address}${query.length > 0 ? `?${query.join('&')}` : ''}`, secret: false };
}
