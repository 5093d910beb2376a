// Pix, Brazil's instant payments, as a static BR Code: an EMV merchant-presented QR code
// (EMV QRCPS-MPM) laid out as Banco Central's "Manual de Padrões para Iniciação do Pix" gives
// it. In order: 00 Payload Format Indicator "01"; 26 the merchant account information
// template (00 GUI "br.gov.bcb.pix", 01 the Pix key, 02 a description for the payer); 52 the
// merchant category code, "0000" when none is given; 53 the currency, "986" (BRL); 54 the amount,
// when there is one; 58 the country, "BR"; 59 the receiver's name (at most 25); 60 the city (at
// most 15); 62 additional data, 05 the txid (at most 25 letters and digits, "***" when there is
// none); 63 the CRC. The point of initiation method (01) is left out, as the manual's own static
// example leaves it: its "12" would make the code good for one payment only.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { emvTextField } from './emv-text.js';
import { emvPayload, tlv } from './emv-tlv.js';
import { decimalField, textField, twoDecimals, type Fields, type Payload } from './fields.js';
import { pixKeyField } from './pix-key.js';

export const PIX_FIELDS = ['key', 'name', 'city', 'amount', 'txid', 'description'] as const;

const GUI = 'br.gov.bcb.pix';

/** The txid of a static code: 1 to 25 letters and digits (the manual's limit for the reference label). */
function txidField(fields: Fields): string {
  const txid = textField(fields, 'txid', { max: 25 });
  if (txid === undefined) return '***';
  if (!/^[A-Za-z0-9]+$/.test(txid))
    throw badRequest(
      'invalid_value',
      `'txid' may hold only letters and digits (at most 25), such as PEDIDO42, not ${describe(txid)}`,
      { field: 'txid' },
    );
  return txid;
}

export function pixPayload(fields: Fields): Payload {
  const { key } = pixKeyField(fields, 'key');
  const name = emvTextField(fields, 'name', 25, true)!;
  const city = emvTextField(fields, 'city', 15, true)!;
  // EMV's amount holds 13 characters: 9999999999.99.
  const amount = decimalField(fields, 'amount', { min: 0.01, max: 9999999999.99, decimals: 2 });
  const txid = txidField(fields);
  // The template holds 99 characters: its GUI takes 18, the key and the description 4 more each.
  const room = 99 - tlv('00', GUI).length - 4 - key.length - 4;
  const description = emvTextField(fields, 'description', 72);
  if (description !== undefined && description.length > room)
    throw badRequest(
      'out_of_range',
      `'description' has room for ${Math.max(room, 0)} characters beside a key of ${key.length} (the key and the description share the 99 characters of the account template), not ${description.length}`,
      { field: 'description', max: Math.max(room, 0) },
    );
  const account = [tlv('00', GUI), tlv('01', key), ...(description === undefined ? [] : [tlv('02', description)])];
  const text = emvPayload([
    tlv('26', account.join('')),
    tlv('52', '0000'),
    tlv('53', '986'),
    ...(amount === undefined ? [] : [tlv('54', twoDecimals(amount))]),
    tlv('58', 'BR'),
    tlv('59', name),
    tlv('60', city),
    tlv('62', tlv('05', txid)),
  ]);
  return { text, secret: false };
}
