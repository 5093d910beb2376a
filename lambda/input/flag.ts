import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { absent } from './absent.js';
import type { Fields } from './fields.js';

/** true or false, as JSON or as the strings "true" and "false". */
export function flagField(fields: Fields, name: string): boolean | undefined {
  if (absent(fields, name, {})) return undefined;
  const value = fields[name];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badRequest('invalid_value', `'${name}' must be true or false, not ${describe(value)}`, {
    field: name,
    allowed: ['true', 'false'],
  });
}
