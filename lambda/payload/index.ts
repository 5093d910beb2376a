// Payload builders: a `type` and its typed fields instead of `url`, built with each
// format's own escaping rules. Imports nothing from lambda/ but the errors it reports.
// The bundle loads this module on the first request that names a type, not at a cold start.
import { emailPayload, EMAIL_FIELDS } from './email.js';
import { eventPayload, EVENT_FIELDS } from './event.js';
import type { Fields, Payload } from './fields.js';
import { geoPayload, GEO_FIELDS } from './geo.js';
import { otpauthPayload, OTPAUTH_FIELDS } from './otpauth.js';
import { smsPayload, SMS_FIELDS, telPayload, TEL_FIELDS } from './phone.js';
import { vcardPayload, VCARD_FIELDS } from './vcard.js';
import { wifiPayload, WIFI_FIELDS } from './wifi.js';

export type { Fields, Payload } from './fields.js';
export { isSecretText } from './secret.js';

interface Builder {
  readonly fields: readonly string[];
  readonly build: (fields: Fields) => Payload;
}

export const PAYLOAD_BUILDERS = {
  wifi: { fields: WIFI_FIELDS, build: wifiPayload },
  email: { fields: EMAIL_FIELDS, build: emailPayload },
  tel: { fields: TEL_FIELDS, build: telPayload },
  sms: { fields: SMS_FIELDS, build: smsPayload },
  geo: { fields: GEO_FIELDS, build: geoPayload },
  vcard: { fields: VCARD_FIELDS, build: vcardPayload },
  otpauth: { fields: OTPAUTH_FIELDS, build: otpauthPayload },
  event: { fields: EVENT_FIELDS, build: eventPayload },
} as const satisfies Record<string, Builder>;

export type PayloadBuilders = typeof PAYLOAD_BUILDERS;
export type PayloadType = keyof PayloadBuilders;
