// The caption font the function carries is what scripts/caption-font.mjs makes from the
// inter-ui package, byte for byte, with the package's licence beside it, and it draws
// exactly the characters the script asks for.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// @ts-expect-error scripts/caption-font.mjs is plain JavaScript without declarations
import { CAPTION_CHARACTERS, captionFont, FONT_FILE, LICENSE_FILE } from '../../scripts/caption-font.mjs';
import { readFont } from '../../lambda/styled/font/font.js';

t.test('the committed subset is the script’s output, its licence the font’s', async (t) => {
  const shipped = readFileSync(FONT_FILE as string);
  t.ok(((await captionFont()) as Buffer).equals(shipped), 'node scripts/caption-font.mjs writes the same bytes');
  t.ok(shipped.length < 48 * 1024, `${shipped.length} bytes`);
  const license = readFileSync(LICENSE_FILE as string, 'utf8');
  t.equal(license, readFileSync(createRequire(import.meta.url).resolve('inter-ui/LICENSE.txt'), 'utf8'));
  t.match(license, /SIL Open Font License, Version 1\.1/);
  const asked = [...(CAPTION_CHARACTERS as string)].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  t.same(readFont(shipped).characters(), asked, 'every character asked for, and no other');
});
