// Reading a builder's typed fields, from a JSON body (strings, numbers, booleans) or a
// query string (strings only). Every refusal names the field.
import { describe, kindOf } from '../describe.js';
import { badRequest } from '../errors.js';

export { flagField } from './flag.js';

export type Fields = Readonly<Record<string, unknown>>;

/** What a builder makes: the exact text to encode, and whether it holds a secret. */
export interface Payload {
  readonly text: string;
  readonly secret: boolean;
}

interface TextRule {
  readonly required?: boolean;
  /** Most characters allowed. */
  readonly max?: number;
  /** Whether line breaks may be part of it (a message, a description). */
  readonly multiline?: boolean;
  /** A password or a key: no message ever shows what was given. */
  readonly secret?: boolean;
}

/** A text field: a well-formed string without control characters (line breaks only where `multiline`). */
export function textField(
  fields: Fields,
  name: string,
  { required = false, max = 2000, multiline = false, secret = false }: TextRule = {},
): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) {
    if (required) throw badRequest('missing_field', `'${name}' is required`, { field: name });
    return undefined;
  }
  if (typeof value !== 'string')
    throw badRequest('invalid_type', `'${name}' must be a string, not ${(secret ? kindOf : describe)(value)}`, {
      field: name,
    });
  if (value === '') throw badRequest('empty_value', `'${name}' must not be empty`, { field: name });
  if (value.length > max)
    throw badRequest('out_of_range', `'${name}' is longer than ${max} characters`, { field: name, max });
  if (!value.isWellFormed())
    throw badRequest('invalid_text', `'${name}' contains an unpaired UTF-16 surrogate, which is not text`, {
      field: name,
    });
  const control = multiline ? /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (control.test(value)) {
    throw badRequest(
      'invalid_text',
      `'${name}' contains a control character${multiline ? ' other than a line break' : ''}`,
      { field: name },
    );
  }
  return value;
}

/** A number in [min, max]: a JSON number or a decimal string (no exponent, no hex). */
export function numberField(
  fields: Fields,
  name: string,
  min: number,
  max: number,
  { required = false, integer = false } = {},
): number | undefined {
  const value = fields[name];
  if (value === undefined || value === null) {
    if (required) throw badRequest('missing_field', `'${name}' is required`, { field: name });
    return undefined;
  }
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[+-]?\d{1,12}(\.\d{1,15})?$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number) || (integer && !Number.isInteger(number)) || number < min || number > max) {
    throw badRequest(
      'out_of_range',
      `'${name}' must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${describe(value)}`,
      {
        field: name,
        min,
        max,
      },
    );
  }
  return number;
}

/** `[prefix + value]`, or nothing when the value is absent: a payload's optional line or parameter. */
export const optional = (prefix: string, value: string | number | undefined): string[] =>
  value === undefined ? [] : [`${prefix}${value}`];

/** One of `allowed`, compared case-insensitively; answered as written in `allowed`. */
export function choiceField<T extends string>(fields: Fields, name: string, allowed: readonly T[]): T | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  const choice =
    typeof value === 'string' ? allowed.find((option) => option.toLowerCase() === value.toLowerCase()) : undefined;
  if (choice === undefined)
    throw badRequest('invalid_value', `'${name}' must be one of ${allowed.join(', ')}, not ${describe(value)}`, {
      field: name,
      allowed,
    });
  return choice;
}

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
