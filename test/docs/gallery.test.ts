// The gallery in docs/api.md is what the function draws today, and every image in it scans:
// `make gallery` run into a scratch folder must write the same bytes as the files kept and
// the same markdown block, and ZBar (a decoder the function does not use) reads each file.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GALLERY, GALLERY_DIR, GALLERY_TEXT, withGallery, writeGallery } from '../../scripts/gallery.js';

const API_MD = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

t.test('make gallery, run again, writes the images and the block docs/api.md holds', async (t) => {
  const dir = `${mkdtempSync(join(tmpdir(), 'gallery-'))}/`;
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    `${dir}api.md`,
    withGallery(
      readFileSync(API_MD, 'utf8'),
      '<!-- gallery:start (make gallery writes this block) --><!-- gallery:end -->',
    ),
  );
  const lines: string[] = [];
  await writeGallery(dir, `${dir}api.md`, (line) => lines.push(line));
  t.equal(readFileSync(`${dir}api.md`, 'utf8'), readFileSync(API_MD, 'utf8'), 'the block is current');
  for (const entry of GALLERY) {
    const name = `${entry.name}.png`;
    t.ok(readFileSync(`${dir}${name}`).equals(readFileSync(`${GALLERY_DIR}${name}`)), `${name} is up to date`);
  }
  t.equal(lines.length, GALLERY.length + 1, 'a line for each image, and one for the block');
  const kept = readdirSync(GALLERY_DIR).filter((name) => name.endsWith('.png'));
  t.same(kept.sort(), GALLERY.map((entry) => `${entry.name}.png`).sort(), 'no image left over, none missing');
  t.ok(
    GALLERY.some((entry) => entry.options.logo),
    'a logo among them',
  );
  t.throws(() => withGallery('no block', ''), /no <!-- gallery:start/);
});

t.test('ZBar reads every gallery image exactly', async (t) => {
  for (const entry of GALLERY) {
    const file = `${GALLERY_DIR}${entry.name}.png`;
    const zbar = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', '-Sbinary', file]);
    t.equal(zbar.status, 0, `ZBar finds a code in ${entry.name}.png`);
    t.equal(zbar.stdout.toString('utf8').replace(/\n$/, ''), GALLERY_TEXT, `ZBar reads ${entry.name}.png exactly`);
  }
});
