/**
 * The client context as the Runtime API's `Lambda-Runtime-Client-Context` header can carry
 * it. An HTTP header holds Latin-1 without CR or LF; the Invoke API takes any JSON object.
 * The same JSON, re-serialised with every character past ASCII written as a `\u` escape,
 * is equal to the original for any JSON reader and always fits a header.
 */
export function headerSafeClientContext(json: string): string {
  return JSON.stringify(JSON.parse(json)).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The Invoke API's limit on `X-Amz-Client-Context`, base64 as sent. */
export const MAX_CLIENT_CONTEXT_BYTES = 3583;

/**
 * `X-Amz-Client-Context` → the JSON text the function's context gets, or why it is refused:
 * AWS documents it as base64-encoded JSON of at most 3,583 bytes.
 */
export function decodeClientContext(base64: string): { ok: true; json: string } | { ok: false; message: string } {
  if (Buffer.byteLength(base64) > MAX_CLIENT_CONTEXT_BYTES) {
    return {
      ok: false,
      message: `Client context must be at most ${MAX_CLIENT_CONTEXT_BYTES} bytes, base64-encoded (this one is ${Buffer.byteLength(base64)})`,
    };
  }
  const invalid = { ok: false, message: 'Client context must be a valid Base64-encoded JSON object.' } as const;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) return invalid;
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64'));
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid;
  } catch {
    return invalid;
  }
  return { ok: true, json };
}
