// PromptPay, Thailand's instant payments, as a Thai QR Code's "credit transfer with PromptPay
// ID" (tag 29): the data objects and their order that promptparse's generator and the Thai
// banks' apps write. In order: 00 payload format "01"; 01 point of initiation, "11" (static:
// any number of payments) or "12" when an amount is given; 29 the merchant account (00 the AID
// A000000677010111, then the proxy under 01 a mobile number, 02 a national id or tax id, 03 an
// e-wallet id); 53 the currency "764" (THB); 58 the country "TH"; 54 the amount, when there is
// one; 63 the CRC. No name, city or category: PromptPay codes carry none.
import type { EmvProxy, ProxyType } from './emv-proxy.js';
import { emvPayload, tlv } from './emv-tlv.js';
import { twoDecimals } from './fields.js';

const AID = 'A000000677010111';
const SUB_TAG: Partial<Record<ProxyType, string>> = { mobile: '01', nationalId: '02', eWallet: '03' };

export function promptpayText(proxy: EmvProxy, amount: string | undefined): string {
  const subTag = SUB_TAG[proxy.type];
  if (subTag === undefined) throw new Error(`promptpay: no sub-tag for a ${proxy.type} proxy`);
  return emvPayload([
    tlv('01', amount === undefined ? '11' : '12'),
    tlv('29', `${tlv('00', AID)}${tlv(subTag, proxy.value)}`),
    tlv('53', '764'),
    tlv('58', 'TH'),
    ...(amount === undefined ? [] : [tlv('54', twoDecimals(amount))]),
  ]);
}
