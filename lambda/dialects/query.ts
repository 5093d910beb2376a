// What the three dialects share: a query read strictly (every parameter known, none
// repeated), the parameters the originals have but this service refuses (with why), and
// the image answered like GET /generate's: cacheable for a year, or never when it holds a secret.
import { clip } from '../describe.js';
import { badRequest } from '../errors.js';
import { fieldsFromQuery } from '../generate/query-fields.js';
import { draw, verifiedHeader } from '../generate/draw.js';
import type { DrawSpec } from '../generate/draw-spec.js';
import { imageResponse } from '../generate/image-response.js';
import type { HttpRequest } from '../http/request.js';
import type { HttpResponse } from '../http/response.js';
import { loadKanji } from '../input/load-kanji.js';
import { isSecretText } from '../payload/secret.js';
import type { KanjiCodes } from '../qr/kanji.js';
import type { RenderSpec } from '../render/spec.js';

/** A dialect's drawing: a plain code, or (QuickChart's centre image and caption) a styled one. */
export type DialectSpec = RenderSpec &
  Partial<Pick<DrawSpec, 'style' | 'ecLevelGiven' | 'styleDefaults' | 'optionNames'>>;

export interface Dialect {
  /** As the original names itself in messages: "Google Chart API". */
  readonly name: string;
  readonly parameters: readonly string[];
  /** Parameters of the original this service does not honour, and why. */
  readonly refused?: Readonly<Record<string, string>>;
  /** The parameter that asks for Shift JIS (Kanji mode), when the query does. */
  readonly shiftJis?: (fields: Readonly<Record<string, string>>) => string | undefined;
  /** The query's fields, checked, as what to draw: without Kanji, which the route adds where `shiftJis` asks for it. */
  readonly spec: (fields: Readonly<Record<string, string>>) => DialectSpec;
}

/** A route that answers a dialect's GET with the image it describes. */
export function dialectRoute(dialect: Dialect): (request: HttpRequest) => Promise<HttpResponse> {
  return async (request) => {
    const fields = fieldsFromQuery(request.query);
    for (const name of Object.keys(fields)) {
      const why = dialect.refused && Object.hasOwn(dialect.refused, name) ? dialect.refused[name] : undefined;
      if (why !== undefined)
        throw badRequest('unsupported_option', `'${clip(name)}' of the ${dialect.name} is not supported here: ${why}`, {
          field: name,
        });
      if (!dialect.parameters.includes(name)) {
        throw badRequest(
          'unknown_option',
          `unknown parameter '${clip(name)}' for the ${dialect.name}; its parameters are: ${dialect.parameters.join(', ')}`,
          {
            field: clip(name),
            allowed: dialect.parameters,
          },
        );
      }
    }
    const plain = dialect.spec(fields);
    const secret = isSecretText(plain.text);
    const asking = dialect.shiftJis?.(fields);
    const spec = asking === undefined ? plain : { ...plain, kanji: await kanjiFor(plain.text, asking, secret) };
    const { image, verified } = await draw({ style: undefined, ecLevelGiven: true, ...spec });
    return imageResponse(request, image, secret, verifiedHeader(verified));
  };
}

/** The Kanji table, for text that a Kanji-mode code carries (`field` asked for Shift JIS). */
async function kanjiFor(text: string, field: string, secret: boolean): Promise<KanjiCodes> {
  const { codes, kanjiText } = await loadKanji();
  kanjiText(text, field, secret);
  return codes;
}

/** A required parameter. */
export function required(fields: Readonly<Record<string, string>>, name: string, example: string): string {
  const value = fields[name];
  if (value === undefined) throw badRequest('missing_field', `'${name}' is required, e.g. ${example}`, { field: name });
  return value;
}

/** `W`x`H` in pixels, each from min to max. */
export function dimensions(value: string, name: string, min: number, max: number): { width: number; height: number } {
  const match = /^(\d{1,7})x(\d{1,7})$/i.exec(value);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < min || height < min || width > max || height > max) {
    throw badRequest(
      'out_of_range',
      `'${name}' must be WIDTHxHEIGHT in pixels, each from ${min} to ${max}, such as 200x200`,
      { field: name, min, max },
    );
  }
  return { width, height };
}

/** Only UTF-8 is encoded: what every current scanner reads. */
export function utf8Only(value: string | undefined, name: string): void {
  if (value === undefined || value.toUpperCase() === 'UTF-8') return;
  throw badRequest(
    'unsupported_option',
    `'${name}' ${clip(value)} is not supported here: the data is encoded as UTF-8, which every current scanner reads`,
    {
      field: name,
      allowed: ['UTF-8'],
    },
  );
}
