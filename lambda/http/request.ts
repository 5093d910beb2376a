/** What the routes see, whichever kind of event carried it. */
export interface HttpRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path without the stage prefix, e.g. `/generate`. */
  readonly path: string;
  /** Header names in lower case; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The query string exactly as parsed, repeated keys kept. */
  readonly query: URLSearchParams;
  readonly body: RequestBody;
}

/**
 * `text`: a body that arrived as a string (decoded from base64 if it was).
 * `value`: a direct invocation that passed its options as an object already.
 */
export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly value: unknown };

/** The largest request body accepted, in bytes once decoded. */
export const MAX_BODY_BYTES = 64 * 1024;
