/**
 * A failure the client can do something about. The handler turns it into
 * `{"error": message}` with this status; anything else thrown is a 500.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A 400; `cause` is the domain error it reports, when there is one. */
export const badRequest = (message: string, cause?: Error): HttpError =>
  new HttpError(400, message, {}, cause === undefined ? undefined : { cause });
