import { clip } from '../describe.js';
import { badRequest, type HttpError } from '../errors.js';
import { choiceField } from '../input/choice.js';
import { dataValue, MAX_DATA_LENGTH } from '../input/data.js';
import type { Fields } from '../input/fields.js';
import { flagField } from '../input/flag.js';
import { numberField } from '../input/number.js';
import { EC_LEVELS, type EcLevel } from '../qr/ec-level.js';
import type { Kanji } from '../input/load-kanji.js';
import type { KanjiCodes } from '../qr/kanji.js';
import { MAX_PIXELS, type ImageFormat } from '../render/spec.js';
import type { Overlay, Payload, PayloadBuilders, PayloadType } from '../payload/index.js';
import { isSecretText } from '../payload/secret.js';
import type { DrawSpec } from './draw-spec.js';
import { parseColors } from './readable-colors.js';

/** A validated request to draw one QR code. */
export interface QrSpec extends DrawSpec {
  /** Whether the client chose the format (rather than taking the default). */
  readonly formatGiven: boolean;
  /** The payload builder that made `text`, when the request named a `type`. */
  readonly type: PayloadType | undefined;
  /** The data holds a secret, or the client said it does (`private`): never cached, no ETag. */
  readonly secret: boolean;
}

/** Where the options came from: a GET's URL lives on in histories, logs and caches. */
export type OptionSource = 'body' | 'query';

export const LIMITS = {
  size: { min: 21, max: MAX_PIXELS },
  margin: { min: 0, max: 16 },
  textLength: MAX_DATA_LENGTH,
} as const;

export const DEFAULTS = { format: 'png', margin: 4, ecLevel: 'L' } as const;

/** A styled code's options (lambda/styled/options.ts reads them): any of them makes the code styled. */
export const STYLE_FIELDS = [
  'logo',
  'logoSize',
  'logoMargin',
  'dotStyle',
  'cornerSquareStyle',
  'cornerSquareColor',
  'cornerDotStyle',
  'cornerDotColor',
  'gradient',
  'gradientColor',
  'gradientRotation',
  'maxDamage',
  'caption',
  'captionColor',
  'captionSize',
] as const;
/** How the code is made and drawn, whatever the data. */
const DRAWING_FIELDS = [
  'format',
  'size',
  'fit',
  'margin',
  'ecLevel',
  'eci',
  'mode',
  'dark',
  'light',
  'private',
  ...STYLE_FIELDS,
] as const;
/** The options without a `type`: the data as it is. */
const FIELDS = ['url', 'text', 'type', ...DRAWING_FIELDS] as const;
const FORMATS: readonly ImageFormat[] = ['png', 'svg', 'txt'];
/** `whole`: whole pixels per module, the image at most `size`; `exact`: exactly `size`, the modules scaled to fill it. */
const FITS = ['whole', 'exact'] as const;
/** `byte`: what is not digits or upper case as UTF-8 bytes; `kanji`: JIS X 0208's characters in Kanji mode. */
const MODES = ['byte', 'kanji'] as const;

/** Whether the options ask for Kanji mode: the caller loads it (loadKanji) before parseQrSpec. */
export const kanjiAsked = (fields: Fields): boolean =>
  typeof fields.mode === 'string' && fields.mode.toLowerCase() === 'kanji';

/**
 * Validates the options of a POST body or a GET query (whose values are all strings).
 * Every failure names the field and what it accepts. A request with a `type` needs the
 * payload builders, one that asks for Kanji mode (kanjiAsked) Kanji's table and check.
 */
export function parseQrSpec(
  fields: Fields,
  source: OptionSource = 'body',
  builders?: PayloadBuilders,
  kanji?: Kanji,
): QrSpec {
  if (fields.type !== undefined && builders === undefined)
    throw new Error('parseQrSpec: a request with a type needs the payload builders');
  const type = builders && choiceField(fields, 'type', Object.keys(builders) as PayloadType[]);
  const allowed: readonly string[] =
    type === undefined ? FIELDS : ['type', ...builders![type].fields, ...DRAWING_FIELDS];
  for (const name of Object.keys(fields)) {
    if (!allowed.includes(name)) {
      const what = type === undefined ? 'the options are' : `type ${type} takes`;
      throw badRequest('unknown_option', `unknown option '${clip(name)}'; ${what}: ${allowed.join(', ')}`, {
        field: clip(name),
        allowed,
      });
    }
  }
  // On GET, a secret field is refused before anything reads it, so no message repeats it.
  // A builder's payload is secret only through these fields (test/lambda/payload/builders.test.ts).
  const secretField =
    source === 'query' && type !== undefined
      ? builders![type].secretFields.find((name) => fields[name] !== undefined)
      : undefined;
  if (secretField !== undefined) throw secretInUrl(type!, secretField);
  const payload = type === undefined ? textPayload(fields) : builders![type].build(fields);
  const format = choiceField(fields, 'format', FORMATS);
  const styled = STYLE_FIELDS.filter((name) => fields[name] !== undefined);
  if (payload.overlay !== undefined) refuseOverOverlay(fields, type!, format);
  if (format === 'txt') refuseImageOptions(fields, styled);
  const size = numberField(fields, 'size', { ...LIMITS.size, integer: true });
  const fit = choiceField(fields, 'fit', FITS);
  if (fit === 'exact' && size === undefined) {
    throw badRequest('missing_field', "'fit' exact needs a 'size': the width and height the image is to have", {
      field: 'size',
    });
  }
  const secret = payload.secret || flagField(fields, 'private') === true;
  return {
    text: payload.text,
    type,
    secret,
    ...textEncoding(fields, payload.text, secret, kanji),
    format: format ?? DEFAULTS.format,
    formatGiven: format !== undefined,
    size,
    canvas: fit === 'exact' ? { width: size!, height: size!, padding: 0 } : undefined,
    margin: numberField(fields, 'margin', { ...LIMITS.margin, integer: true }) ?? DEFAULTS.margin,
    ...ecLevelFor(fields, payload, type),
    ...parseColors(fields),
    style:
      styled.length === 0 && payload.overlay === undefined
        ? undefined
        : { ...Object.fromEntries(styled.map((name) => [name, fields[name]])), ...overlayStyle(payload.overlay) },
  };
}

/** The logo options that draw a payload's overlay (the Swiss cross): its SVG, at its size, with no margin. */
function overlayStyle(overlay: Overlay | undefined): Fields {
  return overlay === undefined
    ? {}
    : {
        logo: `data:image/svg+xml;base64,${Buffer.from(overlay.svg, 'utf8').toString('base64')}`,
        logoSize: overlay.size,
        logoMargin: 0,
        overlay: true,
      };
}

/** A format that draws its own picture at the centre has no room for a logo, and text cannot show it. */
function refuseOverOverlay(fields: Fields, type: PayloadType, format: ImageFormat | undefined): void {
  const logo = (['logo', 'logoSize', 'logoMargin'] as const).find((name) => fields[name] !== undefined);
  if (logo !== undefined)
    throw badRequest(
      'conflicting_options',
      `${aOrAn(type)} ${type} code has its own picture at its centre: leave '${logo}' out`,
      {
        field: logo,
      },
    );
  if (format === 'txt')
    throw badRequest(
      'option_not_applicable',
      `format txt cannot draw the picture at the centre of ${aOrAn(type)} ${type} code: ask for png or svg`,
      { field: 'format', allowed: ['png', 'svg'] },
    );
}

/**
 * The level asked for, or the default; a format that requires a level (EPC's M) is drawn at
 * it, and refuses another. Given or required, a styled code never raises it.
 */
function ecLevelFor(
  fields: Fields,
  payload: Payload,
  type: PayloadType | undefined,
): { ecLevel: EcLevel; ecLevelGiven: boolean } {
  const asked = choiceField(fields, 'ecLevel', EC_LEVELS);
  if (payload.ecLevel === undefined) return { ecLevel: asked ?? DEFAULTS.ecLevel, ecLevelGiven: asked !== undefined };
  if (asked !== undefined && asked !== payload.ecLevel) {
    throw badRequest(
      'conflicting_options',
      `${aOrAn(type!)} ${type} code is drawn at error correction level ${payload.ecLevel}, as its specification requires: leave 'ecLevel' out`,
      { field: 'ecLevel', allowed: [payload.ecLevel] },
    );
  }
  return { ecLevel: payload.ecLevel, ecLevelGiven: true };
}

/**
 * `eci` and `mode`: how the text is written. Kanji mode takes only text it can carry, and
 * no ECI: after a UTF-8 ECI, ZXing and ZBar read the Kanji segments as UTF-8 too.
 */
function textEncoding(
  fields: Fields,
  text: string,
  secret: boolean,
  kanji: Kanji | undefined,
): { eci: boolean; kanji: KanjiCodes | undefined } {
  const eci = flagField(fields, 'eci') ?? false;
  if ((choiceField(fields, 'mode', MODES) ?? 'byte') === 'byte') return { eci, kanji: undefined };
  if (eci) {
    throw badRequest(
      'conflicting_options',
      "'eci' and 'mode' kanji do not go together: after a UTF-8 ECI, readers read Kanji as UTF-8 too",
      { field: 'eci' },
    );
  }
  if (kanji === undefined) throw new Error('parseQrSpec: mode kanji needs loadKanji');
  kanji.kanjiText(text, 'mode', secret);
  return { eci, kanji: kanji.codes };
}

/** The article before a builder's name: an epc code, a wifi code. */
const aOrAn = (type: string): string => (/^[aeiou]/.test(type) ? 'an' : 'a');

/** A builder's secret on GET: a URL lives on in browser histories, logs and caches. */
const secretInUrl = (type: PayloadType, field: string): HttpError =>
  badRequest(
    'secret_in_url',
    `${aOrAn(type)} ${type} code with a ${field} is not made from a URL, which browser histories, logs and caches keep: POST it`,
    { field },
  );

/** The data as given (`url`, or its alias `text`); a secret when it is an otpauth: key or a WIFI: password. */
function textPayload(fields: Fields): Payload {
  const text = parseText(fields);
  return { text, secret: isSecretText(text) };
}

/** Options that only images have: text is one character per module, in the terminal's own colours. */
const PIXEL_OPTIONS = ['size', 'fit', 'dark', 'light'] as const;

/** Whether any option that only an image can honour (a size, colours, a style) was given. */
export const hasPixelOptions = (fields: Fields): boolean =>
  [...PIXEL_OPTIONS, ...STYLE_FIELDS].some((name) => fields[name] !== undefined);

function refuseImageOptions(fields: Fields, styled: readonly string[]): void {
  const name = PIXEL_OPTIONS.find((option) => fields[option] !== undefined) ?? styled[0];
  if (name === 'size' || name === 'fit') {
    throw badRequest(
      'option_not_applicable',
      `'${name}' does not apply to format txt: the code is one character per module, sized by the terminal's font`,
      { field: name },
    );
  }
  if (name !== undefined) {
    throw badRequest(
      'option_not_applicable',
      `'${name}' does not apply to format txt: the terminal's own colours draw it (made for light text on a dark background)${styled.includes(name) ? ', in square modules' : ''}`,
      { field: name },
    );
  }
}

function parseText(fields: Fields): string {
  const hasUrl = fields.url !== undefined;
  if (hasUrl && fields.text !== undefined)
    throw badRequest('conflicting_options', "give either 'url' or 'text' (its alias), not both", { field: 'text' });
  const name = hasUrl ? 'url' : 'text';
  const value = fields[name];
  if (value === undefined || value === null) {
    throw badRequest(
      'missing_field',
      '\'url\' is required: the text or URL to encode, e.g. {"url": "https://example.com"}',
      { field: 'url' },
    );
  }
  return dataValue(value, name);
}
