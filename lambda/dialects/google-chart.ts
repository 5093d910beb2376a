// GET /chart?cht=qr&chs=WxH&chl=…&chld=L|4&choe=UTF-8 — Google Image Charts' QR codes, which
// Google has turned off: PNG of exactly chs pixels, the code centred in it, chld's margin
// in modules ("rows"), error correction L and a 4-module margin by default; choe=Shift_JIS
// writes Japanese text in Kanji mode.
import { clip } from '../describe.js';
import { badRequest } from '../errors.js';
import { dataValue } from '../input/data.js';
import type { EcLevel } from '../qr/ec-level.js';
import { BLACK, WHITE } from '../render/color.js';
import { dialectRoute, dimensions, required, type Dialect } from './query.js';

/** Google's limits for every chart: at most 1000 pixels a side and 300,000 in all. */
const MAX_SIDE = 1000;
const MAX_AREA = 300_000;

export const googleChart: Dialect = {
  name: 'Google Chart API',
  parameters: ['cht', 'chs', 'chl', 'chld', 'choe'],
  shiftJis: (fields) => (outputEncoding(fields.choe) === 'Shift_JIS' ? 'choe' : undefined),
  spec(fields) {
    const type = required(fields, 'cht', 'cht=qr');
    if (type !== 'qr')
      throw badRequest('invalid_value', `'cht' must be qr: QR codes are the only chart drawn here`, {
        field: 'cht',
        allowed: ['qr'],
      });
    const size = dimensions(required(fields, 'chs', 'chs=150x150'), 'chs', 1, MAX_SIDE);
    if (size.width * size.height > MAX_AREA) {
      throw badRequest(
        'out_of_range',
        `'chs' ${size.width}x${size.height} is over ${MAX_AREA} pixels, the Chart API's largest image (e.g. 547x547)`,
        { field: 'chs', max: MAX_AREA },
      );
    }
    const text = dataValue(required(fields, 'chl', 'chl=Hello%20world'), 'chl');
    outputEncoding(fields.choe);
    // chld=<level>|<margin>: L|4 when absent.
    const chld = /^([LMQH])(?:\|(\d{1,3}))?$/i.exec(fields.chld ?? 'L');
    const margin = Number(chld?.[2] ?? 4);
    if (!chld || margin > 100) {
      throw badRequest(
        'invalid_value',
        "'chld' must be an error correction level L, M, Q or H, optionally with a margin of 0 to 100 modules: L|4",
        { field: 'chld' },
      );
    }
    const ecLevel = chld[1]!.toUpperCase() as EcLevel;
    return {
      text,
      format: 'png',
      size: undefined,
      canvas: { ...size, padding: 0 },
      margin,
      ecLevel,
      dark: BLACK,
      light: WHITE,
    };
  },
};

/** `choe`: UTF-8 (bytes), or Shift_JIS (Kanji mode); Google's third, ISO-8859-1, is refused. */
function outputEncoding(choe: string | undefined): 'UTF-8' | 'Shift_JIS' {
  if (choe === undefined || choe.toUpperCase() === 'UTF-8') return 'UTF-8';
  if (choe.toUpperCase() === 'SHIFT_JIS') return 'Shift_JIS';
  throw badRequest(
    'unsupported_option',
    `'choe' ${clip(choe)} is not supported here: UTF-8, which every current scanner reads, or Shift_JIS, Japanese text in Kanji mode`,
    { field: 'choe', allowed: ['UTF-8', 'Shift_JIS'] },
  );
}

export const chartRoute = dialectRoute(googleChart);
