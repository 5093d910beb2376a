import type { Table } from './sfnt.js';

/**
 * The font's Unicode characters and their glyphs (`cmap`, the Windows Unicode BMP subtable
 * of format 4, which the subset has: its characters are all in the Basic Multilingual
 * Plane). A character missing here is one the font cannot draw.
 */
export function characterMap(cmap: Table): ReadonlyMap<number, number> {
  for (let i = 0, count = cmap.u16(2); i < count; i++) {
    const record = 4 + i * 8;
    const at = cmap.u32(record + 4);
    if (cmap.u16(record) === 3 && cmap.u16(record + 2) === 1 && cmap.u16(at) === 4) return format4(cmap, at);
  }
  throw new Error('the font has no Unicode cmap of format 4');
}

function format4(cmap: Table, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const segments = cmap.u16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let i = 0; i < segments; i++) {
    const start = cmap.u16(starts + i * 2);
    const end = cmap.u16(ends + i * 2);
    const delta = cmap.u16(deltas + i * 2);
    const rangeOffset = cmap.u16(rangeOffsets + i * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        glyph = cmap.u16(rangeOffsets + i * 2 + rangeOffset + (code - start) * 2);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(code, glyph);
    }
  }
  return map;
}
