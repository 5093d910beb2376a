import { describe, kindOf } from '../describe.js';
import { badRequest } from '../errors.js';
import { absent } from './absent.js';
import type { Fields, Presence } from './fields.js';

export interface TextRule extends Presence {
  /** Most characters allowed. */
  readonly max?: number;
  /** Whether line breaks may be part of it (a message, a description). */
  readonly multiline?: boolean;
  /** A password or a key: no message ever shows what was given. */
  readonly secret?: boolean;
}

/** A string of text, not empty, well-formed (no lone surrogate): what every text field is at least. */
export function stringValue(value: unknown, name: string, secret = false): string {
  if (typeof value !== 'string')
    throw badRequest('invalid_type', `'${name}' must be a string, not ${(secret ? kindOf : describe)(value)}`, {
      field: name,
    });
  if (value === '') throw badRequest('empty_value', `'${name}' must not be empty`, { field: name });
  if (!value.isWellFormed())
    throw badRequest('invalid_text', `'${name}' contains an unpaired UTF-16 surrogate, which is not text`, {
      field: name,
    });
  return value;
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

/** A text field of a payload or a drawing: a string of at most `max` characters, without control characters (line breaks only where `multiline`). */
export function textField(
  fields: Fields,
  name: string,
  { max = 2000, multiline = false, secret = false, ...presence }: TextRule = {},
): string | undefined {
  if (absent(fields, name, presence)) return undefined;
  const value = stringValue(fields[name], name, secret);
  if (value.length > max)
    throw badRequest('out_of_range', `'${name}' is longer than ${max} characters`, { field: name, max });
  if ((multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(value)) {
    throw badRequest(
      'invalid_text',
      `'${name}' contains a control character${multiline ? ' other than a line break' : ''}`,
      { field: name },
    );
  }
  return value;
}
