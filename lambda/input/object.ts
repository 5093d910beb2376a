import { clip, describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { absent } from './absent.js';
import type { Fields, Presence } from './fields.js';

/**
 * A field that holds a JSON object of named fields (an address: name, street, town…): its
 * fields, renamed `name.field` so that the readers, and every refusal, name them in full
 * (`creditor.town`). Anything but an object is refused, as is a field it does not take. A
 * query string has no objects: there it is a string, refused like any other.
 */
export function objectField(
  fields: Fields,
  name: string,
  allowed: readonly string[],
  presence: Presence = {},
): Fields | undefined {
  if (absent(fields, name, presence)) return undefined;
  const value = fields[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(
      'invalid_type',
      `'${name}' must be an object with the fields ${allowed.join(', ')}, not ${describe(value)}${typeof value === 'string' ? ' (a query string cannot carry one: POST a JSON body)' : ''}`,
      { field: name, allowed },
    );
  const inner: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, field] of Object.entries(value)) {
    if (!allowed.includes(key))
      throw badRequest(
        'unknown_option',
        `unknown field '${name}.${clip(key)}'; '${name}' takes: ${allowed.join(', ')}`,
        { field: `${name}.${clip(key)}`, allowed },
      );
    inner[`${name}.${key}`] = field;
  }
  return inner;
}
