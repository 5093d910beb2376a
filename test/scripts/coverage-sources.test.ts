// scripts/coverage-sources.mjs puts each source's text into the coverage's source maps
// where tsx left it null: without it c8 counts such a file as empty, so 100% covered.
// Here a module with an uncalled function runs under tsx; its coverage, with the text
// nulled as tap's collection leaves it, reads 100% before the script and the truth after.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/coverage-sources.mjs');
const c8 = join(root, 'node_modules/c8/bin/c8.js');

interface SourceMapEntry {
  data: { sources: string[]; sourcesContent?: (string | null)[] };
}
interface CoverageFile {
  'source-map-cache'?: Record<string, SourceMapEntry>;
}

const MODULE = `export function called(x: number): number {
  if (x > 1) {
    return x * 2;
  }
  return x;
}

export function neverCalled(text: string): string {
  const upper = text.toUpperCase();
  return upper.trim();
}
`;

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coverage-sources-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n');
  await writeFile(join(dir, 'module.ts'), MODULE);
  await writeFile(join(dir, 'main.ts'), "import { called } from './module.js';\ncalled(3);\n");
  return dir;
}

/** c8's line coverage of module.ts, in percent, from the coverage files in `dir`/coverage. */
function linesCovered(t: Test, dir: string): number {
  const report = spawnSync(
    process.execPath,
    [
      c8,
      'report',
      '--temp-directory',
      'coverage',
      '--report-dir',
      'report',
      '--reporter',
      'json-summary',
      '--include',
      'module.ts',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  t.equal(report.status, 0, `c8 report${report.status === 0 ? '' : `: ${report.stderr}`}`);
  const summary = JSON.parse(readFileSync(join(dir, 'report/coverage-summary.json'), 'utf8')) as {
    total: { lines: { pct: number } };
  };
  return summary.total.lines.pct;
}

t.test("a tsx module's coverage counts its lines once the source is put back", async (t) => {
  const dir = await project();
  // Outside tap's own collection (`env -u`: tap adds its hooks to every child's NODE_OPTIONS):
  // Node's, which writes the coverage and the source maps to NODE_V8_COVERAGE.
  const ran = spawnSync(
    'env',
    ['-u', 'NODE_OPTIONS', process.execPath, '--import', import.meta.resolve('tsx'), 'main.ts'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_V8_COVERAGE: join(dir, 'coverage') },
    },
  );
  t.equal(ran.status, 0, `the module runs${ran.status === 0 ? '' : `: ${ran.stderr}`}`);
  // As tap's collection leaves it: tsx writes the text only when NODE_V8_COVERAGE is set.
  const moduleUrl = pathToFileURL(join(dir, 'module.ts')).href;
  let nulled = 0;
  for (const name of await readdir(join(dir, 'coverage'))) {
    const file = join(dir, 'coverage', name);
    const coverage = JSON.parse(await readFile(file, 'utf8')) as CoverageFile;
    const entry = coverage['source-map-cache']?.[moduleUrl];
    if (!entry) continue;
    t.ok(entry.data.sourcesContent?.[0]?.includes('neverCalled'), 'with NODE_V8_COVERAGE, tsx keeps the text');
    entry.data.sourcesContent = [null];
    nulled++;
    await writeFile(file, JSON.stringify(coverage));
  }
  t.equal(nulled, 1, "module.ts's source map is in the coverage");
  t.equal(linesCovered(t, dir), 100, 'with the text null, c8 sees an empty file: every line covered');

  const fill = spawnSync(process.execPath, [script, join(dir, 'coverage')], { encoding: 'utf8' });
  t.same([fill.status, fill.stderr], [0, ''], 'the script runs quietly');
  const covered = linesCovered(t, dir);
  t.ok(covered < 100, `with the text back, the uncalled function's lines are not covered (${covered}%)`);
  t.ok(covered > 50, 'and the called one is');
});

t.test('only missing texts of files on disk are filled; others are left as they are', async (t) => {
  const { fillSources } = (await import(pathToFileURL(script).href)) as {
    fillSources: (coverage: CoverageFile) => boolean;
  };
  const dir = await project();
  const onDisk = pathToFileURL(join(dir, 'module.ts')).href;
  const gone = pathToFileURL(join(dir, 'gone.ts')).href;
  const coverage: CoverageFile = {
    'source-map-cache': {
      [onDisk]: { data: { sources: [onDisk], sourcesContent: [null] } },
      [gone]: { data: { sources: [gone], sourcesContent: [null] } },
      'node:internal': { data: { sources: ['node:internal/x'], sourcesContent: [null] } },
      kept: { data: { sources: [onDisk], sourcesContent: ['the text as it was'] } },
      none: { data: { sources: [onDisk] } },
    },
  };
  t.equal(fillSources(coverage), true, 'something was filled');
  const maps = coverage['source-map-cache'] ?? {};
  t.equal(maps[onDisk]?.data.sourcesContent?.[0], MODULE, 'a file on disk: its text');
  t.same(maps[gone]?.data.sourcesContent, [null], 'a file that is gone: still null');
  t.same(maps['node:internal']?.data.sourcesContent, [null], 'not a file: untouched');
  t.same(maps.kept?.data.sourcesContent, ['the text as it was'], 'a text already there: kept');
  t.equal(maps.none?.data.sourcesContent, undefined, 'no sourcesContent at all: c8 reads the file itself');
  t.equal(fillSources({ 'source-map-cache': { kept: maps.kept as SourceMapEntry } }), false, 'nothing to fill: false');
});
