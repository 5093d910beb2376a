import { describe, clip } from '../describe.js';
import { HttpError, badRequest } from '../errors.js';
import { maxCapacity } from '../qr/capacity.js';
import { EC_LEVELS } from '../qr/ec-level.js';
import { BLACK, WHITE, sameColor, type Rgba } from '../render/color.js';
import { MAX_PIXELS, type ImageFormat, type RenderSpec } from '../render/spec.js';
import type { Payload, PayloadBuilders, PayloadType } from '../payload/index.js';
import { flagField } from '../payload/flag.js';
import { isSecretText } from '../payload/secret.js';
import { colorName, luminanceOnWhite, parseHexColor } from './color.js';

/** A validated request to draw one QR code. */
export interface QrSpec extends RenderSpec {
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
  /** No QR code holds more characters than this: version 40-L's digits (7089). */
  textLength: maxCapacity('L').digits,
} as const;

export const DEFAULTS = { format: 'png', margin: 4, ecLevel: 'L' } as const;

/** How the drawing is done, whatever the data. */
const DRAWING_FIELDS = ['format', 'size', 'fit', 'margin', 'ecLevel', 'dark', 'light', 'private'] as const;
/** The options without a `type`: the data as it is. */
const FIELDS = ['url', 'text', 'type', ...DRAWING_FIELDS] as const;
const FORMATS: readonly ImageFormat[] = ['png', 'svg', 'txt'];
/** `whole`: whole pixels per module, the image at most `size`; `exact`: exactly `size`, the modules scaled to fill it. */
const FITS = ['whole', 'exact'] as const;

/**
 * Validates the options of a POST body or a GET query (whose values are all strings).
 * Every failure names the field and what it accepts.
 */
export function parseQrSpec(
  fields: Readonly<Record<string, unknown>>,
  source: OptionSource = 'body',
  builders?: PayloadBuilders,
): QrSpec {
  if (fields.type !== undefined && builders === undefined)
    throw new Error('parseQrSpec: a request with a type needs the payload builders');
  const type = builders && parseChoice(fields, 'type', Object.keys(builders) as PayloadType[], (v) => v.toLowerCase());
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
  const format = parseChoice(fields, 'format', FORMATS, (v) => v.toLowerCase());
  if (format === 'txt') refuseImageOptions(fields);
  const size = parseInteger(fields, 'size', LIMITS.size);
  const fit = parseChoice(fields, 'fit', FITS, (v) => v.toLowerCase());
  if (fit === 'exact' && size === undefined) {
    throw badRequest('missing_field', "'fit' exact needs a 'size': the width and height the image is to have", {
      field: 'size',
    });
  }
  return {
    text: payload.text,
    type,
    secret: payload.secret || flagField(fields, 'private') === true,
    format: format ?? DEFAULTS.format,
    formatGiven: format !== undefined,
    size,
    canvas: fit === 'exact' ? { width: size!, height: size!, padding: 0 } : undefined,
    margin: parseInteger(fields, 'margin', LIMITS.margin) ?? DEFAULTS.margin,
    ecLevel: parseChoice(fields, 'ecLevel', EC_LEVELS, (v) => v.toUpperCase()) ?? DEFAULTS.ecLevel,
    ...parseColors(fields),
  };
}

/** A builder's secret on GET: a URL lives on in browser histories, logs and caches. */
const secretInUrl = (type: PayloadType, field: string): HttpError =>
  badRequest(
    'secret_in_url',
    `${type === 'otpauth' ? 'an' : 'a'} ${type} code with a ${field} is not made from a URL, which browser histories, logs and caches keep: POST it`,
    { field },
  );

/** The data as given (`url`, or its alias `text`); a secret when it is an otpauth: key or a WIFI: password. */
function textPayload(fields: Readonly<Record<string, unknown>>): Payload {
  const text = parseText(fields);
  return { text, secret: isSecretText(text) };
}

/** Options that only images have: text is one character per module, in the terminal's own colours. */
const PIXEL_OPTIONS = ['size', 'fit', 'dark', 'light'] as const;

/** Whether any option that only an image can honour was given. */
export const hasPixelOptions = (fields: Readonly<Record<string, unknown>>): boolean =>
  PIXEL_OPTIONS.some((name) => fields[name] !== undefined);

function refuseImageOptions(fields: Readonly<Record<string, unknown>>): void {
  const name = PIXEL_OPTIONS.find((option) => fields[option] !== undefined);
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
      `'${name}' does not apply to format txt: the terminal's own colours draw it (made for light text on a dark background)`,
      { field: name },
    );
  }
}

/** Query parameters as option fields; a repeated parameter is ambiguous, so refused. */
export function fieldsFromQuery(query: URLSearchParams): Record<string, string> {
  // No prototype: a parameter named __proto__ is a key like any other (and refused as unknown).
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of query) {
    if (Object.hasOwn(fields, name))
      throw badRequest('repeated_parameter', `query parameter '${clip(name)}' is given more than once`, {
        field: clip(name),
      });
    fields[name] = value;
  }
  return fields;
}

function parseText(fields: Readonly<Record<string, unknown>>): string {
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
  return checkedText(value, name);
}

/** The data to encode in field `name`: a non-empty, well-formed string no QR code is too small for at first sight. */
export function checkedText(value: unknown, name: string): string {
  if (typeof value !== 'string')
    throw badRequest('invalid_type', `'${name}' must be a string, not ${describe(value)}`, { field: name });
  if (value === '') throw badRequest('empty_value', `'${name}' must not be empty`, { field: name });
  if (value.length > LIMITS.textLength) {
    throw new HttpError(
      413,
      'data_too_large',
      `'${name}' is ${value.length} characters long; no QR code holds more than ${LIMITS.textLength} (digits only)`,
      { field: name, maxDigits: LIMITS.textLength },
    );
  }
  if (!value.isWellFormed())
    throw badRequest('invalid_text', `'${name}' contains an unpaired UTF-16 surrogate, which is not text`, {
      field: name,
    });
  return value;
}

export function parseChoice<T extends string>(
  fields: Readonly<Record<string, unknown>>,
  name: string,
  allowed: readonly T[],
  normalise: (value: string) => string,
): T | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  const choice = typeof value === 'string' ? allowed.find((a) => a === normalise(value)) : undefined;
  if (choice === undefined)
    throw badRequest('invalid_value', `'${name}' must be one of ${allowed.join(', ')}, not ${describe(value)}`, {
      field: name,
      allowed,
    });
  return choice;
}

export function parseInteger(
  fields: Readonly<Record<string, unknown>>,
  name: string,
  range: { readonly min: number; readonly max: number },
): number | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw badRequest(
      'out_of_range',
      `'${name}' must be a whole number from ${range.min} to ${range.max}, not ${describe(value)}`,
      { field: name, min: range.min, max: range.max },
    );
  }
  return number === 0 ? 0 : number; // -0 is 0
}

function parseColors(fields: Readonly<Record<string, unknown>>): { dark: Rgba; light: Rgba } {
  return readableColors(parseColor(fields, 'dark') ?? BLACK, parseColor(fields, 'light') ?? WHITE);
}

/**
 * The two colours, if scanners can read them: different, `dark` at most half transparent
 * and the darker, at a contrast of at least 3:1. `names` are the fields the client set them with.
 */
export function readableColors(
  dark: Rgba,
  light: Rgba,
  names = { dark: 'dark', light: 'light' },
): { dark: Rgba; light: Rgba } {
  if (sameColor(dark, light))
    throw badRequest('same_colors', `'${names.dark}' and '${names.light}' must be different colors`, {
      field: names.light,
    });
  if (dark.a < 128) {
    throw badRequest(
      'dark_too_transparent',
      `'${names.dark}' ${colorName(dark)} is more than half transparent: scanners would not see the modules`,
      { field: names.dark },
    );
  }
  // Scanners look for dark modules on a light ground, and need the two told apart: WCAG's
  // 3:1 for graphics, both colors as they show on white.
  const darkLuminance = luminanceOnWhite(dark);
  const lightLuminance = luminanceOnWhite(light);
  const pair = `'${names.dark}' ${colorName(dark)} and '${names.light}' ${colorName(light)}`;
  if (darkLuminance >= lightLuminance) {
    throw badRequest(
      'inverted_colors',
      `${pair}: '${names.dark}' must be the darker color; many scanners cannot read light modules on a dark ground`,
      { field: names.dark },
    );
  }
  const contrast = (lightLuminance + 0.05) / (darkLuminance + 0.05);
  if (contrast < 3) {
    // Rounded down: a refused contrast never reads as the 3.00:1 it falls short of.
    const shown = Math.floor(contrast * 100) / 100;
    throw badRequest('low_contrast', `${pair} have a contrast of ${shown.toFixed(2)}:1; scanners need at least 3:1`, {
      field: names.dark,
      contrast: shown,
      minimum: 3,
    });
  }
  return { dark, light };
}

export function parseColor(fields: Readonly<Record<string, unknown>>, name: string): Rgba | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  const color = typeof value === 'string' ? parseHexColor(value) : undefined;
  if (color === undefined) {
    throw badRequest(
      'invalid_color',
      `'${name}' must be a hex color #RGB, #RGBA, #RRGGBB or #RRGGBBAA, not ${describe(value)}`,
      { field: name },
    );
  }
  return color;
}
