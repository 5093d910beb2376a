import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { absent } from './absent.js';
import type { Fields, Presence } from './fields.js';

export interface NumberRule extends Presence {
  readonly min: number;
  readonly max: number;
  /** A whole number: as a string, digits only. */
  readonly integer?: boolean;
}

/** Digits with an optional sign; a decimal may have a fraction. No exponent, no hex, no spaces. */
const INTEGER = /^[+-]?\d{1,12}$/;
const DECIMAL = /^[+-]?\d{1,12}(\.\d{1,15})?$/;

/** A number in [min, max]: a JSON number, or its decimal digits as a string (all a query has). */
export function numberField(
  fields: Fields,
  name: string,
  { min, max, integer = false, ...presence }: NumberRule,
): number | undefined {
  if (absent(fields, name, presence)) return undefined;
  const value = fields[name];
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && (integer ? INTEGER : DECIMAL).test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(number) || (integer && !Number.isInteger(number)) || number < min || number > max) {
    throw badRequest(
      'out_of_range',
      `'${name}' must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${describe(value)}`,
      { field: name, min, max },
    );
  }
  return number === 0 ? 0 : number; // -0 is 0
}
