// The page's style choices and limits (lambda/page/style-options.ts) held to the API's own
// (lambda/styled), so the page offers what the API takes and refuses what it refuses.
import t from 'tap';
import type { HttpError } from '../../../lambda/errors.js';
import {
  CORNER_DOT_CHOICES,
  CORNER_SQUARE_CHOICES,
  DOT_STYLE_CHOICES,
  GRADIENT_CHOICES,
  LOGO_MAX_BYTES,
  LOGO_SIZE,
  LOGO_TYPES,
  MAX_DAMAGE,
  type Choices,
} from '../../../lambda/page/style-options.js';
import { WHITE } from '../../../lambda/render/color.js';
import { MAX_LOGO_BYTES, parseLogo } from '../../../lambda/styled/logo.js';
import {
  CORNER_DOT_STYLES,
  CORNER_SQUARE_STYLES,
  DOT_STYLES,
  GRADIENTS,
  STYLE_DEFAULTS,
  parseStyle,
} from '../../../lambda/styled/options.js';

const values = (choices: Choices) => choices.map(([value]) => value);
/** A 1×1 PNG: the smallest logo the API takes. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';

t.test('the styles offered are the API’s, each once, its default first', async (t) => {
  t.same(values(DOT_STYLE_CHOICES), DOT_STYLES);
  t.same(values(CORNER_SQUARE_CHOICES), CORNER_SQUARE_STYLES);
  t.same(values(CORNER_DOT_CHOICES), CORNER_DOT_STYLES);
  t.same(values(GRADIENT_CHOICES), ['', ...GRADIENTS], 'none, then the API’s gradients');
  const plain = parseStyle({}, WHITE);
  t.equal(plain.dotStyle, DOT_STYLE_CHOICES[0]![0], 'the first dot style is what the page leaves unsent');
  t.equal(plain.cornerSquareStyle, CORNER_SQUARE_CHOICES[0]![0]);
  t.equal(plain.cornerDotStyle, CORNER_DOT_CHOICES[0]![0]);
});

t.test('the logo’s limits are the API’s', async (t) => {
  t.equal(LOGO_MAX_BYTES, MAX_LOGO_BYTES, 'the size refused before sending');
  t.equal(LOGO_SIZE.auto, STYLE_DEFAULTS.logoSize, 'the automatic size');
  t.equal(
    MAX_DAMAGE,
    STYLE_DEFAULTS.maxDamage,
    'the share of a block’s correction the verification line counts against',
  );
  const range = t.throws(() => parseStyle({ logo: PNG, logoSize: 1 }, WHITE)) as HttpError;
  t.match(range.details, { field: 'logoSize', min: LOGO_SIZE.min, max: LOGO_SIZE.max }, 'the slider’s range');
  const types = t.throws(() => parseLogo(Buffer.from('not an image').toString('base64'), 'logo')) as HttpError;
  t.same(types.details.allowed, LOGO_TYPES, 'the file types the page takes');
  t.ok(parseLogo(PNG, 'logo'), 'and the fixture is one');
});
