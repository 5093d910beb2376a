import t from 'tap';
import { SizeTooSmallError } from '../../../lambda/render/errors.js';
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

t.test('a size too small for the code is a SizeTooSmallError with the minimum (generate/ makes it a 400)', async (t) => {
  const error = t.throws(() => layout(29, 4, 36)) as unknown as SizeTooSmallError;
  t.type(error, SizeTooSmallError);
  t.match(error, { name: 'SizeTooSmallError', size: 36, modulesAcross: 37 });
});
