import t from 'tap';
import { parseHexColor } from '../../../lambda/generate/color.js';
import { sameColor, toHexRgb } from '../../../lambda/render/color.js';

t.test('the four hex forms, with or without #', async (t) => {
  t.same(parseHexColor('#000'), { r: 0, g: 0, b: 0, a: 255 });
  t.same(parseHexColor('f00a'), { r: 255, g: 0, b: 0, a: 0xaa });
  t.same(parseHexColor('#1A2b3C'), { r: 0x1a, g: 0x2b, b: 0x3c, a: 255 });
  t.same(parseHexColor('#11223300'), { r: 0x11, g: 0x22, b: 0x33, a: 0 });
});

t.test('anything else is refused', async (t) => {
  for (const bad of [
    '',
    '#',
    '#12',
    '#12345',
    '#1234567',
    '#123456789',
    'red',
    '#ggg',
    'rgb(0,0,0)',
    '#fff"/><script>',
    ' #fff',
    '#fff ',
  ]) {
    t.equal(parseHexColor(bad), undefined, JSON.stringify(bad));
  }
});

t.test('helpers', async (t) => {
  t.equal(toHexRgb({ r: 1, g: 0xab, b: 0, a: 3 }), '#01ab00');
  t.ok(sameColor(parseHexColor('#fff')!, parseHexColor('ffffffff')!));
  t.notOk(sameColor(parseHexColor('#fff')!, parseHexColor('#fffe')!));
});

t.test('WCAG luminance as shown on white, and names for colors', async (t) => {
  const { colorName, luminanceOnWhite } = await import('../../../lambda/generate/color.js');
  t.equal(luminanceOnWhite(parseHexColor('#000')!), 0);
  t.equal(luminanceOnWhite(parseHexColor('#fff')!), 1);
  t.equal(luminanceOnWhite(parseHexColor('#00000000')!), 1, 'fully transparent shows as the white under it');
  t.ok(
    Math.abs(1.05 / (luminanceOnWhite(parseHexColor('#767676')!) + 0.05) - 4.54) < 0.01,
    '#767676 on white is 4.54:1',
  );
  t.equal(colorName(parseHexColor('#1a2b3c')!), '#1a2b3c');
  t.equal(colorName(parseHexColor('#1a2b3c05')!), '#1a2b3c05');
});
