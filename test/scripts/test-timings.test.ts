// make timings: the docs' test times come from tap's own records of a run, not from a hand.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript without declarations
import { makeTimings, testRuns, timingsBlock, withTimings } from '../../scripts/test-timings.mjs';

interface Run {
  file: string;
  started: number;
  runtime: number;
}

/** A .tap/processinfo folder with a record per test file, and one for a process a test started. */
function processinfo(files: Record<string, [startedMs: number, runtimeMs: number]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'processinfo-'));
  let n = 0;
  for (const [file, [started, runtime]] of Object.entries(files))
    writeFileSync(
      join(dir, `${n++}.json`),
      JSON.stringify({ date: new Date(started).toISOString(), externalID: file, runtime, argv: ['node', file] }),
    );
  writeFileSync(
    join(dir, 'child.json'),
    JSON.stringify({ date: new Date(0).toISOString(), argv: ['node', 'provider.mjs'], runtime: 999_999 }),
  );
  return dir;
}

const base = Date.parse('2026-12-07T10:00:00Z');

t.test('reads each test file’s run, and only those', async (t) => {
  const runs: Run[] = testRuns(processinfo({ 'test/a.test.ts': [base, 1500], 'test/b.test.ts': [base + 10, 800] }));
  t.same(
    runs.map((run) => run.file).sort(),
    ['test/a.test.ts', 'test/b.test.ts'],
    "a test's own child process is not a file",
  );
  t.same(
    runs.find((run) => run.file === 'test/a.test.ts'),
    { file: 'test/a.test.ts', started: base, runtime: 1500 },
  );
});

t.test('the block: wall time, summed time, make’s times and the slowest files first', async (t) => {
  const runs: Run[] = testRuns(
    processinfo({
      'test/fast.test.ts': [base, 2_000],
      'test/slow.test.ts': [base, 90_000],
      'test/middle.test.ts': [base + 2_000, 30_000],
    }),
  );
  const block: string = timingsBlock(runs, {
    count: 2,
    make: { test: { started: base - 60_000, runtime: 300_000 }, check: { started: base, runtime: 38_000 } },
  });
  t.match(block, /^<!-- timings:start -->\n/);
  t.match(block, /\n<!-- timings:end -->$/);
  t.match(block, '(2026-12-07, two shared cores): 3 test files in 90 s of wall time, 122 s summed');
  t.match(block, 'The whole `make test`, installs included: 300 s. `make check`: 38 s.');
  const rows = block.split('\n').filter((line) => line.startsWith('| `'));
  t.same(
    rows,
    ['| `test/slow.test.ts` | 90 s |', '| `test/middle.test.ts` | 30 s |'],
    'the two slowest, slowest first',
  );
  t.notMatch(timingsBlock(runs), /make test/, 'no make times when none were recorded');
  t.throws(() => timingsBlock([]), /no test file ran/);
});

t.test('make’s times are read from .tap/timings, when recorded', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'timings-'));
  t.same(makeTimings(dir), { test: undefined, check: undefined });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'make-test.json'), '{"started": 5, "runtime": 7}\n');
  t.same(makeTimings(dir), { test: { started: 5, runtime: 7 }, check: undefined });
});

t.test('only the block is replaced', async (t) => {
  const text = 'before\n<!-- timings:start -->\nold\n<!-- timings:end -->\nafter\n';
  t.equal(withTimings(text, '<!-- timings:start -->\nnew\n<!-- timings:end -->'), text.replace('old', 'new'));
  t.throws(() => withTimings('no block', 'x'), /no <!-- timings:start -->/);
});

t.test('make timings: a checkout’s run written into its docs/contributing.md', async (t) => {
  const checkout = mkdtempSync(join(tmpdir(), 'checkout-'));
  mkdirSync(join(checkout, '.tap/timings'), { recursive: true });
  mkdirSync(join(checkout, 'docs'));
  const info = processinfo({ 'test/a.test.ts': [base, 4_000], 'test/b.test.ts': [base, 9_000] });
  spawnSync('cp', ['-r', info, join(checkout, '.tap/processinfo')]);
  writeFileSync(join(checkout, '.tap/timings/make-test.json'), '{"started": 0, "runtime": 321000}\n');
  const before = '# Contributing\n\n<!-- timings:start -->\nold\n<!-- timings:end -->\n\nafter\n';
  writeFileSync(join(checkout, 'docs/contributing.md'), before);
  const script = fileURLToPath(new URL('../../scripts/test-timings.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script, checkout], { encoding: 'utf8' });
  t.equal(run.status, 0, run.stderr);
  const after = readFileSync(join(checkout, 'docs/contributing.md'), 'utf8');
  t.match(after, /^# Contributing\n\n<!-- timings:start -->\nThe last full run measured here/);
  t.match(after, 'The whole `make test`, installs included: 321 s.');
  t.match(after, '| `test/b.test.ts` | 9 s |\n| `test/a.test.ts` | 4 s |\n<!-- timings:end -->\n\nafter\n');
  t.equal(run.stdout.trim(), /<!-- timings:start -->[\s\S]*<!-- timings:end -->/.exec(after)?.[0]);
});
