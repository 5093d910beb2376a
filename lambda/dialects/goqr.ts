// GET /v1/create-qr-code/?data=…&size=WxH — goQR.me's QR code API: PNG or SVG of exactly
// `size`, `margin` pixels of background around the code (not in SVG, as there), `qzone`
// modules of quiet zone, colours as 255-0-0 or hex; 200x200, margin 1, qzone 0, ecc L by default.
import { badRequest } from '../errors.js';
import { parseHexColor } from '../generate/color.js';
import { readableColors } from '../generate/readable-colors.js';
import { choiceField } from '../input/choice.js';
import { dataValue } from '../input/data.js';
import { numberField } from '../input/number.js';
import { EC_LEVELS } from '../qr/ec-level.js';
import { BLACK, WHITE, type Rgba } from '../render/color.js';
import { dialectRoute, dimensions, required, utf8Only, type Dialect } from './query.js';

const FORMATS = ['png', 'svg'] as const;

/** `255-0-0` (decimal R-G-B) or hex `f00` / `ff0000`, as goQR takes them. */
function goqrColor(value: string | undefined, name: string, fallback: Rgba): Rgba {
  if (value === undefined) return fallback;
  const decimal = /^(\d{1,3})-(\d{1,3})-(\d{1,3})$/.exec(value);
  const rgb = decimal ? decimal.slice(1).map(Number) : undefined;
  if (rgb?.every((channel) => channel <= 255)) return { r: rgb[0]!, g: rgb[1]!, b: rgb[2]!, a: 255 };
  const hex = /^#?(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? parseHexColor(value) : undefined;
  if (hex === undefined)
    throw badRequest('invalid_color', `'${name}' must be a color as 255-0-0 (decimal R-G-B) or hex f00 / ff0000`, {
      field: name,
    });
  return hex;
}

export const goqr: Dialect = {
  name: 'goQR.me API',
  parameters: [
    'data',
    'size',
    'charset-source',
    'charset-target',
    'ecc',
    'color',
    'bgcolor',
    'margin',
    'qzone',
    'format',
  ],
  spec(fields) {
    const text = dataValue(required(fields, 'data', 'data=HelloWorld'), 'data');
    const format = FORMATS.find((f) => f === (fields.format ?? 'png').toLowerCase());
    if (format === undefined) {
      const raster = ['gif', 'jpg', 'jpeg', 'eps'].includes((fields.format ?? '').toLowerCase());
      throw badRequest(
        raster ? 'unsupported_option' : 'invalid_value',
        `'format' must be png or svg${raster ? ': gif, jpeg and eps are not drawn here' : ''}`,
        { field: 'format', allowed: FORMATS },
      );
    }
    // As goQR: up to 1000 pixels a side for images, 1,000,000 logical units for SVG.
    const size = dimensions(fields.size ?? '200x200', 'size', 10, format === 'svg' ? 1_000_000 : 1000);
    utf8Only(fields['charset-source'], 'charset-source');
    utf8Only(fields['charset-target'], 'charset-target');
    const margin = numberField(fields, 'margin', { min: 0, max: 50, integer: true }) ?? 1;
    const colors = readableColors(
      goqrColor(fields.color, 'color', BLACK),
      goqrColor(fields.bgcolor, 'bgcolor', WHITE),
      { dark: 'color', light: 'bgcolor' },
    );
    return {
      text,
      format,
      size: undefined,
      canvas: { ...size, padding: format === 'svg' ? 0 : margin },
      margin: numberField(fields, 'qzone', { min: 0, max: 100, integer: true }) ?? 0,
      ecLevel: choiceField(fields, 'ecc', EC_LEVELS) ?? 'L',
      ...colors,
    };
  },
};

export const goqrRoute = dialectRoute(goqr);
