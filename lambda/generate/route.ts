import { clip } from '../describe.js';
import { HttpError, badRequest } from '../errors.js';
import { negotiate } from '../http/accept.js';
import { isRecord } from '../is-record.js';
import type { HttpRequest, RequestBody } from '../http/request.js';
import { bytesResponse, jsonResponse, NO_STORE, type HttpResponse } from '../http/response.js';
import type { PayloadBuilders } from '../payload/index.js';
import { CONTENT_TYPES } from '../render/render.js';
import type { ImageFormat } from '../render/spec.js';
import { draw, verifiedHeader } from './draw.js';
import { IMAGE_CSP, imageResponse } from './image-response.js';
import { JSON_EXAMPLE, parseJsonBody } from './json-body.js';
import { hasPixelOptions, kanjiAsked, parseQrSpec } from './options.js';
import { fieldsFromQuery } from './query-fields.js';
import { loadKanji, type Kanji } from '../input/load-kanji.js';

export const SUCCESS_MESSAGE = 'QR Code generated successfully';

let builders: Promise<PayloadBuilders> | undefined;
/** The payload builders, loaded on the first request that names a `type`. */
const buildersFor = (fields: Readonly<Record<string, unknown>>): Promise<PayloadBuilders> | undefined =>
  fields.type === undefined
    ? undefined
    : (builders ??= import('../payload/index.js').then((module) => module.PAYLOAD_BUILDERS));

/** Kanji mode's table and check, loaded on the first request that asks for it. */
const kanjiFor = (fields: Readonly<Record<string, unknown>>): Promise<Kanji> | undefined =>
  kanjiAsked(fields) ? loadKanji() : undefined;

/** `GET /generate?url=…`: the image itself, cacheable and conditional (never cached when it holds a secret). */
export async function generateImage(request: HttpRequest): Promise<HttpResponse> {
  const fields = fieldsFromQuery(request.query);
  const spec = parseQrSpec(fields, 'query', await buildersFor(fields), await kanjiFor(fields));
  const { image, verified } = await draw(spec);
  return imageResponse(request, image, spec.secret, verifiedHeader(verified));
}

const JSON_TYPE = 'application/json';
type Representation = typeof JSON_TYPE | (typeof CONTENT_TYPES)[ImageFormat];

/**
 * `POST /generate` with a JSON object: by default the tutorial's JSON with the image in
 * base64; the image itself when the Accept header prefers it.
 */
export async function generateJson(request: HttpRequest): Promise<HttpResponse> {
  // Options in the query of a POST would otherwise be ignored without a word.
  const queryNames = [...new Set(request.query.keys())];
  if (queryNames.length > 0) {
    throw badRequest(
      'options_in_query',
      `POST /generate takes its options in the JSON body, not in the query string (${queryNames.map(clip).join(', ')})`,
      {
        fields: queryNames.map(clip),
      },
    );
  }
  const fields = jsonObjectOf(request.body);
  const spec = parseQrSpec(fields, 'body', await buildersFor(fields), await kanjiFor(fields));
  // Text has no pixels or colours: offered only when none were asked for, nor drawn at the centre (a payload's overlay).
  const textFits = !hasPixelOptions(fields) && spec.style === undefined;
  const offers: Representation[] = spec.formatGiven
    ? [JSON_TYPE, CONTENT_TYPES[spec.format]]
    : [JSON_TYPE, CONTENT_TYPES.png, CONTENT_TYPES.svg, ...(textFits ? [CONTENT_TYPES.txt] : [])];
  const chosen = negotiate(request.headers.accept, offers);
  if (chosen === undefined) {
    const why =
      textFits || spec.formatGiven
        ? ''
        : ` (${CONTENT_TYPES.txt} is not among them because ${hasPixelOptions(fields) ? 'size, dark or light was given' : `${spec.type} codes have a picture at their centre`})`;
    throw new HttpError(
      406,
      'not_acceptable',
      `the Accept header allows none of the types this can answer with: ${offers.join(', ')}${why}`,
      { offers },
    );
  }
  const vary = { vary: 'accept', ...(spec.secret ? NO_STORE : {}) };
  if (chosen !== JSON_TYPE) {
    const format = (Object.keys(CONTENT_TYPES) as ImageFormat[]).find((name) => CONTENT_TYPES[name] === chosen)!;
    const { image, verified } = await draw({ ...spec, format });
    return bytesResponse(200, image.contentType, image.bytes, {
      ...vary,
      'content-security-policy': IMAGE_CSP,
      ...verifiedHeader(verified),
    });
  }
  const { image, verified } = await draw(spec);
  return jsonResponse(
    200,
    {
      message: SUCCESS_MESSAGE,
      qr_code: image.bytes.toString('base64'),
      // The input, unchanged; a built payload instead says what it built.
      ...(spec.type === undefined ? { url: spec.text } : { type: spec.type, payload: spec.text }),
      format: image.format,
      content_type: image.contentType,
      // Text: characters a line, and lines (two module rows each).
      width: image.width,
      height: image.height,
      // A styled code: which decoders read it, at which widths, and how much of the worst block's correction it used.
      ...(verified && {
        verified: {
          decoders: verified.decoders,
          sizes: verified.sizes,
          ec_level: verified.ecLevel,
          worst_block_share: verified.worstBlockShare,
          ...(verified.logoSize !== undefined && { logo_size: verified.logoSize }),
          ...(verified.captionSize !== undefined && { caption_size: verified.captionSize }),
        },
      }),
    },
    { ...vary, ...verifiedHeader(verified) },
  );
}

function jsonObjectOf(body: RequestBody): Readonly<Record<string, unknown>> {
  if (body.kind === 'none')
    throw badRequest('empty_body', `the request body is empty; send a JSON object such as ${JSON_EXAMPLE}`);
  const value = body.kind === 'value' ? body.value : parseJsonBody(body.text);
  if (!isRecord(value))
    throw badRequest('body_not_object', `the request body must be a JSON object such as ${JSON_EXAMPLE}`);
  return value;
}
