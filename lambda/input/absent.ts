import { badRequest } from '../errors.js';
import type { Fields, Presence } from './fields.js';

/** Whether `name` is absent: then undefined is the answer, unless it is required. */
export function absent(fields: Fields, name: string, { required = false }: Presence): boolean {
  if (fields[name] !== undefined) return false;
  if (required) throw badRequest('missing_field', `'${name}' is required`, { field: name });
  return true;
}
