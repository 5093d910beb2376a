// make bench: this function against what a user would otherwise deploy, in one run on
// one machine — interleaved rounds, medians, ratios. Writes BENCHMARKS.md.
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { FunctionDefinition } from '../local/runtime/function.js';
import { startStack } from '../local/stack.js';
import { loadStackConfig } from '../local/terraform/stack-config.js';
import { median } from './median.js';
import { profileSteps } from './steps.js';
import { measurePeers, peersMarkdown } from './peers.js';
import { measureStyled } from './styled.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TUTORIAL_URL = 'https://www.youtube.com/@RayanSlim087';
const EVENT = JSON.stringify({ body: JSON.stringify({ url: TUTORIAL_URL }) });
// The features beside the tutorial's call: a dialect route (QuickChart's GET /qr, its
// chunk loaded on the first call) and a payload builder (wifi, POSTed).
const DIALECT_QUERY = `text=${encodeURIComponent(TUTORIAL_URL)}&size=370&ecLevel=L`;
const DIALECT_EVENT = JSON.stringify({
  version: '2.0',
  routeKey: 'GET /qr',
  rawPath: '/qr',
  rawQueryString: DIALECT_QUERY,
  headers: {},
  requestContext: { http: { method: 'GET', path: '/qr' }, stage: '$default' },
  isBase64Encoded: false,
});
const BUILDER_EVENT = JSON.stringify({
  body: JSON.stringify({ type: 'wifi', ssid: 'qr-lambda guests', password: 'correct horse battery' }),
});
const PYTHON = '/usr/bin/python3';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** The interquartile range as a share of the median: how much the rounds disagree. */
const quartileSpread = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return (at(0.75) - at(0.25)) / median(values);
};

interface Implementation {
  readonly key: 'ours' | 'naive' | 'python' | 'dialect' | 'builder';
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** A worker process speaking the line protocol of bench/workers/* over fd 3. */
class Worker {
  private readonly lines: Interface;
  private readonly pending: ((value: Record<string, number>) => void)[] = [];
  readonly ready: Promise<Record<string, number>>;
  private readonly child: ChildProcess;

  constructor(implementation: Implementation) {
    this.child = spawn(implementation.command, [...implementation.args], {
      cwd: root,
      stdio: ['pipe', 'ignore', 'inherit', 'pipe'],
    });
    this.lines = createInterface({ input: this.child.stdio[3] as NodeJS.ReadableStream });
    this.lines.on('line', (line) => this.pending.shift()?.(JSON.parse(line) as Record<string, number>));
    this.ready = new Promise((resolve) => this.pending.push(resolve));
  }

  ask(command: string): Promise<Record<string, number>> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.child.stdin!.write(`${command}\n`);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

function pythonAvailable(): string | undefined {
  const probe = () => spawnSync(PYTHON, ['-c', 'import qrcode, PIL'], { encoding: 'utf8' }).status === 0;
  if (probe()) return undefined;
  if (spawnSync('which', ['apt-get']).status === 0 && process.getuid?.() === 0) {
    console.log('installing python3-qrcode and python3-pil (Debian) for the Python baseline …');
    spawnSync('apt-get', ['install', '-y', '-qq', 'python3-qrcode', 'python3-pil'], { stdio: 'ignore' });
    if (probe()) return undefined;
  }
  return `${PYTHON} cannot import qrcode and PIL, and they could not be installed (needs apt-get as root: apt-get install python3-qrcode python3-pil)`;
}

/** A Node implementation: the worker running `module`'s handler on `event`. */
const nodeWorker = (key: Implementation['key'], label: string, module: string, event: string): Implementation => ({
  key,
  label,
  command: process.execPath,
  args: ['bench/workers/node-worker.mjs', module, event],
});

const implementations: Implementation[] = [
  nodeWorker('ours', 'qr-lambda (build/lambda/index.mjs)', 'build/lambda/index.mjs', EVENT),
  nodeWorker('naive', 'naive Node port (qrcode.toBuffer)', 'bench/baselines/naive-node/index.mjs', EVENT),
  nodeWorker('dialect', 'qr-lambda, GET /qr (QuickChart dialect)', 'build/lambda/index.mjs', DIALECT_EVENT),
  nodeWorker('builder', 'qr-lambda, POST type wifi (payload builder)', 'build/lambda/index.mjs', BUILDER_EVENT),
];
const pythonMissing = pythonAvailable();
if (pythonMissing) console.log(`Python baseline skipped: ${pythonMissing}`);
else
  implementations.push({
    key: 'python',
    label: 'tutorial Python (qrcode + Pillow)',
    command: PYTHON,
    args: ['bench/workers/python_worker.py', 'bench/baselines/python', EVENT],
  });

const results: Record<string, Record<string, number>> = {};
for (const implementation of implementations) results[implementation.key] = {};

// 1. Warm calls in the steady state, interleaved rounds.
//
// V8 optimises a function after enough calls and feedback, so a JIT-compiled handler gets
// faster over its first thousands of calls (ours: about 1 ms a call at first, under 0.2 ms
// once optimised), while the naive port is steady after a few calls and Python has no JIT.
// A fixed count of warm-up calls (it was 70) therefore timed ours mid-optimisation. Here
// the workers take turns warming up, WARM_UP_SLICE_MS at a time, until each has run for
// WARM_UP_MS; the rounds then measure the steady state of a busy environment. How a
// freshly started environment does over its first calls is measured separately (2.).
const WARM_UP_MS = 5000;
const WARM_UP_SLICE_MS = 250;
/** Rounds of about BATCH_MS per implementation, in a new random order each round. */
const WARM_ROUNDS = 3 * ROUNDS;
const BATCH_MS = 60;
console.log(`warm calls: ${WARM_UP_MS / 1000} s of warm-up each, then ${WARM_ROUNDS} interleaved rounds …`);
const workers = new Map(implementations.map((implementation) => [implementation.key, new Worker(implementation)]));
await Promise.all([...workers.values()].map((worker) => worker.ready));
const batch: Record<string, number> = {};
for (let warmed = 0; warmed < WARM_UP_MS; warmed += WARM_UP_SLICE_MS) {
  for (const [key, worker] of workers) {
    const { msPerCall } = await worker.ask(`warm-for ${WARM_UP_SLICE_MS}`);
    batch[key] = Math.max(5, Math.round(BATCH_MS / msPerCall!)); // from the last slice
  }
}
const shuffled = <T>(items: T[]): T[] => {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
};
const warm: Record<string, number[]> = {};
for (let round = 0; round < WARM_ROUNDS; round++) {
  for (const [key, worker] of shuffled([...workers]))
    (warm[key] ??= []).push((await worker.ask(`warm ${batch[key]}`)).msPerCall!);
}
for (const [key, values] of Object.entries(warm)) {
  results[key]!.warmMs = median(values);
  results[key]!.warmSpread = quartileSpread(values);
}
for (const [key, worker] of workers) results[key]!.pngBytes = (await worker.ask('size')).bytes!;
for (const worker of workers.values()) worker.stop();

// 2. Init (import + first call) and the first warm calls, in fresh processes, interleaved:
// what an environment that has just started does, before V8 has optimised anything.
const FIRST_WARM_CALLS = 100;
console.log(`init and the first ${FIRST_WARM_CALLS} warm calls: fresh processes …`);
const inits: Record<string, number[]> = {};
const firstWarm: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const implementation of shuffled(implementations)) {
    const worker = new Worker(implementation);
    (inits[implementation.key] ??= []).push((await worker.ready).initMs!);
    (firstWarm[implementation.key] ??= []).push((await worker.ask(`warm ${FIRST_WARM_CALLS}`)).msPerCall!);
    worker.stop();
  }
}
for (const [key, values] of Object.entries(inits)) results[key]!.initMs = median(values);
for (const [key, values] of Object.entries(firstWarm)) results[key]!.firstWarmMs = median(values);

// 5. Memory: peak RSS of a process that served 10k calls.
console.log('memory: 10k calls each …');
await Promise.all(
  implementations.map(async (implementation) => {
    const worker = new Worker(implementation);
    await worker.ready;
    results[implementation.key]!.rssMb = (await worker.ask('rss 10000')).maxRssKb! / 1024;
    worker.stop();
  }),
);

// 4. Bundle: what a cold start loads (index.mjs and the chunks it imports), as build.mjs counted it.
interface ColdStart {
  readonly bytes: number;
  readonly gzip: number;
  readonly files: readonly string[];
  readonly largest: readonly { file: string; bytes: number }[];
  readonly chunks: readonly { file: string; bytes: number }[];
}
const coldStartBundle = JSON.parse(readFileSync(`${root}build/cold-start.json`, 'utf8')) as ColdStart;

// 7. Worst cases: the costliest requests each route accepts, and what is refused before the work.
console.log('worst case …');
const { handler } = (await import(pathToFileURL(`${root}build/lambda/index.mjs`).href)) as {
  handler: (event: unknown) => Promise<{ statusCode: number; body: string; isBase64Encoded: boolean }>;
};
const write = process.stdout.write.bind(process.stdout);
const worst: { label: string; ms: number; bytes: number; status: number }[] = [];
const refused: { label: string; ms: number; status: number }[] = [];
/** One warm-up call, then fifteen timed ones: their times and the last response. */
async function fifteenCalls(event: Parameters<typeof handler>[0]) {
  let response = await handler(event);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    response = await handler(event);
    times.push(performance.now() - t0);
  }
  return { response, times };
}
/** The image's bytes, from a POST's JSON or a GET's body. */
const imageBytes = (response: { body: string; isBase64Encoded: boolean }): number =>
  response.body.startsWith('{"message"')
    ? Buffer.from((JSON.parse(response.body) as { qr_code: string }).qr_code, 'base64').length
    : Buffer.byteLength(response.body, response.isBase64Encoded ? 'base64' : 'utf8');
const httpEvent = (rawPath: string, rawQueryString: string) => ({
  version: '2.0',
  rawPath,
  rawQueryString,
  headers: {},
  requestContext: { http: { method: 'GET', path: rawPath }, stage: '$default' },
});
/** Version 40 at L, in bytes: the most data any level holds. */
const v40L = 'q'.repeat(2953);
process.stdout.write = (() => true) as typeof process.stdout.write;
try {
  for (const [label, event] of [
    ['GET /qr, version 40-L, size=3000, margin=0 (PNG)', httpEvent('/qr', `text=${v40L}&ecLevel=L&size=3000&margin=0`)],
    [
      'GET /qr, version 40-L, size=3000, margin=0 (SVG)',
      httpEvent('/qr', `text=${v40L}&ecLevel=L&size=3000&margin=0&format=svg`),
    ],
    ['POST /generate, version 40-H, size 2048 (PNG)', { url: 'q'.repeat(1273), ecLevel: 'H', size: 2048 }],
    [
      'POST /generate, version 40-H, size 2048 (SVG)',
      { url: 'q'.repeat(1273), ecLevel: 'H', size: 2048, format: 'svg' },
    ],
    ['POST /generate, version 40-L, margin 16, no size (1881 px)', { url: v40L, margin: 16 }],
    [
      'GET /v1/create-qr-code, version 40-L, 1000x1000',
      httpEvent('/v1/create-qr-code/', `data=${v40L}&size=1000x1000`),
    ],
    ['GET /chart, version 40-L, 547x547', httpEvent('/chart', `cht=qr&chs=547x547&chl=${v40L}`)],
  ] as const) {
    const { response, times } = await fifteenCalls(event);
    worst.push({ label, ms: median(times), bytes: imageBytes(response), status: response.statusCode });
  }
  worst.sort((a, b) => b.ms - a.ms);
  // What a direct invocation can carry and API Gateway never would, text that cannot fit,
  // and limits checked before anything is drawn: refused at no more than a normal request's cost.
  for (const [label, event] of [
    ['a 6 MB query string (direct invocation)', httpEvent('/generate', `url=${'a'.repeat(6 * 1024 * 1024)}`)],
    ['"1A" × 3544: past version 40-L', { url: '1A'.repeat(3544) }],
    ['GET /qr, size=3001', httpEvent('/qr', `text=${v40L}&size=3001`)],
    [
      'an otpauth key on GET (refused before it is read)',
      httpEvent('/generate', `type=otpauth&account=a&secret=${'A'.repeat(1024)}`),
    ],
    ['a normal request, for comparison', { url: 'https://example.com' }],
  ] as const) {
    const { response, times } = await fifteenCalls(event);
    refused.push({ label, ms: median(times), status: response.statusCode });
  }
} finally {
  process.stdout.write = write;
}

// 7b. A styled code, verified, beside python-qrcode's styled image.
console.log('styled: a verified styled PNG, warm and first, and python-qrcode StyledPilImage …');
const styled = await measureStyled(root, PYTHON);

// 7c. Beside the fastest JavaScript encoders, each read back by ZBar first.
console.log('peers: qr, lean-qr, qrcode-generator and node-qrcode, taking turns …');
const peerRows = await measurePeers(root, TUTORIAL_URL, ROUNDS);

// 6. Through the local stack.
console.log('local stack: autocannon at concurrency 1 and 16 …');
// The stage throttling of variables.tf (20/s) would cap the very load being measured.
const stack = await startStack({
  dir: root,
  env: { ...process.env, TF_VAR_throttling_rate_limit: '10000', TF_VAR_throttling_burst_limit: '5000' },
});
const load: Record<number, { rps: number; p50: number; p99: number; errors: number }> = {};
try {
  const body = JSON.stringify({ url: TUTORIAL_URL });
  await autocannon({ url: `${stack.httpUrl}/generate`, method: 'POST', body, connections: 16, amount: 500 });
  for (const connections of [1, 16]) {
    const result = await autocannon({
      url: `${stack.httpUrl}/generate`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      connections,
      duration: 5,
    });
    load[connections] = {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  }
} finally {
  await stack.close();
}

// 8. Cold starts as the local stack reports them: Init Duration of a first invocation,
// each function in a new environment per round. The naive port is bundled as a user would
// deploy it; the Python handler runs on the stack's python3.x runtime.
console.log('cold starts through the local stack …');
const scratch = mkdtempSync(join(tmpdir(), 'qr-bench-'));
const coldStarts: Record<string, number[]> = {};
try {
  await build({
    entryPoints: [`${root}bench/baselines/naive-node/index.mjs`],
    outfile: join(scratch, 'naive/index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const { function: main } = await loadStackConfig(root, process.env);
  const baseline = (name: string, runtime: string, handler: string, code: string): FunctionDefinition => ({
    ...main,
    name,
    runtime,
    handler,
    code,
    environment: {},
    logFormat: 'Text',
  });
  const functions: [string, FunctionDefinition][] = [
    ['ours', main],
    ['naive', baseline('bench-naive', 'nodejs24.x', 'index.handler', join(scratch, 'naive'))],
  ];
  if (!pythonMissing)
    functions.push([
      'python',
      baseline('bench-python', 'python3.11', 'handler.lambda_handler', `${root}bench/baselines/python`),
    ]);
  const coldStack = await startStack({
    dir: root,
    env: process.env,
    extraFunctions: functions.slice(1).map(([, fn]) => fn),
  });
  for (let round = 0; round < Math.min(ROUNDS, 9); round++) {
    await coldStack.reload();
    for (const [key, fn] of functions) {
      const result = await coldStack.pools.get(fn.name)!.invoke(Buffer.from(EVENT));
      // The REPORT line, in the function's log format: Text or JSON.
      const init = /Init Duration: ([\d.]+) ms|"initDurationMs":([\d.]+)/.exec(result.log);
      if (!init || result.functionError) throw new Error(`${key}: no cold start reported\n${result.log}`);
      (coldStarts[key] ??= []).push(Number(init[1] ?? init[2]));
    }
  }
  await coldStack.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const [key, values] of Object.entries(coldStarts)) results[key]!.coldStartMs = median(values);

// 9. Where a warm call's time goes, step by step (in this process, from the sources).
console.log('profile by step …');
const profile = await profileSteps(TUTORIAL_URL, ROUNDS);

// Report.
const ours = results.ours!;
const python = results.python;
const naive = results.naive!;
const f = (n: number, digits = 3): string => n.toFixed(digits);
const check = (ok: boolean): string => (ok ? 'met' : 'not met');
const rows = implementations.map(({ key, label }) => {
  const r = results[key]!;
  return `| ${label} | ${f(r.warmMs!)} (±${f((100 * r.warmSpread!) / 2, 0)} %) | ${f(r.firstWarmMs!)} | ${f(r.initMs!, 1)} | ${r.coldStartMs === undefined ? '–' : f(r.coldStartMs, 1)} | ${r.pngBytes} | ${f(r.rssMb!, 1)} |`;
});

/** This run's ratios, kept with earlier runs' in bench/history.json for the ranges below. */
const run = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  warmVsNaive: naive.warmMs! / ours.warmMs!,
  firstWarmVsNaive: naive.firstWarmMs! / ours.firstWarmMs!,
  ...(python && {
    warmVsPython: python.warmMs! / ours.warmMs!,
    firstWarmVsPython: python.firstWarmMs! / ours.firstWarmMs!,
    initVsPython: ours.initMs! / python.initMs!,
    coldStartVsPython: ours.coldStartMs! / python.coldStartMs!,
  }),
  ...(python && {
    dialectWarmVsPython: python.warmMs! / results.dialect!.warmMs!,
    builderWarmVsPython: python.warmMs! / results.builder!.warmMs!,
  }),
  pngBytes: ours.pngBytes!,
  bundleBytes: coldStartBundle.bytes,
  warmUpMs: WARM_UP_MS,
};
const historyFile = `${root}bench/history.json`;
const history = [
  ...(existsSync(historyFile) ? (JSON.parse(readFileSync(historyFile, 'utf8')) as Partial<typeof run>[]) : []),
  run,
].slice(-10);
writeFileSync(historyFile, `${JSON.stringify(history, null, 2)}\n`);
// Ranges only over runs measured the same way: earlier runs warmed up differently (or by a count of calls).
const comparable = history.filter((entry) => entry.warmUpMs === WARM_UP_MS && entry.firstWarmVsNaive !== undefined);
type RatioKey =
  | 'warmVsPython'
  | 'warmVsNaive'
  | 'firstWarmVsPython'
  | 'firstWarmVsNaive'
  | 'initVsPython'
  | 'coldStartVsPython'
  | 'dialectWarmVsPython'
  | 'builderWarmVsPython';
const range = (key: RatioKey, unit: string, digits: number): string => {
  const values = comparable.map((entry) => entry[key]).filter((value): value is number => value !== undefined);
  return values.length === 0
    ? '–'
    : `${Math.min(...values).toFixed(digits)}${unit} – ${Math.max(...values).toFixed(digits)}${unit}`;
};

const targets = [
  python
    ? `- warm call, steady state: ${f(python.warmMs! / ours.warmMs!, 1)}× faster than the Python handler (target ≥ 25×: ${check(python.warmMs! / ours.warmMs! >= 25)})`
    : '- warm call vs the Python handler: not measured (Python baseline unavailable)',
  ...(python
    ? (['dialect', 'builder'] as const).map((key) => {
        const ratio = python.warmMs! / results[key]!.warmMs!;
        return `- ${key === 'dialect' ? 'a dialect route (GET /qr, 370 px, ecLevel L)' : 'a payload builder (POST type wifi)'}, warm: ${f(ratio, 1)}× faster than the Python handler's tutorial call (target ≥ 25×: ${check(ratio >= 25)})`;
      })
    : []),
  `- warm call, steady state: ${f(naive.warmMs! / ours.warmMs!, 1)}× faster than the naive Node port (target ≥ 60×: ${check(naive.warmMs! / ours.warmMs! >= 60)})`,
  python
    ? `- the first ${FIRST_WARM_CALLS} warm calls of a fresh environment: ${f(python.firstWarmMs! / ours.firstWarmMs!, 1)}× faster than the Python handler, ${f(naive.firstWarmMs! / ours.firstWarmMs!, 1)}× than the naive Node port (no target; V8 has not optimised the code yet)`
    : `- the first ${FIRST_WARM_CALLS} warm calls of a fresh environment: ${f(naive.firstWarmMs! / ours.firstWarmMs!, 1)}× faster than the naive Node port (no target)`,
  python
    ? `- init (import + first call): ${f(ours.initMs! / python.initMs!, 2)}× the Python handler's (target ≤ 0.25×: ${check(ours.initMs! / python.initMs! <= 0.25)})`
    : '- init vs the Python handler: not measured',
  python
    ? `- init of a first call that is a dialect route or a builder, its chunk loaded then: ${f(results.dialect!.initMs! / python.initMs!, 2)}× and ${f(results.builder!.initMs! / python.initMs!, 2)}× the Python handler's`
    : '- init of the dialect and builder calls: not measured',
  python
    ? `- cold start through the local stack (Init Duration): ${f(ours.coldStartMs! / python.coldStartMs!, 2)}× the Python handler's`
    : '- cold start vs the Python handler: not measured',
  python
    ? `- PNG: ${ours.pngBytes} bytes vs the Python handler's ${python.pngBytes} (target ≤: ${check(ours.pngBytes! <= python.pngBytes!)})`
    : `- PNG: ${ours.pngBytes} bytes`,
  `- bundle, what a cold start loads: ${coldStartBundle.bytes} bytes minified (target ≤ 40960: ${check(coldStartBundle.bytes <= 40960)}); the page, the builders and the dialects, loaded on first use: ${coldStartBundle.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0)} bytes more`,
  '- responses: byte-identical to the recorded ones (`test/lambda/responses.test.ts`, part of `make test`)',
];
const stepTotal = profile.steps.reduce((sum, step) => sum + step.microseconds, 0);
const pythonVersion = pythonMissing
  ? 'not available'
  : spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).stdout.trim();
const report = `# Benchmarks

Written by \`make bench\` on ${run.date}. Timings come from one run on one machine, with the
implementations taking turns; compare the ratios, not the absolute numbers, across machines.

- Warm call, steady state: the median of ${WARM_ROUNDS} rounds of about ${BATCH_MS} ms each, in a new random
  order every round, after each implementation has run for ${WARM_UP_MS / 1000} s (in turns of ${WARM_UP_SLICE_MS} ms):
  what a busy environment does. ± is half the interquartile range of the rounds.
- The first ${FIRST_WARM_CALLS} warm calls: calls 2 to ${FIRST_WARM_CALLS + 1} of a fresh process, the median over ${ROUNDS}
  processes: what an environment that has just started does, before V8 has optimised the code.

- Machine: ${run.machine}, ${Math.round(totalmem() / 2 ** 30)} GiB
- Node.js ${process.version}; ${pythonVersion}
- Input: the documented payload \`{"body": "{\\"url\\": \\"${TUTORIAL_URL}\\"}"}\`, error correction L, 10 px per module, 4-module border

## Per implementation

| implementation | warm call, steady state (ms) | first ${FIRST_WARM_CALLS} warm calls (ms a call) | init: import + first call (ms) | cold start, local stack Init Duration (ms) | PNG (bytes) | peak RSS after 10k calls (MB) |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Init is measured inside a fresh process from its first line to the end of the first call; the cold start
is what the local stack's REPORT line says, as Lambda's would: from starting the runtime (aws-lambda-ric,
or the stack's Python bootstrap) to its first request for work.

## Against the targets

${targets.join('\n')}

## Ranges over runs

The last ${comparable.length} runs of \`make bench\` measured this way (\`bench/history.json\`; earlier runs there
warmed up differently):

| ratio | range |
|---|---|
| warm call (steady state), × faster than Python | ${range('warmVsPython', '×', 1)} |
| warm call (steady state), × faster than the naive Node port | ${range('warmVsNaive', '×', 1)} |
| first ${FIRST_WARM_CALLS} warm calls, × faster than Python | ${range('firstWarmVsPython', '×', 1)} |
| first ${FIRST_WARM_CALLS} warm calls, × faster than the naive Node port | ${range('firstWarmVsNaive', '×', 1)} |
| init, × of Python's | ${range('initVsPython', '×', 2)} |
| cold start (local stack), × of Python's | ${range('coldStartVsPython', '×', 2)} |
| a dialect route (GET /qr), warm, × faster than Python's tutorial call | ${range('dialectWarmVsPython', '×', 1)} |
| a payload builder (type wifi), warm, × faster than Python's tutorial call | ${range('builderWarmVsPython', '×', 1)} |

## Where a warm call goes

Each step timed on its own over the same input (medians, µs), from the sources, in the same rounds as the whole
handler call (${f(profile.wholeCall, 1)} µs); parts that nest in the code are shown by difference, so the rows add up to
the whole call.

| step | µs | share |
|---|---|---|
${profile.steps.map(({ step, microseconds }) => `| ${step} | ${f(microseconds, 1)} | ${f((microseconds / stepTotal) * 100, 0)} % |`).join('\n')}

## Bundle

What a cold start loads (${coldStartBundle.files.map((file) => `\`${file}\``).join(', ')}): ${coldStartBundle.bytes} bytes minified,
${coldStartBundle.gzip} gzip. Largest inputs:

| input | bytes in the bundle |
|---|---|
${coldStartBundle.largest.map(({ file, bytes }) => `| ${file} | ${bytes} |`).join('\n')}

Loaded on the first request that needs them (the page, the dialect routes, the payload builders):

| chunk | bytes |
|---|---|
${coldStartBundle.chunks.map(({ file, bytes }) => `| ${file} | ${bytes} |`).join('\n')}

## Worst cases accepted, costliest first

| request | status | time (ms) | bytes |
|---|---|---|---|
${worst.map(({ label, status, ms, bytes }) => `| ${label} | ${status} | ${f(ms, 2)} | ${bytes} |`).join('\n')}

## A styled code, verified

A 300 px PNG with rounded modules and a logo, drawn by resvg and read by two decoders before it leaves (level
${styled.ecLevel}, ${styled.bytes} bytes), beside python-qrcode's \`StyledPilImage\` with the same logo embedded (level
H, about 300 px), which draws but never reads what it drew. Medians of 30 warm calls, and of 7 fresh processes.

| | time (ms) | target |
|---|---|---|
| qr-lambda, warm (draw, sample every module, two decoders at two sizes, PNG) | ${f(styled.warmMs, 2)} | ≤ 25: ${styled.warmMs <= 25 ? 'met' : 'not met'} |
| qr-lambda, the first styled request of a fresh process (its chunk, resvg and ZXing's WebAssembly loaded) | ${f(styled.firstMs, 1)} | ≤ 250: ${styled.firstMs <= 250 ? 'met' : 'not met'} |
| python-qrcode StyledPilImage, warm, not verified | ${typeof styled.python === 'number' ? f(styled.python, 2) : styled.python} | – |
${typeof styled.python === 'number' ? `\nThe verified styled code takes ${f(styled.warmMs / styled.python, 2)}× python-qrcode's unverified one.\n` : ''}
${peersMarkdown(peerRows, ROUNDS)}
## Refused before work

| request | status | time (ms) |
|---|---|---|
${refused.map(({ label, ms, status }) => `| ${label} | ${status} | ${f(ms, 2)} |`).join('\n')}

## Through the local stack (POST /generate, autocannon, 5 s each)

| concurrency | requests/s | p50 (ms) | p99 (ms) | errors |
|---|---|---|---|---|
${Object.entries(load)
  .map(([c, r]) => `| ${c} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`)
  .join('\n')}

In-process the same call takes ${f(ours.warmMs!)} ms; the difference is the stack's HTTP hops, event building
and the Runtime API round trip, and autocannon shares the machine's cores with the stack.

## What was tried

Profiled with \`node --cpu-prof\` before each change.

- The QR core (\`lambda/qr/\`) replaces qrcode's \`create\`, which was most of a warm call: its eight mask
  scores read module by module, its segment optimiser ran dijkstrajs (which sorts its queue on every push),
  and it rebuilt the Reed–Solomon generator polynomial per symbol. Now each step of ISO/IEC 18004 has a file;
  generator polynomials and per-version templates (function patterns, placement order, the eight mask
  patterns) are built once; the penalties are computed on 32-bit row and column words with popcounts; the
  segment split is qrcode's own, edge weights and first-in-first-out ties included, on a binary heap. qrcode
  stays for its codeword tables and as the oracle: 10,000 seeded texts compare module for module in
  \`make test\`. The symbol step went from about 160 µs to about 30 µs, and the bundle lost 9.6 KB.
- Deflate is now the largest step, and it stays: the bytes must not change, so neither may zlib's level (6),
  window or memory settings. Level 5 with a 13-bit window and memLevel 4 was about 30 % faster but made
  513 bytes instead of 496; Z_RLE made 4 KB PNGs; level 9 was several times slower and no smaller; a
  JavaScript deflate was slower than zlib. Reusing one zlib handle is only possible through Node internals
  (\`deflateSync\` closes its handle), so each call pays about 7 µs to set one up.
- The log line: one JSON line per request, written to stdout, is a system call; a copy of the bundle without it
  was 6–16 % faster warm. It stays: it is the only record a direct invocation leaves, and Lambda's log
  pipe costs the same write.
- PNG rows: every pixel row of a module row is the same, so it is drawn once and copied with
  \`copyWithin\`, unfiltered (filtered zero rows made deflate slower and no smaller), and the file is written
  into one buffer. The rows are drawn into a buffer kept between calls (up to 64 KiB) and zlib writes into a
  1 KiB chunk rather than its default 16 KiB. Together these were about 2 % of a warm call in a paired A/B
  (three processes of 61 rounds, in shuffled order), less than the rounds' own spread; they stay because
  they only take work away.
- How the warm call is measured: it used to be timed after a fixed 70 calls, which caught this bundle while
  V8 was still optimising it. It runs at about 1 ms a call at first and keeps getting faster for thousands
  of calls, while the naive port is steady after a few calls and Python has no JIT. On the same code the
  naive ratio read 51–60× that way and 67–85× in the steady state: the change of method, not of
  code, is most of the difference between the runs in \`bench/history.json\` before and after it. The first
  ${FIRST_WARM_CALLS} warm calls of a fresh process are reported beside it, since a function that is seldom called
  spends its life there.
- Init: \`node:crypto\` took about 4 ms of a cold start and \`POST /generate\` never hashes, so it is loaded on
  first use (ETags, the page); a test checks a POST does not load it. \`node:zlib\` is needed by the first
  call anyway. Each 10 KB of bundle costs about 1.5 ms to compile.
- No V8 code cache. Built at \`make build\` time it would be made by a different Node than Lambda's, and V8
  rejects a cache from another version; written to \`/tmp\` on a cold start it would only ever be read by the
  same execution environment, which has already compiled the code — a new environment starts with an empty
  \`/tmp\`. \`module.enableCompileCache\` (Node 22 and 24) writes its cache to a directory as well, so it meets the
  same empty \`/tmp\`; startup snapshots break with runtime updates.
`;
// `make load` keeps its own section; carry it over.
const previous = existsSync(`${root}BENCHMARKS.md`) ? readFileSync(`${root}BENCHMARKS.md`, 'utf8') : '';
const loadSection = /\n## Load\n[\s\S]*$/.exec(previous)?.[0] ?? '';
writeFileSync(`${root}BENCHMARKS.md`, `${report.trimEnd()}\n${loadSection}`);
console.log(`\n${report}`);
