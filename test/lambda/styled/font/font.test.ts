// The function's own TrueType reader against HarfBuzz (harfbuzzjs, WebAssembly), the
// shaping engine browsers use, on the font the function carries: the same characters, the
// same outline for every glyph, the same advance for every glyph after every other
// (kerning included). HarfBuzz runs here only; the function reads the file itself.
import t from 'tap';
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { loadCaptionFont, readFont } from '../../../../lambda/styled/font/font.js';
import type { PathCommand } from '../../../../lambda/styled/font/glyf.js';

const bytes = readFileSync(new URL('../../../../lambda/styled/fonts/Inter-Caption.ttf', import.meta.url));
const font = readFont(bytes);
const face = new hb.Face(new hb.Blob(bytes));
const hbFont = new hb.Font(face);

/** Our outline written as harfbuzzjs writes one. */
const asHarfBuzz = (path: readonly PathCommand[]): string =>
  path
    .map((c) => (c.type === 'Z' ? 'Z' : c.type === 'Q' ? `Q${c.x1},${c.y1} ${c.x},${c.y}` : `${c.type}${c.x},${c.y}`))
    .join('');

/** HarfBuzz's advance of each glyph of a Latin text, kerned. */
function shaped(text: string): { glyph: number; advance: number }[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.setDirection(hb.Direction.LTR);
  buffer.setScript('Latn');
  buffer.setLanguage('en');
  hb.shape(hbFont, buffer);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((info, i) => ({ glyph: info.codepoint, advance: positions[i]!.xAdvance }));
}

t.test('the characters are HarfBuzz’s, each to the same glyph', async (t) => {
  const characters = font.characters();
  t.same(
    characters,
    [...face.collectUnicodes()].sort((a, b) => a - b),
  );
  t.ok(characters.length > 350, `${characters.length} characters`);
  const differ = characters.filter((code) => font.glyph(code) !== hbFont.nominalGlyph(code));
  t.same(differ, [], 'each to HarfBuzz’s glyph');
  t.equal(font.glyph(0x4e2d), undefined, 'a character it lacks has no glyph');
  t.equal(loadCaptionFont().glyph(0x41), font.glyph(0x41), 'the shipped file is the one read here');
});

t.test('every glyph’s outline is the one HarfBuzz draws', async (t) => {
  const glyphs = new Set(font.characters().map((code) => font.glyph(code)!));
  let composite = 0;
  for (const glyph of glyphs) {
    const ours = asHarfBuzz(font.outline(glyph));
    if (ours !== hbFont.glyphToPath(glyph)) t.fail(`glyph ${glyph}: ${ours.slice(0, 80)}`);
    if (font.outline(glyph).filter((c) => c.type === 'Z').length > 1) composite++;
  }
  t.pass(`${glyphs.size} glyphs compared, ${composite} of several contours`);
  t.match(asHarfBuzz(font.outline(font.glyph(0xe9)!)), /Z.*M.*Z/, 'é: the e and its accent');
});

t.test('every pair of characters is spaced as HarfBuzz spaces it, kerning included', async (t) => {
  const characters = font.characters().map((code) => String.fromCodePoint(code));
  let kerned = 0;
  const wrong: string[] = [];
  for (const left of characters) {
    const text = characters.map((right) => left + right).join('');
    const glyphs = shaped(text);
    for (let i = 0; i + 1 < glyphs.length; i++) {
      const [a, b] = [glyphs[i]!, glyphs[i + 1]!];
      const ours = font.advance(a.glyph) + font.kerning(a.glyph, b.glyph);
      if (ours !== a.advance) wrong.push(`${text[i]}${text[i + 1]}: ${ours} ≠ ${a.advance}`);
      if (font.kerning(a.glyph, b.glyph) !== 0) kerned++;
    }
  }
  t.same(wrong.slice(0, 20), [], `${wrong.length} pairs differ`);
  t.ok(kerned > 1000, `${kerned} kerned pairs`);
  const [a, v] = [font.glyph(0x41)!, font.glyph(0x56)!];
  t.ok(font.kerning(a, v) < 0, 'A and V are drawn closer');
  t.equal(font.unitsPerEm, 2048);
  t.ok(font.ascender > 0 && font.descender < 0);
});
