import { clip } from '../describe.js';
import { badRequest } from '../errors.js';

/** Query parameters as option fields; a repeated parameter is ambiguous, so refused. */
export function fieldsFromQuery(query: URLSearchParams): Record<string, string> {
  // No prototype: a parameter named __proto__ is a key like any other (and refused as unknown).
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of query) {
    if (Object.hasOwn(fields, name))
      throw badRequest('repeated_parameter', `query parameter '${clip(name)}' is given more than once`, {
        field: clip(name),
      });
    fields[name] = value;
  }
  return fields;
}
