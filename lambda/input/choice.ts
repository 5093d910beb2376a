import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { absent } from './absent.js';
import type { Fields, Presence } from './fields.js';

/** One of `allowed`, compared case-insensitively; answered as written in `allowed`. */
export function choiceField<T extends string>(
  fields: Fields,
  name: string,
  allowed: readonly T[],
  presence: Presence = {},
): T | undefined {
  if (absent(fields, name, presence)) return undefined;
  const value = fields[name];
  const choice =
    typeof value === 'string' ? allowed.find((option) => option.toLowerCase() === value.toLowerCase()) : undefined;
  if (choice === undefined)
    throw badRequest('invalid_value', `'${name}' must be one of ${allowed.join(', ')}, not ${describe(value)}`, {
      field: name,
      allowed,
    });
  return choice;
}
