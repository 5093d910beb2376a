// Kerning from the `GPOS` table: the pair adjustments (lookup type 2, directly or inside
// an extension, type 9) of the `kern` feature of the Latin script (or the default one),
// as a function of two glyphs. Only the first glyph's advance is adjusted, as in a font
// that kerns horizontal text; a value of any other kind is refused when the font is read.
import type { Table } from './sfnt.js';

type Kerning = (left: number, right: number) => number | undefined;

const PAIR_ADJUSTMENT = 2;
const EXTENSION = 9;
const X_ADVANCE = 0x0004;

/** The kerning between two glyphs, in font units (negative: closer). */
export function kerningOf(gpos: Table | undefined, scripts: readonly string[] = ['latn', 'DFLT']): Kerning {
  if (gpos === undefined) return () => 0;
  const lookups = kernLookups(gpos, scripts).map((lookup) => lookupKerning(gpos, lookup));
  return (left, right) => {
    let total = 0;
    for (const subtables of lookups) {
      for (const subtable of subtables) {
        const value = subtable(left, right);
        if (value !== undefined) {
          total += value;
          break;
        }
      }
    }
    return total;
  };
}

/** The offsets of the `kern` feature's lookups for the first of `scripts` the font has, in lookup order. */
function kernLookups(gpos: Table, scripts: readonly string[]): number[] {
  const scriptList = gpos.u16(4);
  const featureList = gpos.u16(6);
  const lookupList = gpos.u16(8);
  const scriptOffsets = new Map<string, number>();
  for (let i = 0, count = gpos.u16(scriptList); i < count; i++) {
    const record = scriptList + 2 + i * 6;
    scriptOffsets.set(gpos.tagAt(record), scriptList + gpos.u16(record + 4));
  }
  const script = scripts.map((tag) => scriptOffsets.get(tag)).find((offset) => offset !== undefined);
  if (script === undefined || gpos.u16(script) === 0) return [];
  const langSys = script + gpos.u16(script);
  const indices = new Set<number>();
  for (let i = 0, count = gpos.u16(langSys + 4); i < count; i++) {
    const feature = featureList + 2 + gpos.u16(langSys + 6 + i * 2) * 6;
    if (gpos.tagAt(feature) !== 'kern') continue;
    const table = featureList + gpos.u16(feature + 4);
    for (let k = 0, lookups = gpos.u16(table + 2); k < lookups; k++) indices.add(gpos.u16(table + 4 + k * 2));
  }
  return [...indices].sort((a, b) => a - b).map((index) => lookupList + gpos.u16(lookupList + 2 + index * 2));
}

/** A lookup's subtables, each answering a pair it covers (undefined: not covered, try the next). */
function lookupKerning(gpos: Table, lookup: number): Kerning[] {
  const type = gpos.u16(lookup);
  const subtables: Kerning[] = [];
  for (let i = 0, count = gpos.u16(lookup + 4); i < count; i++) {
    let subtable = lookup + gpos.u16(lookup + 6 + i * 2);
    let subtableType = type;
    if (type === EXTENSION) {
      subtableType = gpos.u16(subtable + 2);
      subtable += gpos.u32(subtable + 4);
    }
    if (subtableType !== PAIR_ADJUSTMENT) throw new Error(`the kern feature has a lookup of type ${subtableType}`);
    subtables.push(pairAdjustment(gpos, subtable));
  }
  return subtables;
}

function pairAdjustment(gpos: Table, at: number): Kerning {
  const format = gpos.u16(at);
  const coverage = coverageOf(gpos, at + gpos.u16(at + 2));
  const first = gpos.u16(at + 4);
  const second = gpos.u16(at + 6);
  if ((first & ~X_ADVANCE) !== 0 || second !== 0)
    throw new Error(`pair adjustments with value formats ${first}/${second} are not read`);
  const valueSize = first === 0 ? 0 : 2;
  const advance = (record: number): number => (valueSize === 0 ? 0 : gpos.i16(record));
  if (format === 1) {
    return (left, right) => {
      const index = coverage(left);
      if (index === undefined) return undefined;
      const set = at + gpos.u16(at + 10 + index * 2);
      const recordSize = 2 + valueSize;
      // The pairs are sorted by their second glyph.
      let [low, high] = [0, gpos.u16(set) - 1];
      while (low <= high) {
        const middle = (low + high) >> 1;
        const record = set + 2 + middle * recordSize;
        const glyph = gpos.u16(record);
        if (glyph === right) return advance(record + 2);
        if (glyph < right) low = middle + 1;
        else high = middle - 1;
      }
      return undefined;
    };
  }
  if (format === 2) {
    const class1 = classDefOf(gpos, at + gpos.u16(at + 8));
    const class2 = classDefOf(gpos, at + gpos.u16(at + 10));
    const class2Count = gpos.u16(at + 14);
    return (left, right) => {
      if (coverage(left) === undefined) return undefined;
      return advance(at + 16 + (class1(left) * class2Count + class2(right)) * valueSize);
    };
  }
  throw new Error(`pair adjustment format ${format} is not read`);
}

/** A coverage table: the glyph's index in it, or undefined. */
function coverageOf(gpos: Table, at: number): (glyph: number) => number | undefined {
  const index = new Map<number, number>();
  const format = gpos.u16(at);
  const count = gpos.u16(at + 2);
  for (let i = 0; i < count; i++) {
    if (format === 1) index.set(gpos.u16(at + 4 + i * 2), i);
    else {
      const range = at + 4 + i * 6;
      const [start, end, startIndex] = [gpos.u16(range), gpos.u16(range + 2), gpos.u16(range + 4)];
      for (let glyph = start; glyph <= end; glyph++) index.set(glyph, startIndex + glyph - start);
    }
  }
  return (glyph) => index.get(glyph);
}

/** A class definition table: the glyph's class, 0 when it has none. */
function classDefOf(gpos: Table, at: number): (glyph: number) => number {
  const classes = new Map<number, number>();
  if (gpos.u16(at) === 1) {
    const start = gpos.u16(at + 2);
    for (let i = 0, count = gpos.u16(at + 4); i < count; i++) classes.set(start + i, gpos.u16(at + 6 + i * 2));
  } else {
    for (let i = 0, count = gpos.u16(at + 2); i < count; i++) {
      const range = at + 4 + i * 6;
      for (let glyph = gpos.u16(range); glyph <= gpos.u16(range + 2); glyph++) classes.set(glyph, gpos.u16(range + 4));
    }
  }
  return (glyph) => classes.get(glyph) ?? 0;
}
