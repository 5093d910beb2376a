// The font captions are drawn in, read from the TrueType file the function carries
// (lambda/styled/fonts/, written by scripts/caption-font.mjs): its characters, advances,
// kerning and outlines. Read once, on the first caption.
import { readFileSync } from 'node:fs';
import { characterMap } from './cmap.js';
import { contoursToPath, glyphContours, glyphOffsets, type PathCommand } from './glyf.js';
import { kerningOf } from './gpos.js';
import { sfntTables, table } from './sfnt.js';

export interface Font {
  readonly unitsPerEm: number;
  /** Above and below the baseline (descender negative), in font units. */
  readonly ascender: number;
  readonly descender: number;
  /** The glyph that draws a character, or undefined: the font cannot draw it. */
  glyph(codePoint: number): number | undefined;
  /** Every character the font draws. */
  characters(): number[];
  advance(glyph: number): number;
  kerning(left: number, right: number): number;
  /** The glyph's outline in font units, y up. */
  outline(glyph: number): readonly PathCommand[];
}

export function readFont(bytes: Uint8Array): Font {
  const tables = sfntTables(bytes);
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  const hmtx = table(tables, 'hmtx');
  const glyphCount = table(tables, 'maxp').u16(4);
  const metrics = hhea.u16(34);
  const offsets = glyphOffsets(table(tables, 'loca'), head.i16(50) === 1, glyphCount);
  const glyf = table(tables, 'glyf');
  const cmap = characterMap(table(tables, 'cmap'));
  const kerning = kerningOf(tables.get('GPOS'));
  const outlines = new Map<number, readonly PathCommand[]>();
  return {
    unitsPerEm: head.u16(18),
    ascender: hhea.i16(4),
    descender: hhea.i16(6),
    glyph: (codePoint) => cmap.get(codePoint),
    characters: () => [...cmap.keys()].sort((a, b) => a - b),
    advance: (glyph) => hmtx.u16(Math.min(glyph, metrics - 1) * 4),
    kerning: (left, right) => kerning(left, right) ?? 0,
    outline(glyph) {
      let outline = outlines.get(glyph);
      if (outline === undefined) {
        outline = contoursToPath(glyphContours(glyf, offsets, glyph));
        outlines.set(glyph, outline);
      }
      return outline;
    },
  };
}

/** What the font is called in options and messages. */
export const CAPTION_FONT_NAME = 'Inter';

let captionFont: Font | undefined;

/** The caption font, from lambda/styled/fonts/ (build.mjs copies it to build/lambda/fonts/, the same path from the chunk). */
export function loadCaptionFont(): Font {
  captionFont ??= readFont(readFileSync(new URL('../fonts/Inter-Caption.ttf', import.meta.url)));
  return captionFont;
}
