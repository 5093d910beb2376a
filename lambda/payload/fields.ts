// What the builders share: their result, and the field readers of formats that several
// builders take (an e-mail address, a phone number), on the one input layer (lambda/input/).
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { textField } from '../input/text.js';

export { choiceField } from '../input/choice.js';
export { decimalField } from '../input/decimal.js';
export type { Fields } from '../input/fields.js';
export { flagField } from '../input/flag.js';
export { numberField } from '../input/number.js';
export { textField } from '../input/text.js';
import type { Fields } from '../input/fields.js';

/** What a builder makes: the exact text to encode, and whether it holds a secret. */
export interface Payload {
  readonly text: string;
  readonly secret: boolean;
  /** The error correction level the format requires (EPC's M): the code is drawn at it, and another one asked for is refused. */
  readonly ecLevel?: 'L' | 'M' | 'Q' | 'H';
  /** A picture the format puts at the code's centre (the Swiss QR code's cross): drawn as a styled code's logo, and read back before it leaves. */
  readonly overlay?: Overlay;
}

/** An SVG image centred on the code, `size` of the symbol's width (quiet zone excluded). */
export interface Overlay {
  readonly svg: string;
  readonly size: number;
}

/** `[prefix + value]`, or nothing when the value is absent: a payload's optional line or parameter. */
export const optional = (prefix: string, value: string | number | undefined): string[] =>
  value === undefined ? [] : [`${prefix}${value}`];

/** An amount of decimalField's with exactly two decimals, as payment codes write cents: 12 → 12.00, 12.5 → 12.50. */
export const twoDecimals = (amount: string): string => {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
};

/** An e-mail address of the usual shape: one @, no spaces, a dot in the domain. */
export function emailField(fields: Fields, name: string, required = false): string | undefined {
  const value = textField(fields, name, { required, max: 254 });
  if (value !== undefined && !/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/.test(value)) {
    throw badRequest(
      'invalid_value',
      `'${name}' must be an e-mail address such as ada@example.com, not ${describe(value)}`,
      { field: name },
    );
  }
  return value;
}

/** A phone number: digits with an optional leading +, and the spaces, dots, dashes and brackets people write. */
export function phoneField(fields: Fields, name: string, required = false): string | undefined {
  const value = textField(fields, name, { required, max: 40 });
  if (value === undefined) return undefined;
  const digits = value.replace(/[\s().-]/g, '');
  if (!/^\+?\d{3,15}$/.test(digits)) {
    throw badRequest(
      'invalid_value',
      `'${name}' must be a phone number of 3 to 15 digits, such as +1 555 0100, not ${describe(value)}`,
      { field: name },
    );
  }
  return digits;
}

/** An http or https URL, as a contact's web address. */
export function urlField(fields: Fields, name: string): string | undefined {
  const value = textField(fields, name, { max: 2000 });
  if (value !== undefined && !/^https?:\/\/[^\s]+$/i.test(value)) {
    throw badRequest('invalid_value', `'${name}' must be an http or https URL such as https://example.com`, {
      field: name,
    });
  }
  return value;
}
