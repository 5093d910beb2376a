// GET /qr?text=…&size=150 — QuickChart's QR API: PNG or SVG of exactly size × size pixels,
// margin in modules (4), ecLevel M (H with a centre image), dark and light as hex without #.
// A centre image given as a data: URI and a caption make a styled code, verified like
// /generate's; the image keeps its size, the code making room for the caption under it.
import { clip } from '../describe.js';
import { badRequest } from '../errors.js';
import { parseColor, readableColors } from '../generate/readable-colors.js';
import { choiceField } from '../input/choice.js';
import { dataValue } from '../input/data.js';
import { numberField } from '../input/number.js';
import { EC_LEVELS } from '../qr/ec-level.js';
import { BLACK, toHexRgb, WHITE, type Rgba } from '../render/color.js';
import { parseLogo } from '../styled/logo.js';
import { dialectRoute, required, type Dialect } from './query.js';

const SSRF =
  'the center image would be fetched from a URL by this function, which is a way into your network (SSRF); give the image itself as a data: URI (data:image/png;base64,…)';
const PIXEL_SIZE =
  'the center image is sized as a share of the code (centerImageSizeRatio), so that the code is checked to scan at the size drawn; pixel sizes are not taken';
/** QuickChart's defaults: a centre image 0.3 of the code, a caption of 10 px in black. */
const DEFAULTS = { centerImageSizeRatio: 0.3, captionFontSize: 10, captionFontColor: BLACK } as const;
/** The families a caption can be drawn in: the generic one QuickChart defaults to, and the font the function carries. */
const FAMILIES = ['sans-serif', 'Inter'] as const;

export const quickchart: Dialect = {
  name: 'QuickChart QR API',
  parameters: [
    'text',
    'size',
    'margin',
    'ecLevel',
    'dark',
    'light',
    'format',
    'centerImageUrl',
    'centerImageSizeRatio',
    'caption',
    'captionFontFamily',
    'captionFontSize',
    'captionFontColor',
    'mode',
  ],
  refused: {
    centerImageWidth: PIXEL_SIZE,
    centerImageHeight: PIXEL_SIZE,
  },
  // mode=sjis: Japanese text in Kanji mode; QuickChart knows no other mode.
  shiftJis: (fields) => (choiceField(fields, 'mode', ['sjis']) === undefined ? undefined : 'mode'),
  spec(fields) {
    const text = dataValue(required(fields, 'text', 'text=Hello%20world'), 'text');
    const format = (fields.format ?? 'png').toLowerCase();
    if (format !== 'png' && format !== 'svg') {
      throw badRequest(
        'invalid_value',
        `'format' must be png or svg${format === 'base64' ? ' (base64: take qr_code from POST /generate instead)' : ''}`,
        { field: 'format', allowed: ['png', 'svg'] },
      );
    }
    const size = numberField(fields, 'size', { min: 1, max: 3000, integer: true }) ?? 150;
    // The same colours as /generate takes: hex, the # optional, alpha allowed.
    const colors = readableColors(parseColor(fields, 'dark') ?? BLACK, parseColor(fields, 'light') ?? WHITE);
    const style = { ...centerImage(fields), ...caption(fields, colors.light) };
    const ecLevel = choiceField(fields, 'ecLevel', EC_LEVELS);
    return {
      text,
      format,
      size: undefined,
      canvas: { width: size, height: size, padding: 0 },
      margin: numberField(fields, 'margin', { min: 0, max: 100, integer: true }) ?? 4,
      ecLevel: ecLevel ?? (style.logo === undefined ? 'M' : 'H'),
      ...colors,
      ...(Object.keys(style).length > 0 && {
        style,
        ecLevelGiven: ecLevel !== undefined,
        styleDefaults: { logoSize: DEFAULTS.centerImageSizeRatio },
        // An error suggests only what this query can change, by its names.
        optionNames: { logoSize: 'centerImageSizeRatio', logoMargin: null, maxDamage: null, dotStyle: null },
      }),
    };
  },
};

/**
 * `centerImageUrl` as the styled code's `logo`: only a data: URI, never fetched. A `+` of
 * its base64 left unencoded in the query reads as a space, and is read back as a `+`.
 * `centerImageSizeRatio` is its `logoSize`, within the range /generate allows.
 */
function centerImage(fields: Readonly<Record<string, string>>): Record<string, string | number> {
  const value = fields.centerImageUrl;
  const ratio = numberField(fields, 'centerImageSizeRatio', { min: 0.05, max: 0.4 });
  if (value === undefined) {
    if (ratio !== undefined) throw notWithout('centerImageSizeRatio', 'centerImageUrl');
    return {};
  }
  if (!/^data:/i.test(value)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value))
      throw badRequest('unsupported_option', `'centerImageUrl' ${clip(value)} is not supported here: ${SSRF}`, {
        field: 'centerImageUrl',
      });
    throw badRequest('invalid_value', `'centerImageUrl' must be a data: URI of a PNG, JPEG or SVG image`, {
      field: 'centerImageUrl',
    });
  }
  const logo = parseLogo(value.replace(/ /g, '+'), 'centerImageUrl');
  return { logo: `data:${logo.mime};base64,${logo.base64}`, ...(ratio !== undefined && { logoSize: ratio }) };
}

/** The caption and its font's family, size and colour, as the styled code's caption options. */
function caption(fields: Readonly<Record<string, string>>, light: Rgba): Record<string, string | number> {
  const family = fields.captionFontFamily;
  if (family !== undefined) {
    const name = family.trim().replace(/^(['"])(.*)\1$/, '$2');
    if (!FAMILIES.some((allowed) => allowed.toLowerCase() === name.toLowerCase()))
      throw badRequest(
        'invalid_value',
        `'captionFontFamily' ${clip(family)} is not available here: captions are drawn in Inter, the sans-serif font this service carries; give sans-serif or Inter`,
        { field: 'captionFontFamily', allowed: FAMILIES },
      );
  }
  const size = numberField(fields, 'captionFontSize', { min: 8, max: 256, integer: true });
  const color = parseColor(fields, 'captionFontColor');
  if (fields.caption === undefined) {
    const stray = ['captionFontFamily', 'captionFontSize', 'captionFontColor'].find(
      (name) => fields[name] !== undefined,
    );
    if (stray !== undefined) throw notWithout(stray, 'caption');
    return {};
  }
  const paint = readableColors(color ?? DEFAULTS.captionFontColor, light, {
    dark: 'captionFontColor',
    light: 'light',
  }).dark;
  return {
    caption: fields.caption,
    captionSize: size ?? DEFAULTS.captionFontSize,
    captionColor: `${toHexRgb(paint)}${paint.a.toString(16).padStart(2, '0')}`,
  };
}

const notWithout = (field: string, needed: string) =>
  badRequest('option_not_applicable', `'${field}' applies only with '${needed}'`, { field });

export const qrRoute = dialectRoute(quickchart);
