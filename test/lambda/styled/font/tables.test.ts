// The reader on tables made here, byte by byte, for what the shipped font does not hold:
// contours that start off the curve, composites scaled and turned, cmap ranges read through
// their offsets, and the fonts and tables it refuses to read.
import t from 'tap';
import { characterMap } from '../../../../lambda/styled/font/cmap.js';
import { contoursToPath, glyphContours, glyphOffsets } from '../../../../lambda/styled/font/glyf.js';
import { kerningOf } from '../../../../lambda/styled/font/gpos.js';
import { sfntTables, table, Table } from '../../../../lambda/styled/font/sfnt.js';

type Field = ['u8' | 'i8' | 'u16' | 'i16' | 'u32', number];
/** Big-endian bytes. */
function bytes(...fields: Field[]): Uint8Array {
  const sizes = { u8: 1, i8: 1, u16: 2, i16: 2, u32: 4 };
  const view = new DataView(new ArrayBuffer(fields.reduce((sum, [type]) => sum + sizes[type], 0)));
  let at = 0;
  for (const [type, value] of fields) {
    if (type === 'u8') view.setUint8(at, value);
    else if (type === 'i8') view.setInt8(at, value);
    else if (type === 'u16') view.setUint16(at, value);
    else if (type === 'i16') view.setInt16(at, value);
    else view.setUint32(at, value);
    at += sizes[type];
  }
  return new Uint8Array(view.buffer);
}
const u16 = (...values: number[]): Field[] => values.map((value) => ['u16', value]);
const i16 = (...values: number[]): Field[] => values.map((value) => ['i16', value]);
const on = (x: number, y: number) => ({ x, y, onCurve: true });
const off = (x: number, y: number) => ({ x, y, onCurve: false });

t.test('contours as HarfBuzz draws them, wherever they start', async (t) => {
  const path = (contour: ReturnType<typeof on>[]) =>
    contoursToPath([contour])
      .map((c) => (c.type === 'Z' ? 'Z' : c.type === 'Q' ? `Q${c.x1},${c.y1} ${c.x},${c.y}` : `${c.type}${c.x},${c.y}`))
      .join('');
  t.equal(path([on(0, 0), on(10, 0), on(10, 10)]), 'M0,0L10,0L10,10L0,0Z', 'closed by a line back');
  t.equal(
    path([off(0, 0), off(10, 0), off(10, 10), off(0, 10)]),
    'M5,0Q10,0 10,5Q10,10 5,10Q0,10 0,5Q0,0 5,0Z',
    'all off the curve: on-curve points implied midway',
  );
  t.equal(path([off(0, 0), on(10, 0), on(10, 10)]), 'M10,0L10,10Q0,0 10,0Z', 'starting off the curve');
  t.equal(path([on(0, 0), off(10, 0), on(10, 10), off(0, 10)]), 'M0,0Q10,0 10,10Q0,10 0,0Z', 'ending off it');
  t.equal(path([off(4, 4)]), 'M4,4Q4,4 4,4Z', 'a lone off-curve point');
  t.same(contoursToPath([[]]), [], 'an empty contour draws nothing');
});

t.test('composite glyphs: their parts placed, scaled and turned', async (t) => {
  // Glyph 0: one on-curve triangle (0,0) (100,0) (0,100); then composites of it.
  const simple = bytes(
    ...i16(1, 0, 0, 100, 100),
    ...u16(2, 0),
    // Flags: x a byte, positive or negative; y the same as before, or a positive byte.
    ['u8', 0x33],
    ['u8', 0x33],
    ['u8', 0x27],
    ['u8', 0],
    ['u8', 100],
    ['u8', 100],
    ['u8', 100],
  );
  const composite = (flags: number, args: Field[], transform: Field[]) =>
    bytes(...i16(-1, 0, 0, 0, 0), ...u16(flags, 0), ...args, ...transform);
  const parts = [
    simple,
    // Byte offsets, one scale of a half.
    composite(
      0x0002 | 0x0008,
      [
        ['i8', 10],
        ['i8', -10],
      ],
      [['i16', 8192]],
    ),
    // Word offsets, x doubled and y halved.
    composite(0x0001 | 0x0002 | 0x0040, i16(1000, 0), [
      ['i16', 32767 >> 0],
      ['i16', 8192],
    ]),
    // A quarter turn, its offset turned too (SCALED_COMPONENT_OFFSET).
    composite(0x0001 | 0x0002 | 0x0080 | 0x0800, i16(50, 0), i16(0, 16384, -16384, 0)),
    // Placed by matching points, which the reader does not do.
    composite(
      0x0000,
      [
        ['u8', 1],
        ['u8', 2],
      ],
      [],
    ),
    // A composite of itself: never ending.
    bytes(...i16(-1, 0, 0, 0, 0), ...u16(0x0003, 5, 0, 0)),
  ];
  const glyf = new Table('glyf', new Uint8Array(parts.flatMap((part) => [...part])));
  const starts = [0];
  for (const part of parts) starts.push(starts.at(-1)! + part.length);
  const loca = new Table('loca', bytes(...starts.map((start): Field => ['u32', start])));
  const offsets = glyphOffsets(loca, true, parts.length);
  const points = (glyph: number) =>
    glyphContours(glyf, offsets, glyph)[0]!.map(({ x, y }) => [Math.round(x), Math.round(y)]);
  t.same(points(0), [
    [0, 0],
    [100, 0],
    [0, 100],
  ]);
  t.same(
    points(1),
    [
      [10, -10],
      [60, -10],
      [10, 40],
    ],
    'halved, then moved',
  );
  t.same(
    points(2),
    [
      [1000, 0],
      [1200, 0],
      [1000, 50],
    ],
    'stretched and squeezed',
  );
  t.same(
    points(3),
    [
      [0, 50],
      [0, 150],
      [-100, 50],
    ],
    'turned a quarter, its offset too',
  );
  t.throws(() => glyphContours(glyf, offsets, 4), /matching points/);
  t.throws(() => glyphContours(glyf, offsets, 5), /nested too deep/);
  const shortLoca = glyphOffsets(new Table('loca', bytes(...u16(0, 5))), false, 1);
  t.same([...shortLoca], [0, 10], 'short offsets count words');
});

t.test('cmap: ranges read through their offsets; a font without a format 4 subtable refused', async (t) => {
  // Segments: 'A'–'B' through idRangeOffset to glyphs 7 and 0 (none); then the closing 0xFFFF.
  const subtable = [
    ...u16(4, 0, 0, 4, 0, 0, 0),
    ...u16(0x42, 0xffff, 0, 0x41, 0xffff),
    ...u16(0, 1),
    ...u16(4, 0),
    ...u16(7, 0),
  ];
  const cmap = new Table('cmap', bytes(...u16(0, 1, 3, 1), ['u32', 12], ...subtable));
  t.same([...characterMap(cmap)], [[0x41, 7]]);
  t.throws(() => characterMap(new Table('cmap', bytes(...u16(0, 1, 3, 10), ['u32', 12], ...u16(12)))), /format 4/);
});

t.test('GPOS: no table, no script, and kinds of kerning it does not read', async (t) => {
  t.equal(kerningOf(undefined)(1, 2), 0, 'no GPOS: no kerning');
  // A GPOS whose script list names only 'cyrl'.
  const cyrillic = new Table(
    'GPOS',
    bytes(...u16(1, 0, 10, 18, 20), ...u16(1), ['u32', 0x6379726c], ...u16(0), ...u16(0, 0)),
  );
  t.equal(kerningOf(cyrillic)(1, 2), 0, 'no Latin or default script: no kerning');
  /** A GPOS whose latn script's kern feature has one lookup of `type` with one subtable `subtable`. */
  const gpos = (type: number, subtable: Field[]) =>
    new Table(
      'GPOS',
      bytes(
        ...u16(1, 0, 10, 30, 44),
        // ScriptList at 10: latn → script at 8 from it; default LangSys at 4 from that: one feature, 0.
        ...u16(1),
        ['u32', 0x6c61746e],
        ...u16(8, 4, 0, 0, 0xffff, 1, 0),
        // FeatureList at 30, where the LangSys above ends: kern → feature at 8 from it: one lookup, 0.
        ...u16(1),
        ['u32', 0x6b65726e],
        ...u16(8, 0, 1, 0),
        // LookupList at 44 → lookup at 4 from it: type, flag, one subtable at 8 from the lookup.
        ...u16(1, 4, type, 0, 1, 8),
        ...subtable,
      ),
    );
  t.throws(() => kerningOf(gpos(1, u16(1, 0, 0))), /lookup of type 1/);
  t.throws(() => kerningOf(gpos(2, u16(1, 10, 0x0001, 0, 0, 1, 1, 0))), /value formats 1\/0/);
  t.throws(() => kerningOf(gpos(2, u16(3, 10, 0x0004, 0, 0, 1, 1, 0))), /format 3/);
  // Format 1 with no values: covered pairs adjust nothing; uncovered ones are left to the next subtable.
  const empty = kerningOf(gpos(2, u16(1, 12, 0, 0, 1, 18, 1, 1, 1, 1, 5)));
  t.equal(empty(1, 5), 0);
  t.equal(empty(1, 6), 0);
  t.equal(empty(2, 5), 0);
});

t.test('sfnt: only TrueType, every table inside the file, the tables it needs', async (t) => {
  t.throws(() => sfntTables(bytes(['u32', 0x4f54544f], ...u16(0, 0, 0, 0))), /not a TrueType font/);
  const header = (length: number) =>
    bytes(['u32', 0x00010000], ...u16(1, 0, 0, 0), ['u32', 0x68656164], ['u32', 0], ['u32', 28], ['u32', length]);
  t.throws(() => sfntTables(header(100)), /head runs past the end/);
  const tables = sfntTables(new Uint8Array([...header(4), 1, 2, 3, 4]));
  t.equal(table(tables, 'head').u32(0), 0x01020304);
  t.equal(table(tables, 'head').length, 4);
  t.throws(() => table(tables, 'glyf'), /no glyf table/);
});
