import t from 'tap';
import { SizeTooSmallError } from '../../../lambda/render/errors.js';
import { exactLayout, layout, type Layout } from '../../../lambda/render/layout.js';

/** The layout's numbers, its edges as plain arrays. */
const plain = ({ x, y, ...rest }: Layout) => ({ ...rest, x: [...x], y: [...y] });
/** Edges of a square grid of `count` modules of `scale` pixels. */
const grid = (count: number, scale: number): number[] => Array.from({ length: count + 1 }, (_, i) => i * scale);
const whole = (scale: number, margin: number, modulesAcross: number) => ({
  margin,
  modulesAcross,
  width: modulesAcross * scale,
  height: modulesAcross * scale,
  x: grid(modulesAcross, scale),
  y: grid(modulesAcross, scale),
});

t.test('no size: 10 px a module', async (t) => {
  t.same(plain(layout(29, 4, undefined)), whole(10, 4, 37));
  t.same(plain(layout(177, 4, undefined)), whole(10, 4, 185), 'version 40 with the default quiet zone: 1850 px');
});

t.test('no size never gives more than the largest size a client may ask for (2048 px)', async (t) => {
  t.same(
    plain(layout(177, 16, undefined)),
    whole(9, 16, 209),
    'version 40 with a 16-module quiet zone: 1881 px, not 2090',
  );
  t.same(plain(layout(177, 16, 2048)), plain(layout(177, 16, undefined)), 'the same as asking for 2048');
});

t.test('a size is an upper bound met with whole pixels per module', async (t) => {
  t.same(plain(layout(29, 4, 300)), whole(8, 4, 37));
  t.same(plain(layout(29, 4, 296)), whole(8, 4, 37), 'exact fit');
  t.same(plain(layout(29, 4, 295)), whole(7, 4, 37));
  t.same(plain(layout(21, 0, 21)), whole(1, 0, 21));
});

t.test(
  'a size too small for the code is a SizeTooSmallError with the minimum (generate/ makes it a 400)',
  async (t) => {
    const error = t.throws(() => layout(29, 4, 36)) as unknown as SizeTooSmallError;
    t.type(error, SizeTooSmallError);
    t.match(error, { name: 'SizeTooSmallError', size: 36, modulesAcross: 37 });
  },
);

t.test('an exact canvas: exactly that size, modules within a pixel of each other, the code centred', async (t) => {
  const square = exactLayout(21, 4, { width: 150, height: 150, padding: 0 });
  t.equal(square.width, 150);
  t.equal(square.height, 150);
  t.equal(square.x[0], 0);
  t.equal(square.x[29], 150, 'the code fills the image');
  const widths = Array.from({ length: 29 }, (_, i) => square.x[i + 1]! - square.x[i]!);
  t.ok(
    widths.every((w) => w === 5 || w === 6),
    `every module 5 or 6 px (${widths.join(' ')})`,
  );
  t.equal(new Set(widths).size, 2, 'no whole scale fits 150 px over 29 modules: two widths, a pixel apart');
  t.same([...square.y], [...square.x], 'square: the same edges down as across');

  const wide = exactLayout(21, 4, { width: 300, height: 200, padding: 0 });
  t.equal(wide.width, 300);
  t.equal(wide.height, 200);
  t.equal(wide.x[0], 50, 'centred across: (300 - 200) / 2');
  t.equal(wide.x[29], 250);
  t.equal(wide.y[0], 0);
  t.equal(wide.y[29], 200);

  const padded = exactLayout(21, 0, { width: 100, height: 100, padding: 8 });
  t.equal(padded.x[0], 8, 'padding pixels of light on each side');
  t.equal(padded.x[21], 92);

  const fits = exactLayout(21, 4, { width: 58, height: 58, padding: 0 });
  t.same([...fits.x], grid(29, 2), 'a size that is a whole multiple gives every module the same width');
});

t.test('an exact canvas too small for one pixel a module is a SizeTooSmallError naming the minimum', async (t) => {
  t.match(
    t.throws(() => exactLayout(21, 4, { width: 28, height: 100, padding: 0 })),
    { name: 'SizeTooSmallError', size: 28, modulesAcross: 29 },
  );
  t.match(
    t.throws(() => exactLayout(21, 4, { width: 40, height: 40, padding: 6 })),
    { modulesAcross: 41 },
    'padding included',
  );
});
