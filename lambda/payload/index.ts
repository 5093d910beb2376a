// Payload builders: a `type` and its typed fields instead of `url`, built with each
// format's own escaping rules. Imports nothing from lambda/ but the errors it reports.
// The bundle loads this module on the first request that names a type, not at a cold start.
import { bitcoinPayload, BITCOIN_FIELDS } from './bitcoin.js';
import { emailPayload, EMAIL_FIELDS } from './email.js';
import { emvPayloadOf, EMV_FIELDS } from './emv.js';
import { epcPayload, EPC_FIELDS } from './epc.js';
import { eventPayload, EVENT_FIELDS } from './event.js';
import type { Fields, Payload } from './fields.js';
import { geoPayload, GEO_FIELDS } from './geo.js';
import { gs1Payload, GS1_FIELDS } from './gs1.js';
import { mecardPayload, MECARD_FIELDS } from './mecard.js';
import { otpauthPayload, OTPAUTH_FIELDS } from './otpauth.js';
import { pixPayload, PIX_FIELDS } from './pix.js';
import { smsPayload, SMS_FIELDS, telPayload, TEL_FIELDS } from './phone.js';
import { swissqrPayload, SWISSQR_FIELDS } from './swissqr.js';
import { upiPayload, UPI_FIELDS } from './upi.js';
import { vcardPayload, VCARD_FIELDS } from './vcard.js';
import { wifiPayload, WIFI_FIELDS } from './wifi.js';

export type { Fields, Overlay, Payload } from './fields.js';
export { isSecretText } from './secret.js';

interface Builder {
  readonly fields: readonly string[];
  /** The fields that hold a password or a key: never in a URL, never in a message. */
  readonly secretFields: readonly string[];
  readonly build: (fields: Fields) => Payload;
}

const NONE: readonly string[] = [];

export const PAYLOAD_BUILDERS = {
  wifi: { fields: WIFI_FIELDS, secretFields: ['password'], build: wifiPayload },
  email: { fields: EMAIL_FIELDS, secretFields: NONE, build: emailPayload },
  tel: { fields: TEL_FIELDS, secretFields: NONE, build: telPayload },
  sms: { fields: SMS_FIELDS, secretFields: NONE, build: smsPayload },
  geo: { fields: GEO_FIELDS, secretFields: NONE, build: geoPayload },
  vcard: { fields: VCARD_FIELDS, secretFields: NONE, build: vcardPayload },
  otpauth: { fields: OTPAUTH_FIELDS, secretFields: ['secret'], build: otpauthPayload },
  event: { fields: EVENT_FIELDS, secretFields: NONE, build: eventPayload },
  epc: { fields: EPC_FIELDS, secretFields: NONE, build: epcPayload },
  mecard: { fields: MECARD_FIELDS, secretFields: NONE, build: mecardPayload },
  upi: { fields: UPI_FIELDS, secretFields: NONE, build: upiPayload },
  bitcoin: { fields: BITCOIN_FIELDS, secretFields: NONE, build: bitcoinPayload },
  gs1: { fields: GS1_FIELDS, secretFields: NONE, build: gs1Payload },
  pix: { fields: PIX_FIELDS, secretFields: NONE, build: pixPayload },
  swissqr: { fields: SWISSQR_FIELDS, secretFields: NONE, build: swissqrPayload },
  emv: { fields: EMV_FIELDS, secretFields: NONE, build: emvPayloadOf },
} as const satisfies Record<string, Builder>;

export type PayloadBuilders = typeof PAYLOAD_BUILDERS;
export type PayloadType = keyof PayloadBuilders;
