import type { Table } from './sfnt.js';

/**
 * The font's Unicode characters and their glyphs (`cmap`): format 12 (every plane) where
 * the font has it, else format 4 (the Basic Multilingual Plane). A character missing here
 * is one the font cannot draw.
 */
export function characterMap(cmap: Table): ReadonlyMap<number, number> {
  const subtables = new Map<string, number>();
  for (let i = 0, count = cmap.u16(2); i < count; i++) {
    const record = 4 + i * 8;
    subtables.set(`${cmap.u16(record)}/${cmap.u16(record + 2)}`, cmap.u32(record + 4));
  }
  const full = subtables.get('3/10') ?? subtables.get('0/4');
  if (full !== undefined && cmap.u16(full) === 12) return format12(cmap, full);
  const bmp = subtables.get('3/1') ?? subtables.get('0/3');
  if (bmp !== undefined && cmap.u16(bmp) === 4) return format4(cmap, bmp);
  throw new Error('the font has no Unicode cmap of format 4 or 12');
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

function format12(cmap: Table, at: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0, groups = cmap.u32(at + 12); i < groups; i++) {
    const group = at + 16 + i * 12;
    const first = cmap.u32(group);
    const last = cmap.u32(group + 4);
    const glyph = cmap.u32(group + 8);
    for (let code = first; code <= last; code++) if (glyph + code - first !== 0) map.set(code, glyph + code - first);
  }
  return map;
}
