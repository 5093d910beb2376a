import t from 'tap';
import { layout } from '../../../lambda/render/layout.js';

t.test('no size: 10 px a module', async (t) => {
  t.same(layout(29, 4, undefined), { scale: 10, margin: 4, modulesAcross: 37, pixels: 370 });
});

t.test('a size is an upper bound met with whole pixels per module', async (t) => {
  t.same(layout(29, 4, 300), { scale: 8, margin: 4, modulesAcross: 37, pixels: 296 });
  t.same(layout(29, 4, 296), { scale: 8, margin: 4, modulesAcross: 37, pixels: 296 }, 'exact fit');
  t.same(layout(29, 4, 295), { scale: 7, margin: 4, modulesAcross: 37, pixels: 259 });
  t.same(layout(21, 0, 21), { scale: 1, margin: 0, modulesAcross: 21, pixels: 21 });
});

t.test('a size too small for the code is a 400 that says the minimum', async (t) => {
  t.throws(() => layout(29, 4, 36), { statusCode: 400, message: /needs at least 37 px/ });
});
