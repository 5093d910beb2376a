// A true/false field, read alike by the builders and by the drawing options (`private`):
// a module of its own, so the options do not load the builders' field readers.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';

/** true or false, as JSON or as the strings "true" and "false". */
export function flagField(fields: Readonly<Record<string, unknown>>, name: string): boolean | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badRequest('invalid_value', `'${name}' must be true or false, not ${describe(value)}`, {
    field: name,
    allowed: ['true', 'false'],
  });
}
