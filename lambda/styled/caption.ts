// A caption's text, set in the caption font: checked character by character against the
// font, measured with its kerning, and drawn as one SVG path, so the image needs no font
// wherever it is shown.
import { badRequest } from '../errors.js';
import type { Rgba } from '../render/color.js';
import { CAPTION_FONT_NAME, loadCaptionFont, type Font } from './font/font.js';

/** A caption as asked for: its text (NFC, trimmed), its colour and its size in pixels (undefined: the defaults). */
export interface Caption {
  readonly text: string;
  readonly color: Rgba | undefined;
  readonly size: number | undefined;
}

export const CAPTION_LIMITS = { length: 200, minSize: 8, maxSize: 256 } as const;

/** The most characters a refusal names. */
const NAMED = 10;

/**
 * The caption's text as it is drawn: composed (NFC, so an e and a combining accent are the
 * é the font has), without spaces at its ends (they would move it off centre), and every
 * character one the font draws; else a 400 naming those it cannot.
 */
export function captionText(value: string, name: string, font: Font = loadCaptionFont()): string {
  const text = value.normalize('NFC').trim();
  if (text === '') throw badRequest('empty_value', `'${name}' must not be only spaces`, { field: name });
  const missing = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter(
    (code) => font.glyph(code) === undefined,
  );
  if (missing.length > 0) {
    const named = missing.slice(0, NAMED).map(characterName);
    throw badRequest(
      'unsupported_characters',
      `'${name}' has ${missing.length === 1 ? 'a character' : `${missing.length} characters`} the caption font (${CAPTION_FONT_NAME}) cannot draw: ` +
        `${named.join(', ')}${missing.length > NAMED ? ', …' : ''}; it draws Latin-1, Latin Extended-A and common punctuation (docs/api.md lists them)`,
      { field: name, characters: named.map((label) => label.split(' ')[0]!) },
    );
  }
  return text;
}

/** `U+4E2D 中`; a mark, a control or a space by its number alone, since it would not show. */
function characterName(code: number): string {
  const label = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const character = String.fromCodePoint(code);
  return /[\p{M}\p{C}\p{Z}]/u.test(character) ? label : `${label} ${character}`;
}

/** The text's glyphs and where each starts, in font units from the start of the line; and the line's advance. */
function setLine(text: string, font: Font): { glyphs: { glyph: number; x: number }[]; advance: number } {
  const glyphs: { glyph: number; x: number }[] = [];
  let pen = 0;
  let previous: number | undefined;
  for (const character of text) {
    const glyph = font.glyph(character.codePointAt(0)!)!;
    if (previous !== undefined) pen += font.kerning(previous, glyph);
    glyphs.push({ glyph, x: pen });
    pen += font.advance(glyph);
    previous = glyph;
  }
  return { glyphs, advance: pen };
}

/** The text's width in ems (its advance, kerning included). */
export function textWidth(text: string, font: Font = loadCaptionFont()): number {
  return setLine(text, font).advance / font.unitsPerEm;
}

const n = (value: number): string => String(Number(value.toFixed(3)));

/**
 * The text as SVG path data, `size` units high (the em), starting at `x` on the baseline
 * `baseline`, in a space whose y runs down.
 */
export function textPath(
  text: string,
  { x, baseline, size }: { x: number; baseline: number; size: number },
  font: Font = loadCaptionFont(),
): string {
  const scale = size / font.unitsPerEm;
  let d = '';
  for (const { glyph, x: at } of setLine(text, font).glyphs) {
    const px = (fx: number): string => n(x + (at + fx) * scale);
    const py = (fy: number): string => n(baseline - fy * scale);
    for (const c of font.outline(glyph)) {
      if (c.type === 'Z') d += 'Z';
      else if (c.type === 'Q') d += `Q${px(c.x1)} ${py(c.y1)} ${px(c.x)} ${py(c.y)}`;
      else d += `${c.type}${px(c.x)} ${py(c.y)}`;
    }
  }
  return d;
}
