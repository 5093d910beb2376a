// tel: (RFC 3966) and sms: (RFC 5724) URIs: the number's digits, with its leading + if any.
import { phoneField, textField, type Fields, type Payload } from './fields.js';

export const TEL_FIELDS = ['number'] as const;
export const SMS_FIELDS = ['number', 'message'] as const;

export function telPayload(fields: Fields): Payload {
  return { text: `tel:${phoneField(fields, 'number', true)!}`, secret: false };
}

export function smsPayload(fields: Fields): Payload {
  const number = phoneField(fields, 'number', true)!;
  const message = textField(fields, 'message', { max: 1000, multiline: true });
  return { text: `sms:${number}${message === undefined ? '' : `?body=${encodeURIComponent(message)}`}`, secret: false };
}
