import { badRequest } from '../errors.js';
import { clip } from '../describe.js';

/** The smallest body the messages about a JSON body show. */
export const JSON_EXAMPLE = '{"url": "https://example.com"}';

/**
 * A POST body as JSON, read as strictly as the query: a leading byte order mark is ignored
 * (RFC 8259 §8.1 lets a parser do so; one only, as text or decoded from base64), and a
 * name given twice in one object is refused, as a repeated query parameter is, rather than
 * the last one silently winning.
 */
export function parseJsonBody(text: string): unknown {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw badRequest('invalid_json', `the request body is not valid JSON; send a JSON object such as ${JSON_EXAMPLE}`);
  }
  const repeated = repeatedName(json);
  if (repeated !== undefined) {
    throw badRequest(
      'repeated_parameter',
      `the field '${clip(repeated)}' is given twice in one object of the body; give it once`,
      { field: clip(repeated) },
    );
  }
  return value;
}

/** The first name that appears twice in one object of `json` (valid JSON), if any. */
export function repeatedName(json: string): string | undefined {
  // One entry per open object (its names so far, and whether a name comes next) or array (null).
  const open: ({ names: Set<string>; nameNext: boolean } | null)[] = [];
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (char === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const top = open.at(-1);
      if (top?.nameNext) {
        const name = JSON.parse(json.slice(i, end + 1)) as string;
        if (top.names.has(name)) return name;
        top.names.add(name);
        top.nameNext = false;
      }
      i = end;
    } else if (char === '{') open.push({ names: new Set(), nameNext: true });
    else if (char === '[') open.push(null);
    else if (char === '}' || char === ']') open.pop();
    else if (char === ',') {
      const top = open.at(-1);
      if (top) top.nameNext = true;
    }
  }
  return undefined;
}
