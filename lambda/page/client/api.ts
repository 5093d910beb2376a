// POST /generate, from the page: JSON in, JSON out, the same origin only (the page's CSP).

/** The request as the page sends it: the API's field names, an address as an object of its parts. */
export type RequestBody = Record<string, string | number | boolean | Record<string, string>>;

/** What the page reads of the API's answers: an image, or an error with its code and field. */
export interface ApiJson {
  readonly code?: string;
  readonly field?: string;
  readonly error?: string;
  readonly ecLevel?: string;
  readonly logoSize?: number;
  readonly unreadBy?: unknown;
  readonly functionModules?: number;
  readonly wrongCodewords?: number;
  readonly budget?: number;
  readonly minimum?: number;
  readonly min?: number;
  readonly max?: number;
  readonly content_type?: string;
  readonly qr_code?: string;
  readonly format?: string;
  readonly width?: number;
  readonly height?: number;
  readonly verified?: Verified;
}

export interface Verified {
  readonly decoders: readonly string[];
  readonly sizes: readonly number[];
  readonly ec_level: string;
  readonly worst_block_share: number;
  readonly logo_size?: number;
}

/** The answer; status -1 when the service could not be reached. */
export interface Answer {
  readonly status: number;
  readonly ok: boolean;
  readonly json: ApiJson;
}

export function post(body: RequestBody): Promise<Answer> {
  return fetch('generate', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  }).then(
    (response) =>
      response.json().then(
        (json: ApiJson) => ({ status: response.status, ok: response.ok, json }),
        () => ({ status: response.ok ? 500 : response.status, ok: false, json: {} }),
      ),
    () => ({ status: -1, ok: false, json: {} }),
  );
}
