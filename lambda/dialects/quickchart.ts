// GET /qr?text=…&size=150 — QuickChart's QR API: PNG, SVG or a base64 data URL of exactly
// size × size pixels, margin in modules (4), ecLevel M, dark and light as hex without #.
import { badRequest } from '../errors.js';
import { parseHexColor } from '../generate/color.js';
import { checkedText, parseInteger, readableColors } from '../generate/options.js';
import { EC_LEVELS } from '../qr/ec-level.js';
import { BLACK, WHITE, type Rgba } from '../render/color.js';
import { dialectRoute, required, type Dialect } from './query.js';

const CENTER_IMAGE = 'the center image would be fetched from a URL by this function, which is a way into your network (SSRF); put a logo on the code yourself, at ecLevel H';
const CAPTION = 'captions need fonts the function does not carry; set the caption in your page';

function hexColor(value: string | undefined, name: string, fallback: Rgba): Rgba {
  if (value === undefined) return fallback;
  const color = parseHexColor(value);
  if (color === undefined) throw badRequest('invalid_color', `'${name}' must be a hex color such as 000000 or f00 (RGB, RGBA, RRGGBB or RRGGBBAA)`, { field: name });
  return color;
}

export const quickchart: Dialect = {
  name: 'QuickChart QR API',
  parameters: ['text', 'size', 'margin', 'ecLevel', 'dark', 'light', 'format'],
  refused: {
    centerImageUrl: CENTER_IMAGE,
    centerImageSizeRatio: CENTER_IMAGE,
    centerImageWidth: CENTER_IMAGE,
    centerImageHeight: CENTER_IMAGE,
    caption: CAPTION,
    captionFontFamily: CAPTION,
    captionFontSize: CAPTION,
    captionFontColor: CAPTION,
    mode: 'the data is encoded as UTF-8 bytes, which every current scanner reads (no Shift JIS)',
  },
  spec(fields) {
    const text = checkedText(required(fields, 'text', 'text=Hello%20world'), 'text');
    const format = (fields.format ?? 'png').toLowerCase();
    if (format !== 'png' && format !== 'svg') {
      throw badRequest('invalid_value', `'format' must be png or svg${format === 'base64' ? ' (base64: take qr_code from POST /generate instead)' : ''}`, { field: 'format', allowed: ['png', 'svg'] });
    }
    const size = parseInteger(fields, 'size', { min: 1, max: 3000 }) ?? 150;
    const ecLevel = EC_LEVELS.find((l) => l === (fields.ecLevel ?? 'M').toUpperCase());
    if (ecLevel === undefined) throw badRequest('invalid_value', "'ecLevel' must be one of L, M, Q, H", { field: 'ecLevel', allowed: EC_LEVELS });
    return {
      text,
      format,
      size: undefined,
      canvas: { width: size, height: size, padding: 0 },
      margin: parseInteger(fields, 'margin', { min: 0, max: 100 }) ?? 4,
      ecLevel,
      ...readableColors(hexColor(fields.dark, 'dark', BLACK), hexColor(fields.light, 'light', WHITE)),
    };
  },
};

export const qrRoute = dialectRoute(quickchart);
