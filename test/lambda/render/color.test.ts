import t from 'tap';
import { BLACK, WHITE, sameColor, toHexRgb } from '../../../lambda/render/color.js';

t.test('the colour model: hex for SVG attributes, equality with alpha', async (t) => {
  t.equal(toHexRgb({ r: 1, g: 0xab, b: 0, a: 3 }), '#01ab00');
  t.equal(toHexRgb(WHITE), '#ffffff');
  t.ok(sameColor(BLACK, { r: 0, g: 0, b: 0, a: 255 }));
  t.notOk(sameColor(WHITE, { ...WHITE, a: 254 }), 'alpha counts');
});
