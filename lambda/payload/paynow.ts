// PayNow, Singapore's instant payments, as the PayNow QR code of the Association of Banks in
// Singapore (an SGQR-compatible EMV merchant-presented code). In order: 00 payload format "01";
// 01 point of initiation, "11" (static) or "12" when an amount is given; 26 the merchant account
// (00 the GUID SG.PAYNOW; 01 the proxy type, 0 a mobile number, 2 a UEN; 02 the proxy; 03 whether
// the payer may edit the amount, 1 or 0; 04 the expiry date, YYYYMMDD, when given); 52 the
// category "0000"; 53 the currency "702" (SGD); 54 the amount, when there is one; 58 "SG";
// 59 the merchant's name; 60 the city; 62 additional data, its 01 the bill number (the payer's
// reference), when given; 63 the CRC.
import type { EmvProxy, ProxyType } from './emv-proxy.js';
import { emvPayload, tlv } from './emv-tlv.js';
import { twoDecimals } from './fields.js';

const GUID = 'SG.PAYNOW';
const PROXY_TYPE: Partial<Record<ProxyType, string>> = { mobile: '0', uen: '2' };

export interface PayNow {
  readonly proxy: EmvProxy;
  readonly amount: string | undefined;
  readonly editable: boolean;
  /** YYYYMMDD. */
  readonly expiry: string | undefined;
  readonly name: string;
  readonly city: string;
  readonly reference: string | undefined;
}

export function paynowText({ proxy, amount, editable, expiry, name, city, reference }: PayNow): string {
  const proxyType = PROXY_TYPE[proxy.type];
  if (proxyType === undefined) throw new Error(`paynow: no proxy type for a ${proxy.type} proxy`);
  const account = [
    tlv('00', GUID),
    tlv('01', proxyType),
    tlv('02', proxy.value),
    tlv('03', editable ? '1' : '0'),
    ...(expiry === undefined ? [] : [tlv('04', expiry)]),
  ];
  return emvPayload([
    tlv('01', amount === undefined ? '11' : '12'),
    tlv('26', account.join('')),
    tlv('52', '0000'),
    tlv('53', '702'),
    ...(amount === undefined ? [] : [tlv('54', twoDecimals(amount))]),
    tlv('58', 'SG'),
    tlv('59', name),
    tlv('60', city),
    ...(reference === undefined ? [] : [tlv('62', tlv('01', reference))]),
  ]);
}
