/**
 * Every 4xx body's `code`: a stable name for what went wrong, for programs to switch on
 * (the `error` beside it is for people, and its wording may change).
 */
export const ERROR_CODES = [
  // The invocation itself
  'invalid_event',
  'no_such_path',
  'method_not_allowed',
  'not_acceptable',
  'not_through_cdn',
  // The body and the query
  'empty_body',
  'invalid_json',
  'body_not_object',
  'body_too_large',
  'request_too_large',
  'invalid_base64',
  'invalid_utf8',
  'options_in_query',
  'repeated_parameter',
  'secret_in_url',
  // Options and their values
  'unknown_option',
  'unsupported_option',
  'option_not_applicable',
  'conflicting_options',
  'missing_field',
  'invalid_type',
  'empty_value',
  'invalid_value',
  'out_of_range',
  'invalid_text',
  'not_shift_jis',
  'invalid_color',
  'same_colors',
  'dark_too_transparent',
  'inverted_colors',
  'low_contrast',
  // What the code can hold and where it is drawn
  'data_too_large',
  'size_too_small',
  'unscannable',
  // Captions
  'unsupported_characters',
  'caption_too_wide',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a 4xx body carries beside `error` and `code`: the field at fault and the limits that apply. */
export type ErrorDetails = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * A failure the client can do something about. The handler turns it into
 * `{"error": message, "code": code, ...details}` with this status; anything else thrown is a 500.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    readonly headers: Readonly<Record<string, string>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A 400; `cause` is the domain error it reports, when there is one. */
export const badRequest = (code: ErrorCode, message: string, details: ErrorDetails = {}, cause?: Error): HttpError =>
  new HttpError(400, code, message, details, {}, cause === undefined ? undefined : { cause });
