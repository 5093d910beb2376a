import { validateHeaderName, validateHeaderValue } from 'node:http';

/** The function's result as the gateway writes it back. */
export interface MappedResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/**
 * A result with a `statusCode` is an HTTP response; any other valid JSON becomes a 200
 * `application/json` response whose body is that JSON. Undefined: malformed (a 500).
 */
export function fromResult(payload: Buffer): MappedResponse | undefined {
  let result: unknown;
  try {
    result = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
  }
  const {
    statusCode,
    headers = {},
    cookies = [],
    body = '',
    isBase64Encoded = false,
  } = result as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)
    return undefined;
  if (typeof body !== 'string' || typeof headers !== 'object' || headers === null || !Array.isArray(cookies))
    return undefined;
  // Names are the function's, and may be its client's: a `__proto__` header is a header.
  const mappedHeaders: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      mappedHeaders[name.toLowerCase()] = String(value);
    else return undefined;
  }
  // A header HTTP cannot carry (a space in its name, a line break in its value) makes the
  // whole response malformed, as at the gateway: checked before any of it is written.
  const cookieValues = cookies.map(String);
  if (!Object.entries(mappedHeaders).every(([name, value]) => headerIsValid(name, value))) return undefined;
  if (!cookieValues.every((cookie) => headerIsValid('set-cookie', cookie))) return undefined;
  return {
    statusCode,
    headers: mappedHeaders,
    cookies: cookieValues,
    body: isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
  };
}

/** Whether Node would write this header: a token for a name, no CR, LF or NUL in the value. */
export function headerIsValid(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}
