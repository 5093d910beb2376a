// WIFI:T:WPA;S:<ssid>;P:<password>;H:true;; — the format phones' cameras read (ZXing's
// "Barcode Contents"): \ ; , " and : in a value are escaped with a backslash.
import { badRequest } from '../errors.js';
import { choiceField, flagField, textField, type Fields, type Payload } from './fields.js';

export const WIFI_FIELDS = ['ssid', 'password', 'security', 'hidden'] as const;
const SECURITY = ['WPA', 'WEP', 'nopass'] as const;

/** A value of a WIFI: (or MECARD:) field, escaped. */
export const escapeWifi = (value: string): string => value.replace(/[\\;,":]/g, '\\$&');

export function wifiPayload(fields: Fields): Payload {
  const ssid = textField(fields, 'ssid', { required: true, max: 32 })!;
  if (Buffer.byteLength(ssid, 'utf8') > 32)
    throw badRequest('out_of_range', "'ssid' is longer than 32 bytes, the most a network name holds", {
      field: 'ssid',
      max: 32,
    });
  const password = textField(fields, 'password', { max: 64, secret: true });
  const security = choiceField(fields, 'security', SECURITY) ?? (password === undefined ? 'nopass' : 'WPA');
  if (security === 'nopass' && password !== undefined) {
    throw badRequest(
      'conflicting_options',
      "'password' is given for a network with security nopass; leave it out, or set security to WPA or WEP",
      { field: 'password' },
    );
  }
  if (security !== 'nopass') checkPassword(security, password);
  const hidden = flagField(fields, 'hidden') ?? false;
  const text = `WIFI:T:${security};S:${escapeWifi(ssid)};${password === undefined ? '' : `P:${escapeWifi(password)};`}${hidden ? 'H:true;' : ''};`;
  return { text, secret: password !== undefined };
}

/** IEEE 802.11's passphrases: WPA 8 to 63 ASCII characters or 64 hex digits; WEP 5 or 13 characters, or 10 or 26 hex digits. */
function checkPassword(security: 'WPA' | 'WEP', password: string | undefined): void {
  if (password === undefined)
    throw badRequest('missing_field', `'password' is required for a ${security} network`, { field: 'password' });
  const ascii = /^[\x20-\x7e]*$/.test(password);
  const hex = /^[0-9a-f]*$/i.test(password);
  const fits =
    security === 'WPA'
      ? (ascii && password.length >= 8 && password.length <= 63) || (hex && password.length === 64)
      : (ascii && (password.length === 5 || password.length === 13)) ||
        (hex && (password.length === 10 || password.length === 26));
  if (!fits) {
    const rule =
      security === 'WPA'
        ? '8 to 63 ASCII characters, or 64 hex digits'
        : '5 or 13 ASCII characters, or 10 or 26 hex digits';
    throw badRequest('invalid_value', `'password' of a ${security} network must be ${rule}`, { field: 'password' });
  }
}
