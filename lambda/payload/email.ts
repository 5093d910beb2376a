// mailto: URIs (RFC 6068): each address percent-encoded around its @, subject and body as
// percent-encoded UTF-8, every line break in the body (CRLF, CR or LF) as CRLF (%0D%0A).
import { emailField, optional, textField, type Fields, type Payload } from './fields.js';

export const EMAIL_FIELDS = ['to', 'subject', 'body'] as const;

const encodeAddress = (address: string): string => {
  const at = address.lastIndexOf('@');
  return `${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
};

export function emailPayload(fields: Fields): Payload {
  const to = emailField(fields, 'to', true)!;
  const subject = textField(fields, 'subject', { max: 500 });
  const body = textField(fields, 'body', { max: 2000, multiline: true });
  const headers = [
    ...optional('subject=', subject && encodeURIComponent(subject)),
    ...optional('body=', body && encodeURIComponent(body.replace(/\r\n?|\n/g, '\r\n'))),
  ];
  return { text: `mailto:${encodeAddress(to)}${headers.length > 0 ? `?${headers.join('&')}` : ''}`, secret: false };
}
