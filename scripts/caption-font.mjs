// Writes the font captions are drawn in: Inter Regular (SIL Open Font License 1.1, from the
// inter-ui package), cut down with HarfBuzz's subsetter (subset-font, as WebAssembly) to
// the characters in CAPTION_CHARACTERS, its hinting and every layout feature but kerning
// dropped, as a TrueType file beside its licence in lambda/styled/fonts/. The function
// reads that file itself (lambda/styled/font/): no system font, no font in the images.
// The output is committed; run this again only to change the character set:
//   node scripts/caption-font.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FONT_FILE = join(ROOT, 'lambda/styled/fonts/Inter-Caption.ttf');
export const LICENSE_FILE = join(ROOT, 'lambda/styled/fonts/OFL.txt');

const range = (first, last) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/**
 * Every character a caption may hold: Basic Latin, Latin-1, Latin Extended-A (without the
 * soft hyphen, which is invisible, and ŉ, which Unicode deprecates and Inter lacks), the rest of
 * Windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ ‹ › ‘ ’ “ ” • – — ˜ ™), Romanian's comma-below letters,
 * dashes, quotes, spaces and a few signs and arrows. docs/api.md lists the same set.
 */
export const CAPTION_CHARACTERS = String.fromCodePoint(
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xac),
  ...range(0xae, 0xff),
  ...range(0x100, 0x148),
  ...range(0x14a, 0x17f),
  0x192,
  ...range(0x218, 0x21b),
  0x2c6,
  0x2dc,
  ...range(0x2010, 0x2015),
  ...range(0x2018, 0x201e),
  ...range(0x2020, 0x2022),
  0x2026,
  0x2009,
  0x202f,
  0x2030,
  0x2032,
  0x2033,
  0x2039,
  0x203a,
  0x2044,
  0x20ac,
  0x20b9,
  0x20bf,
  0x2116,
  0x2122,
  ...range(0x2190, 0x2193),
  0x2212,
);

/** The subset's bytes: the same input and version of subset-font, the same bytes. */
export async function captionFont() {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('inter-ui/web/Inter-Regular.woff2'));
  return subsetFont(source, CAPTION_CHARACTERS, {
    targetFormat: 'sfnt',
    keepFeatures: ['kern'],
    noLayoutClosure: true,
    noHinting: true,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const font = await captionFont();
  writeFileSync(FONT_FILE, font);
  writeFileSync(LICENSE_FILE, readFileSync(createRequire(import.meta.url).resolve('inter-ui/LICENSE.txt')));
  console.log(`${FONT_FILE}: ${font.length} bytes, ${[...CAPTION_CHARACTERS].length} characters`);
}
