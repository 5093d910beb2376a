// lambda/qr/kanji-table.ts is scripts/kanji-table.ts's output, to the byte: run as the docs
// say, into a scratch file, it writes the committed text.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kanjiTableData, kanjiTableSource } from '../../scripts/kanji-table.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const committed = readFileSync(join(root, 'lambda/qr/kanji-table.ts'), 'utf8');

t.test('the committed table is the generator’s text', async (t) => {
  t.equal(kanjiTableSource(kanjiTableData()), committed);
});

t.test('run from the command line, it writes that text, formatted as the project formats', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kanji-table-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'kanji-table.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kanji-table.ts', '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  t.equal(run.status, 0, run.stderr);
  t.match(run.stdout, `wrote ${out}`);
  t.equal(readFileSync(out, 'utf8'), committed);
});
