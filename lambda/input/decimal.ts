import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { absent } from './absent.js';
import type { Fields, Presence } from './fields.js';

export interface DecimalRule extends Presence {
  readonly min: number;
  readonly max: number;
  /** Most digits after the decimal point (trailing zeros do not count). */
  readonly decimals: number;
}

/** Digits with an optional sign and fraction: no exponent, no spaces, no thousands separators. */
const PLAIN = /^([+-]?)(\d{1,15})(?:\.(\d{1,30}))?$/;

/** A JSON number's decimal digits: fixed-point where that is the very same number, so 1e-7 reads 0.0000001. */
function digitsOf(value: number, decimals: number): string {
  const fixed = Number.isFinite(value) && Math.abs(value) < 1e15 ? value.toFixed(decimals) : String(value);
  // Not the same number: more decimals than allowed, which String() shows and the check below refuses.
  return Number(fixed) === value ? fixed : String(value);
}

/**
 * An amount, of money or of a coin: a number in [min, max] with at most `decimals` decimals, as a
 * JSON number or its digits as a string. Answered as its exact decimal digits, never in exponent form:
 * no leading zeros, no trailing zeros after the point, no point when there is no fraction ("12.5",
 * "12", "0.00000001"). A string keeps every digit it has, beyond what a double holds.
 */
export function decimalField(
  fields: Fields,
  name: string,
  { min, max, decimals, ...presence }: DecimalRule,
): string | undefined {
  if (absent(fields, name, presence)) return undefined;
  const value = fields[name];
  const match =
    typeof value === 'number'
      ? PLAIN.exec(digitsOf(value, decimals))
      : typeof value === 'string'
        ? PLAIN.exec(value)
        : null;
  const fraction = (match?.[3] ?? '').replace(/0+$/, '');
  const number = match === null ? Number.NaN : Number(match[0]);
  if (match === null || fraction.length > decimals || !(number >= min && number <= max)) {
    throw badRequest(
      'out_of_range',
      `'${name}' must be a number from ${min} to ${max} with at most ${decimals} decimals, not ${describe(value)}`,
      { field: name, min, max, decimals },
    );
  }
  const whole = match[2]!.replace(/^0+(?=\d)/, '');
  const sign = match[1] === '-' && number !== 0 ? '-' : '';
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
