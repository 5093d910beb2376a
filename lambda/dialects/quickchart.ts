// GET /qr?text=…&size=150 — QuickChart's QR API: PNG or SVG of exactly size × size pixels,
// margin in modules (4), ecLevel M, dark and light as hex without #.
import { badRequest } from '../errors.js';
import { parseColor, readableColors } from '../generate/options.js';
import { choiceField } from '../input/choice.js';
import { dataValue } from '../input/data.js';
import { numberField } from '../input/number.js';
import { EC_LEVELS } from '../qr/ec-level.js';
import { BLACK, WHITE } from '../render/color.js';
import { dialectRoute, required, type Dialect } from './query.js';

const CENTER_IMAGE =
  'the center image would be fetched from a URL by this function, which is a way into your network (SSRF); /generate takes the image itself as `logo`, and checks that the code still scans';
const CAPTION = 'captions need fonts the function does not carry; set the caption in your page';

export const quickchart: Dialect = {
  name: 'QuickChart QR API',
  parameters: ['text', 'size', 'margin', 'ecLevel', 'dark', 'light', 'format', 'mode'],
  refused: {
    centerImageUrl: CENTER_IMAGE,
    centerImageSizeRatio: CENTER_IMAGE,
    centerImageWidth: CENTER_IMAGE,
    centerImageHeight: CENTER_IMAGE,
    caption: CAPTION,
    captionFontFamily: CAPTION,
    captionFontSize: CAPTION,
    captionFontColor: CAPTION,
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
    return {
      text,
      format,
      size: undefined,
      canvas: { width: size, height: size, padding: 0 },
      margin: numberField(fields, 'margin', { min: 0, max: 100, integer: true }) ?? 4,
      ecLevel: choiceField(fields, 'ecLevel', EC_LEVELS) ?? 'M',
      // The same colours as /generate takes: hex, the # optional, alpha allowed.
      ...readableColors(parseColor(fields, 'dark') ?? BLACK, parseColor(fields, 'light') ?? WHITE),
    };
  },
};

export const qrRoute = dialectRoute(quickchart);
