// BENCHMARKS.md from the typed results of one `make bench` run: the numbers and short
// captions. How they are measured and what was tried is docs/benchmarks.md.
import { MARGIN, MEMORY_CALLS, SCALE, type Settings } from './config.js';
import type { RatioKey, Ranges } from './history.js';
import { type Lineup, lineupValues } from './lineup.js';
import type { BundleResult } from './measure/bundle.js';
import type { FreshResult } from './measure/fresh.js';
import type { MemoryResult } from './measure/memory.js';
import type { PeerResult, PeersResult } from './measure/peers.js';
import type { PythonBaseline } from './measure/python.js';
import type { StackLoad } from './measure/stack.js';
import type { StepProfile } from './measure/steps.js';
import type { StyledBench } from './measure/styled.js';
import type { WarmResult } from './measure/warm.js';
import type { WorstResult } from './measure/worst.js';

export interface ImplementationResult extends WarmResult, FreshResult, MemoryResult {
  readonly label: string;
  /** Median Init Duration through the local stack; only the tutorial's call of each is cold-started. */
  readonly coldStartMs?: number;
}

export interface BenchResults {
  readonly date: string;
  readonly machine: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly python: PythonBaseline;
  readonly settings: Settings;
  readonly tutorialUrl: string;
  readonly implementations: Lineup<ImplementationResult>;
  readonly ranges: Ranges;
  readonly steps: StepProfile;
  readonly bundle: BundleResult;
  readonly worst: WorstResult;
  readonly styled: StyledBench;
  readonly peers: PeersResult;
  readonly stack: readonly StackLoad[];
}

/** The bundle a cold start may load, in bytes. */
const BUNDLE_BUDGET = 40960;

const f = (n: number, digits = 3): string => n.toFixed(digits);
const met = (ok: boolean): string => (ok ? 'met' : 'not met');
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

function header(r: BenchResults): string {
  const s = r.settings;
  return `# Benchmarks

Written by \`make bench\` on ${r.date}${s.quick ? ' (BENCH_QUICK: short rounds, a check that it runs, not figures)' : ''}. Timings come from one run on one machine, with the
implementations taking turns; compare the ratios, not the absolute numbers, across machines. How each figure is
measured, and what was tried: [docs/benchmarks.md](docs/benchmarks.md).

- Warm call, steady state: the median of ${s.warmRounds} rounds of about ${s.batchMs} ms each, in a new random
  order every round, after each implementation has run for ${s.warmUpMs / 1000} s (in turns of ${s.warmUpSliceMs} ms):
  what a busy environment does. ± is half the interquartile range of the rounds.
- The first ${s.firstWarmCalls} warm calls: calls 2 to ${s.firstWarmCalls + 1} of a fresh process, the median over ${s.rounds}
  processes: what an environment that has just started does, before V8 has optimised the code.

- Machine: ${r.machine}, ${r.memoryGiB} GiB
- Node.js ${r.node}; ${r.python.available ? r.python.version : 'Python not available'}
- Input: the documented payload \`{"body": "{\\"url\\": \\"${r.tutorialUrl}\\"}"}\`, error correction L, ${SCALE} px per module, ${MARGIN}-module border`;
}

function perImplementation(r: BenchResults): string {
  const rows = lineupValues(r.implementations).map((i) => [
    i.label,
    `${f(i.warmMs)} (±${f((100 * i.warmSpread) / 2, 0)} %)`,
    f(i.firstWarmMs),
    f(i.initMs, 1),
    i.coldStartMs === undefined ? '–' : f(i.coldStartMs, 1),
    i.pngBytes,
    f(i.rssMb, 1),
  ]);
  return `## Per implementation

${table(
  [
    'implementation',
    'warm call, steady state (ms)',
    `first ${r.settings.firstWarmCalls} warm calls (ms a call)`,
    'init: import + first call (ms)',
    'cold start, local stack Init Duration (ms)',
    'PNG (bytes)',
    `peak RSS after ${MEMORY_CALLS / 1000}k calls (MB)`,
  ],
  rows,
)}

Init: inside a fresh process, from its first line to the end of the first call. Cold start: the local stack's
REPORT line, as Lambda's would say it.`;
}

function targets(r: BenchResults): string {
  const { ours, naive, dialect, builder, python } = r.implementations;
  const calls = r.settings.firstWarmCalls;
  const chunks = r.bundle.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const lines = python
    ? [
        `- warm call, steady state: ${f(python.warmMs / ours.warmMs, 1)}× faster than the Python handler (target ≥ 25×: ${met(python.warmMs / ours.warmMs >= 25)})`,
        `- a dialect route (GET /qr, 370 px, ecLevel L), warm: ${f(python.warmMs / dialect.warmMs, 1)}× faster than the Python handler's tutorial call (target ≥ 25×: ${met(python.warmMs / dialect.warmMs >= 25)})`,
        `- a payload builder (POST type wifi), warm: ${f(python.warmMs / builder.warmMs, 1)}× faster than the Python handler's tutorial call (target ≥ 25×: ${met(python.warmMs / builder.warmMs >= 25)})`,
        `- warm call, steady state: ${f(naive.warmMs / ours.warmMs, 1)}× faster than the naive Node port (target ≥ 60×: ${met(naive.warmMs / ours.warmMs >= 60)})`,
        `- the first ${calls} warm calls of a fresh environment: ${f(python.firstWarmMs / ours.firstWarmMs, 1)}× faster than the Python handler, ${f(naive.firstWarmMs / ours.firstWarmMs, 1)}× than the naive Node port (no target; V8 has not optimised the code yet)`,
        `- init (import + first call): ${f(ours.initMs / python.initMs, 2)}× the Python handler's (target ≤ 0.25×: ${met(ours.initMs / python.initMs <= 0.25)})`,
        `- init of a first call that is a dialect route or a builder, its chunk loaded then: ${f(dialect.initMs / python.initMs, 2)}× and ${f(builder.initMs / python.initMs, 2)}× the Python handler's`,
        ours.coldStartMs !== undefined && python.coldStartMs !== undefined
          ? `- cold start through the local stack (Init Duration): ${f(ours.coldStartMs / python.coldStartMs, 2)}× the Python handler's`
          : '- cold start vs the Python handler: not measured',
        `- PNG: ${ours.pngBytes} bytes vs the Python handler's ${python.pngBytes} (target ≤: ${met(ours.pngBytes <= python.pngBytes)})`,
      ]
    : [
        `- against the Python handler: not measured (${r.python.available ? '' : r.python.reason})`,
        `- warm call, steady state: ${f(naive.warmMs / ours.warmMs, 1)}× faster than the naive Node port (target ≥ 60×: ${met(naive.warmMs / ours.warmMs >= 60)})`,
        `- the first ${calls} warm calls of a fresh environment: ${f(naive.firstWarmMs / ours.firstWarmMs, 1)}× faster than the naive Node port (no target)`,
        `- PNG: ${ours.pngBytes} bytes`,
      ];
  return `## Against the targets

${[
  ...lines,
  `- bundle, what a cold start loads: ${r.bundle.bytes} bytes minified (target ≤ ${BUNDLE_BUDGET}: ${met(r.bundle.bytes <= BUNDLE_BUDGET)}); the page, the builders and the dialects, loaded on first use: ${chunks} bytes more`,
  '- responses: byte-identical to the recorded ones (`test/lambda/responses.test.ts`, part of `make test`)',
].join('\n')}`;
}

function rangesSection(r: BenchResults): string {
  const calls = r.settings.firstWarmCalls;
  const range = (key: RatioKey, digits: number): string => {
    const found = r.ranges.ratios[key];
    return found ? `${f(found.min, digits)}× – ${f(found.max, digits)}×` : '–';
  };
  return `## Ranges over runs

The last ${r.ranges.runs} runs of \`make bench\` measured this way (\`bench/history.json\`; earlier runs there
warmed up differently):

${table(
  ['ratio', 'range'],
  [
    ['warm call (steady state), × faster than Python', range('warmVsPython', 1)],
    ['warm call (steady state), × faster than the naive Node port', range('warmVsNaive', 1)],
    [`first ${calls} warm calls, × faster than Python`, range('firstWarmVsPython', 1)],
    [`first ${calls} warm calls, × faster than the naive Node port`, range('firstWarmVsNaive', 1)],
    ["init, × of Python's", range('initVsPython', 2)],
    ["cold start (local stack), × of Python's", range('coldStartVsPython', 2)],
    ["a dialect route (GET /qr), warm, × faster than Python's tutorial call", range('dialectWarmVsPython', 1)],
    ["a payload builder (type wifi), warm, × faster than Python's tutorial call", range('builderWarmVsPython', 1)],
  ],
)}`;
}

function stepsSection({ steps }: BenchResults): string {
  const total = steps.steps.reduce((sum, step) => sum + step.microseconds, 0);
  return `## Where a warm call goes

Each step timed on its own over the same input (medians, µs), from the sources, in the same rounds as the whole
handler call (${f(steps.wholeCall, 1)} µs); parts that nest in the code are shown by difference, so the rows add up to
the whole call.

${table(
  ['step', 'µs', 'share'],
  steps.steps.map(({ step, microseconds }) => [step, f(microseconds, 1), `${f((microseconds / total) * 100, 0)} %`]),
)}
${deflateSettingsTable(steps)}`;
}

/**
 * Deflate is most of a warm call, and it is where the handler's gap to \`qr\` lies: every
 * setting faster than the function's makes a larger file, which "PNG bytes no more" rules out.
 */
function deflateSettingsTable({ deflateSettings }: BenchResults['steps']): string {
  const [ours] = deflateSettings;
  if (!ours) return '';
  const smaller = deflateSettings.filter((s) => s !== ours && s.bytes < ours.bytes);
  const faster = deflateSettings.filter((s) => s !== ours && s.microseconds < ours.microseconds);
  return `
The same pixel rows deflated with zlib's other settings, in the same rounds (medians; × against the function's own):
${
  faster.every((s) => s.bytes > ours.bytes)
    ? 'each that is faster makes a larger file, and the PNG is to be no larger than it is.'
    : 'a faster setting makes no larger a file here: the function should take it.'
}${smaller.length > 0 ? ` Smaller: ${smaller.map((s) => s.setting).join(', ')}, at ${smaller.map((s) => `${f(s.microseconds / ours.microseconds, 1)}×`).join(', ')} the time.` : ''}

${table(
  ['deflate', 'µs', '× time', 'bytes', '× bytes'],
  deflateSettings.map(({ setting, microseconds, bytes }) => [
    setting,
    f(microseconds, 1),
    f(microseconds / ours.microseconds, 2),
    bytes,
    f(bytes / ours.bytes, 2),
  ]),
)}`;
}

function bundleSection({ bundle }: BenchResults): string {
  return `## Bundle

What a cold start loads (${bundle.files.map((file) => `\`${file}\``).join(', ')}): ${bundle.bytes} bytes minified,
${bundle.gzip} gzip. Largest inputs:

${table(
  ['input', 'bytes in the bundle'],
  bundle.largest.map(({ file, bytes }) => [file, bytes]),
)}

Loaded on the first request that needs them (the page, the dialect routes, the payload builders):

${table(
  ['chunk', 'bytes'],
  bundle.chunks.map(({ file, bytes }) => [file, bytes]),
)}`;
}

function worstSection({ worst }: BenchResults): string {
  return `## Worst cases accepted, costliest first

${table(
  ['request', 'status', 'time (ms)', 'bytes'],
  worst.accepted.map(({ label, status, ms, bytes }) => [label, status, f(ms, 2), bytes]),
)}`;
}

function styledSection({ styled }: BenchResults): string {
  const python = typeof styled.python === 'number' ? styled.python : undefined;
  return `## A styled code, verified

A 300 px PNG with rounded modules and a logo, drawn by resvg and read by two decoders before it leaves (level
${styled.ecLevel}, ${styled.bytes} bytes), beside python-qrcode's \`StyledPilImage\` with the same logo embedded (level
H, about 300 px), which draws but never reads what it drew. Medians of 30 warm calls, and of 7 fresh processes.

${table(
  ['', 'time (ms)', 'target'],
  [
    [
      'qr-lambda, warm (draw, sample every module, two decoders at two sizes, PNG)',
      f(styled.warmMs, 2),
      `≤ 25: ${met(styled.warmMs <= 25)}`,
    ],
    [
      "qr-lambda, the first styled request of a fresh process (its chunk, resvg and ZXing's WebAssembly loaded)",
      f(styled.firstMs, 1),
      `≤ 250: ${met(styled.firstMs <= 250)}`,
    ],
    ['python-qrcode StyledPilImage, warm, not verified', python === undefined ? styled.python : f(python, 2), '–'],
  ],
)}${python === undefined ? '' : `\n\nThe verified styled code takes ${f(styled.warmMs / python, 2)}× python-qrcode's unverified one.`}`;
}

/** The peer rows' targets: the whole handler call against `qr` with this project's PNG writer. */
function peerTargets(rows: readonly PeerResult[]): string {
  const handler = rows.find((row) => row.key === 'handler');
  const qr = rows.find((row) => row.key === 'qr');
  const image = rows.find((row) => row.key === 'image-path');
  if (!handler || !qr) return '';
  const documented = qr.documentedUs / handler.documentedUs;
  const large = qr.largeMs / handler.largeMs;
  const init = handler.initMs / qr.initMs;
  // Where a target is not met, the same comparison for the image path alone says whether the
  // gap is in encoding the code or in the handler around it (event, options, JSON, base64).
  const imagePath = (ratio: number): string => (image ? `; the image path alone: ${f(ratio, 2)}×` : '');
  return `

The whole handler call against \`qr\` with this project's PNG writer, from the same rounds (reported, not asserted;
as fast is \`qr\`'s time over the handler's):

- the documented request: ${f(documented, 2)}× as fast (target ≥ 1.3×: ${met(documented >= 1.3)}${imagePath(qr.documentedUs / (image?.documentedUs ?? 1))}; deflate's share of it is under "Where a warm call goes")
- the 1,000-byte text at M: ${f(large, 2)}× as fast (target ≥ 1.1×: ${met(large >= 1.1)}${imagePath(qr.largeMs / (image?.largeMs ?? 1))})
- init, first code in a fresh process: ${f(init, 2)}× its time (target no slower, ≤ 1×: ${met(init <= 1)}${imagePath((image?.initMs ?? 1) / qr.initMs)}, without the handler's own modules)
- PNG: ${handler.bytes} bytes vs ${qr.bytes} (target no more: ${met(handler.bytes <= qr.bytes)})`;
}

function peersSection({ peers }: BenchResults): string {
  const [base] = peers.rows;
  if (!base) return '';
  const times = (value: number | undefined, of: number | undefined, digits: number): [string, string] =>
    value === undefined ? ['–', '–'] : [f(value, digits), of === undefined ? '–' : f(value / of, 2)];
  const fixed = peers.rows.filter((row) => row.fixedLevel !== undefined);
  return `## Beside the fastest encoders

The documented request (level L, ${SCALE} px a module, a ${MARGIN}-module border) as each library's own call makes an
image, its SVG where it has one, a 1,000-byte text at level M the same way, the matrix alone for both texts, and init: a fresh
process importing the library (bundled by esbuild, as a function would deploy it) and making its first code, or for
libqrencode its program from \`main\` to the first PNG. The JavaScript peers take turns in one process, libqrencode in
its C harness timing itself, in a new random order each of ${peers.rounds} rounds; medians. Every image is read back by
ZBar first (an SVG once drawn by rsvg-convert). Lower is faster; × is against this project's image path.${
    fixed.length > 0
      ? ` ${fixed.map((row) => row.label.split(' ')[0]).join(', ')} cannot be told a level: ${fixed.map((row) => `level ${row.fixedLevel}`).join(', ')} throughout, a larger symbol than the others' L and M.`
      : ''
  }

${table(
  [
    'implementation',
    'documented call (µs)',
    '×',
    'SVG (µs)',
    '×',
    '1,000 B at M (ms)',
    '×',
    'matrix alone (µs)',
    '×',
    'matrix, 1,000 B at M (µs)',
    '×',
    'init to first code (ms)',
    '×',
    'image (bytes)',
  ],
  peers.rows.map((row) => [
    row.label,
    ...times(row.documentedUs, base.documentedUs, 1),
    ...times(row.svgUs, base.svgUs, 1),
    ...times(row.largeMs, base.largeMs, 2),
    ...times(row.matrixUs, base.matrixUs, 1),
    ...times(row.largeMatrixUs, base.largeMatrixUs, 0),
    ...times(row.initMs, base.initMs, 1),
    row.bytes,
  ]),
)}${peerTargets(peers.rows)}`;
}

function refusedSection({ worst }: BenchResults): string {
  return `## Refused before work

${table(
  ['request', 'status', 'time (ms)'],
  worst.refused.map(({ label, status, ms }) => [label, status, f(ms, 2)]),
)}`;
}

function stackSection(r: BenchResults): string {
  return `## Through the local stack (POST /generate, autocannon, ${r.settings.stackSeconds} s each)

${table(
  ['concurrency', 'requests/s', 'p50 (ms)', 'p99 (ms)', 'errors'],
  r.stack.map((row) => [row.connections, f(row.rps, 0), row.p50, row.p99, row.errors]),
)}

In-process the same call takes ${f(r.implementations.ours.warmMs)} ms; the difference is the stack's HTTP hops, event building
and the Runtime API round trip, and autocannon shares the machine's cores with the stack.`;
}

/** BENCHMARKS.md, but its "Load" section, which `make load` writes. */
export function renderReport(results: BenchResults): string {
  return `${[
    header,
    perImplementation,
    targets,
    rangesSection,
    stepsSection,
    bundleSection,
    worstSection,
    styledSection,
    peersSection,
    refusedSection,
    stackSection,
  ]
    .map((section) => section(results))
    .filter((text) => text !== '')
    .join('\n\n')}\n`;
}

/** The report with the "Load" section of the previous BENCHMARKS.md carried over: `make load` keeps it. */
export function withLoadSection(report: string, previous: string): string {
  const load = /\n## Load\n[\s\S]*$/.exec(previous)?.[0] ?? '';
  return `${report.trimEnd()}\n${load}`;
}
