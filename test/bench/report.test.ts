// BENCHMARKS.md from typed results: a fixed set of results, with round numbers chosen so each
// ratio and each target's verdict is known, rendered and read back table by table.
import t from 'tap';
import { settings } from '../../bench/config.js';
import type { ImplementationResult } from '../../bench/report.js';
import { type BenchResults, renderReport, withLoadSection } from '../../bench/report.js';
import { section, tableRows } from '../helpers/markdown.js';

const implementation = (label: string, warmMs: number, initMs: number, coldStartMs?: number): ImplementationResult => ({
  label,
  warmMs,
  warmSpread: 0.2,
  pngBytes: 496,
  initMs,
  firstWarmMs: warmMs * 4,
  rssMb: 64,
  ...(coldStartMs !== undefined && { coldStartMs }),
});

const peer = (
  key: BenchResults['peers']['rows'][number]['key'],
  documentedUs: number,
  largeMs: number,
  initMs: number,
) => ({
  key,
  label: `${key} label`,
  documentedUs,
  largeMs,
  matrixUs: documentedUs / 4,
  largeMatrixUs: largeMs * 100,
  initMs,
  bytes: key === 'qr' ? 498 : 496,
});

const RESULTS: BenchResults = {
  date: '2026-12-07T20:00:00.000Z',
  machine: 'Test CPU, 2 cores',
  memoryGiB: 8,
  node: 'v20.0.0',
  python: { available: true, version: 'Python 3.11.2' },
  settings: settings({}),
  tutorialUrl: 'https://www.youtube.com/@RayanSlim087',
  implementations: {
    ours: implementation('qr-lambda (build/lambda/index.mjs)', 0.2, 15, 60),
    naive: implementation('naive Node port (qrcode.toBuffer)', 16, 80, 70),
    dialect: implementation('qr-lambda, GET /qr (QuickChart dialect)', 0.2, 20),
    builder: implementation('qr-lambda, POST type wifi (payload builder)', 0.25, 18),
    python: implementation('tutorial Python (qrcode + Pillow)', 6, 50, 80),
  },
  ranges: { runs: 3, ratios: { warmVsPython: { min: 26.4, max: 35.1 } } },
  steps: {
    steps: [
      { step: 'the symbol', microseconds: 30 },
      { step: 'deflate', microseconds: 90 },
    ],
    wholeCall: 120,
    deflateSettings: [
      { setting: 'level 6 (ours)', microseconds: 80, bytes: 440 },
      { setting: 'level 9', microseconds: 240, bytes: 430 },
      { setting: 'level 1', microseconds: 20, bytes: 780 },
    ],
  },
  bundle: {
    bytes: 40000,
    gzip: 17000,
    files: ['build/lambda/index.mjs'],
    largest: [{ file: 'lambda/generate/options.ts', bytes: 5434 }],
    chunks: [{ file: 'build/lambda/chunks/page.mjs', bytes: 36356 }],
  },
  worst: {
    accepted: [{ label: 'GET /qr, version 40-L', status: 200, ms: 9.73, bytes: 11217 }],
    refused: [{ label: 'GET /qr, size=3001', status: 400, ms: 0.05 }],
  },
  styled: { warmMs: 20, firstMs: 260, python: 20, bytes: 12567, ecLevel: 'H' },
  peers: {
    rounds: 15,
    rows: [
      { ...peer('image-path', 120, 2, 10), svgUs: 60 },
      peer('handler', 100, 2, 15),
      { ...peer('qr', 140, 2.1, 12), svgUs: 90 },
      { ...peer('fast_qr', 200, 3, 30), fixedLevel: 'Q' },
    ],
  },
  stack: [{ connections: 1, rps: 900.4, p50: 1, p99: 2, errors: 0 }],
};

t.test('the sections come in their order, each once', async (t) => {
  const headings = renderReport(RESULTS)
    .split('\n')
    .filter((line) => line.startsWith('#'));
  t.same(headings, [
    '# Benchmarks',
    '## Per implementation',
    '## Against the targets',
    '## Ranges over runs',
    '## Where a warm call goes',
    '## Bundle',
    '## Worst cases accepted, costliest first',
    '## A styled code, verified',
    '## Beside the fastest encoders',
    '## Refused before work',
    '## Through the local stack (POST /generate, autocannon, 5 s each)',
  ]);
  t.match(renderReport(RESULTS), '[docs/benchmarks.md](docs/benchmarks.md)', 'links the prose that left it');
});

t.test('every table row has as many cells as its header', async (t) => {
  const lines = renderReport(RESULTS).split('\n');
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    const block = lines.slice(
      i,
      lines.findIndex((line, j) => j > i && !line.startsWith('|')),
    );
    const width = (line: string) => line.replace(/^\||\|$/g, '').split('|').length;
    const header = block[0] ?? '';
    t.match(block[1], /^\|(---\|)+$/, `${header}: a delimiter row`);
    for (const row of block) t.equal(width(row), width(header), row);
    tables++;
  }
  t.equal(tables, 11);
});

t.test('each implementation is a row with its own figures', async (t) => {
  const rows = tableRows(section(renderReport(RESULTS), 'Per implementation'));
  t.same(
    rows.map((row) => row[0]),
    Object.values(RESULTS.implementations).map((row) => row.label),
  );
  t.same(rows[0], ['qr-lambda (build/lambda/index.mjs)', '0.200 (±10 %)', '0.800', '15.0', '60.0', '496', '64.0']);
  t.equal(rows[2]?.[4], '–', 'a route not cold-started says so');
});

t.test('the targets say met or not met with the ratio', async (t) => {
  const targets = section(renderReport(RESULTS), 'Against the targets').join('\n');
  t.match(targets, '30.0× faster than the Python handler (target ≥ 25×: met)');
  t.match(targets, '80.0× faster than the naive Node port (target ≥ 60×: met)');
  t.match(targets, "init (import + first call): 0.30× the Python handler's (target ≤ 0.25×: not met)");
  t.match(targets, '40000 bytes minified (target ≤ 40960: met)');
});

t.test('the peers: ratios against the image path, and the targets against qr', async (t) => {
  const lines = section(renderReport(RESULTS), 'Beside the fastest encoders');
  const rows = tableRows(lines);
  t.same(rows[2], [
    'qr label',
    '140.0',
    '1.17',
    '90.0',
    '1.50',
    '2.10',
    '1.05',
    '35.0',
    '1.17',
    '210',
    '1.05',
    '12.0',
    '1.20',
    '498',
  ]);
  t.same(rows[1]?.slice(3, 5), ['–', '–'], 'no SVG is no time');
  const text = lines.join('\n');
  t.match(text, 'fast_qr cannot be told a level: level Q throughout');
  t.match(
    text,
    'the documented request: 1.40× as fast (target ≥ 1.3×: met; the image path alone: 1.17×; deflate\'s share of it is under "Where a warm call goes")',
  );
  t.match(text, 'the 1,000-byte text at M: 1.05× as fast (target ≥ 1.1×: not met; the image path alone: 1.05×)');
  t.match(
    text,
    "init, first code in a fresh process: 1.25× its time (target no slower, ≤ 1×: not met; the image path alone: 0.83×, without the handler's own modules)",
  );
  t.match(text, 'PNG: 496 bytes vs 498 (target no more: met)');
});

t.test('deflate: zlib’s other settings against the function’s, and what that says of the gap', async (t) => {
  const lines = section(renderReport(RESULTS), 'Where a warm call goes');
  const rows = tableRows(lines);
  t.same(rows.slice(-3), [
    ['level 6 (ours)', '80.0', '1.00', '440', '1.00'],
    ['level 9', '240.0', '3.00', '430', '0.98'],
    ['level 1', '20.0', '0.25', '780', '1.77'],
  ]);
  const text = lines.join('\n');
  t.match(text, 'each that is faster makes a larger file, and the PNG is to be no larger than it is.');
  t.match(text, 'Smaller: level 9, at 3.0× the time.');
  const cheaper = renderReport({
    ...RESULTS,
    steps: {
      ...RESULTS.steps,
      deflateSettings: [...RESULTS.steps.deflateSettings, { setting: 'x', microseconds: 10, bytes: 400 }],
    },
  });
  t.match(section(cheaper, 'Where a warm call goes').join('\n'), 'a faster setting makes no larger a file here');
});

t.test('ranges: a ratio no run measured is a dash', async (t) => {
  const rows = tableRows(section(renderReport(RESULTS), 'Ranges over runs'));
  t.same(rows[0], ['warm call (steady state), × faster than Python', '26.4× – 35.1×']);
  t.same(rows[1]?.[1], '–');
});

t.test('without Python, the report says what was not measured', async (t) => {
  const { python: _, ...rest } = RESULTS.implementations;
  const report = renderReport({
    ...RESULTS,
    python: { available: false, reason: 'no qrcode' },
    implementations: rest,
  });
  const targets = section(report, 'Against the targets').join('\n');
  t.match(targets, 'against the Python handler: not measured (no qrcode)');
  t.notMatch(targets, 'faster than the Python handler');
  t.equal(tableRows(section(report, 'Per implementation')).length, 4);
  t.match(report, 'Python not available');
});

t.test('a quick run says so at the top', async (t) => {
  const report = renderReport({ ...RESULTS, settings: settings({ BENCH_QUICK: '1' }) });
  t.match(report.split('\n')[2], 'BENCH_QUICK');
  t.notMatch(renderReport(RESULTS).split('\n')[2], 'BENCH_QUICK');
});

t.test('the Load section make load wrote is carried over', async (t) => {
  const previous = '# Benchmarks\n\nold\n\n## Load\n\n`make load` figures\n';
  t.equal(
    withLoadSection('# Benchmarks\n\nnew\n', previous),
    '# Benchmarks\n\nnew\n\n## Load\n\n`make load` figures\n',
  );
  t.equal(withLoadSection('# Benchmarks\n\nnew\n', ''), '# Benchmarks\n\nnew\n');
});
