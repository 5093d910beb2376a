// A caption's text: what the font cannot draw is refused by name, what it can is measured
// and drawn as path data, and the band under the code has the documented geometry.
import t from 'tap';
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { HttpError } from '../../../lambda/errors.js';
import { captionText, textPath, textWidth } from '../../../lambda/styled/caption.js';
import { captionBand, defaultCaptionSize } from '../../../lambda/styled/caption-band.js';
import { parseStyle } from '../../../lambda/styled/options.js';
import { WHITE } from '../../../lambda/render/color.js';

const refusal = (run: () => unknown): HttpError => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('not refused');
};

t.test('text the font cannot draw is refused, each character named by number and shown', async (t) => {
  const error = refusal(() => captionText('Menu: 寿司 & ramen 🍜 q\u0303', 'caption'));
  t.equal(error.statusCode, 400);
  t.equal(error.code, 'unsupported_characters');
  t.match(error.details, { field: 'caption', characters: ['U+5BFF', 'U+53F8', 'U+1F35C', 'U+0303'] });
  t.match(error.message, /U\+5BFF 寿, U\+53F8 司, U\+1F35C 🍜, U\+0303;/);
  t.notMatch(error.message, /U\+0303 \u0303/, 'a combining mark by its number alone');
  t.match(error.message, /Inter/);
  t.match(
    refusal(() => captionText('x 中', 'caption')).message,
    /has a character the caption font \(Inter\) cannot draw: U\+4E2D 中;/,
  );
  const many = refusal(() => captionText('αβγδεζηθικλμ', 'caption'));
  t.match(many.message, /12 characters .*U\+03BA κ, …;/, 'at most ten named');
  t.equal((many.details.characters as string[]).length, 10);
});

t.test('what the font draws is kept, composed and trimmed', async (t) => {
  t.equal(
    captionText('  Cafe\u0301 “Zürich” – 5 € ‰ → ș  ', 'caption'),
    'Café “Zürich” – 5 € ‰ → ș',
    'NFC, ends trimmed',
  );
  t.match(
    refusal(() => captionText('   ', 'caption')),
    { code: 'empty_value' },
  );
  const style = (fields: Record<string, unknown>) => parseStyle(fields, WHITE);
  t.same(style({ caption: 'Hi', captionColor: '#123456', captionSize: 20 }).caption, {
    text: 'Hi',
    color: { r: 0x12, g: 0x34, b: 0x56, a: 255 },
    size: 20,
  });
  t.same(style({ caption: 'Hi' }).caption, { text: 'Hi', color: undefined, size: undefined });
  for (const [fields, code, field] of [
    [{ captionColor: '#000' }, 'option_not_applicable', 'captionColor'],
    [{ captionSize: 12 }, 'option_not_applicable', 'captionSize'],
    [{ caption: 'x'.repeat(201) }, 'out_of_range', 'caption'],
    [{ caption: 'two\nlines' }, 'invalid_text', 'caption'],
    [{ caption: 'x', captionSize: 7 }, 'out_of_range', 'captionSize'],
    [{ caption: 'x', captionSize: 257 }, 'out_of_range', 'captionSize'],
    [{ caption: 'x', captionSize: 12.5 }, 'out_of_range', 'captionSize'],
    [{ caption: 'x', captionColor: '#eeeeee' }, 'low_contrast', 'captionColor'],
    [{ caption: 'x', captionColor: 'navy' }, 'invalid_color', 'captionColor'],
  ] as const) {
    t.match(
      refusal(() => style(fields)),
      { code, details: { field } },
      JSON.stringify(fields),
    );
  }
});

t.test('measured with its kerning as HarfBuzz shapes it, and drawn as plain path data', async (t) => {
  const bytes = readFileSync(new URL('../../../lambda/styled/fonts/Inter-Caption.ttf', import.meta.url));
  const font = new hb.Font(new hb.Face(new hb.Blob(bytes)));
  for (const text of ['AVATAR', 'Scan me — Café “Zürich”', 'Tō Łódź 12.50 €']) {
    const buffer = new hb.Buffer();
    buffer.addText(text);
    buffer.setDirection(hb.Direction.LTR);
    buffer.setScript('Latn');
    hb.shape(font, buffer);
    const advance = buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0);
    t.equal(textWidth(text), advance / 2048, text);
  }
  t.ok(textWidth('AV') < textWidth('A') + textWidth('V'), 'kerned');
  const d = textPath('HÉ', { x: 10, baseline: 50, size: 20 });
  t.match(d, /^M[\d.]+ [\d.]+[LQZ]/);
  t.notMatch(d, /[^MLQZ\d. -]/, 'moves, lines, quadratic curves and closes only');
  const ys = [...d.matchAll(/[MLQ ]([\d.]+) ([\d.]+)/g)].map((m) => Number(m[2]));
  t.ok(Math.max(...ys) <= 50.001, 'nothing of H or É below the baseline');
  t.ok(Math.min(...ys) < 50 - 0.72 * 20, 'the capital rises its cap height above it');
});

t.test('the band: sizes, gaps and shrinking to fit, as documented', async (t) => {
  const metrics = { ascender: 1984 / 2048, descender: -494 / 2048 };
  t.equal(defaultCaptionSize(330), 21);
  t.equal(defaultCaptionSize(50), 8, 'never below the smallest size');
  t.equal(defaultCaptionSize(8000), 256);
  // A 290 px image with a 40 px quiet zone, a text 3 ems wide at the default 18 px: 54 px wide.
  const band = captionBand({ imageWidth: 290, quiet: 40, em: 3, asked: undefined }, metrics);
  t.same(band, { size: 18, height: 0 + Math.ceil(18 * (2478 / 2048)) + 40, baseline: 18 * (1984 / 2048), width: 54 });
  // No quiet zone: half the size above and below.
  const tight = captionBand({ imageWidth: 290, quiet: 0, em: 3, asked: 20 }, metrics);
  t.equal(tight.height, 10 + 25 + 10);
  t.equal(tight.baseline, 10 + 20 * (1984 / 2048));
  // Too wide at 20 px (10 ems: 200 px in 210): 19 px fits.
  t.equal(captionBand({ imageWidth: 290, quiet: 40, em: 11, asked: 20 }, metrics).size, 19);
  const tooWide = refusal(() => captionBand({ imageWidth: 150, quiet: 20, em: 20, asked: undefined }, metrics));
  t.match(tooWide, {
    statusCode: 400,
    code: 'caption_too_wide',
    details: { field: 'caption', width: 160, available: 110, minSize: 8 },
  });
});
