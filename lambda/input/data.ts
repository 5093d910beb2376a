import { HttpError } from '../errors.js';
import { maxCapacity } from '../qr/capacity.js';
import { stringValue } from './text.js';

/** No QR code holds more characters than this: version 40-L's digits (7089). */
export const MAX_DATA_LENGTH = maxCapacity('L').digits;

/**
 * The data to encode, in field `name`: any non-empty, well-formed string (control
 * characters included: a code may hold them), and none that no QR code could hold.
 */
export function dataValue(value: unknown, name: string): string {
  if (typeof value === 'string' && value.length > MAX_DATA_LENGTH) {
    throw new HttpError(
      413,
      'data_too_large',
      `'${name}' is ${value.length} characters long; no QR code holds more than ${MAX_DATA_LENGTH} (digits only)`,
      { field: name, maxDigits: MAX_DATA_LENGTH },
    );
  }
  return stringValue(value, name);
}
