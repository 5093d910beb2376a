// make bench: this function against what a user would otherwise deploy, in one run on
// one machine — interleaved rounds, medians, ratios. Writes BENCHMARKS.md.
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStack } from '../local/stack.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TUTORIAL_URL = 'https://www.youtube.com/@RayanSlim087';
const EVENT = JSON.stringify({ body: JSON.stringify({ url: TUTORIAL_URL }) });
const PYTHON = '/usr/bin/python3';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Implementation {
  readonly key: 'ours' | 'naive' | 'python';
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
    this.child = spawn(implementation.command, [...implementation.args], { cwd: root, stdio: ['pipe', 'ignore', 'inherit', 'pipe'] });
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

const implementations: Implementation[] = [
  { key: 'ours', label: 'qr-lambda (build/lambda/index.mjs)', command: process.execPath, args: ['bench/workers/node-worker.mjs', 'build/lambda/index.mjs', EVENT] },
  { key: 'naive', label: 'naive Node port (qrcode.toBuffer)', command: process.execPath, args: ['bench/workers/node-worker.mjs', 'bench/baselines/naive-node/index.mjs', EVENT] },
];
const pythonMissing = pythonAvailable();
if (pythonMissing) console.log(`Python baseline skipped: ${pythonMissing}`);
else implementations.push({ key: 'python', label: 'tutorial Python (qrcode + Pillow)', command: PYTHON, args: ['bench/workers/python_worker.py', 'bench/baselines/python', EVENT] });

const results: Record<string, Record<string, number>> = {};
for (const implementation of implementations) results[implementation.key] = {};

// 1. Warm calls, interleaved rounds; and the QRCode.create floor.
console.log(`warm calls: ${ROUNDS} interleaved rounds …`);
const workers = new Map(implementations.map((implementation) => [implementation.key, new Worker(implementation)]));
await Promise.all([...workers.values()].map((worker) => worker.ready));
const batch: Record<string, number> = {};
for (const [key, worker] of workers) {
  await worker.ask('warm 50');
  const { msPerCall } = await worker.ask('warm 20');
  batch[key] = Math.max(5, Math.round(60 / msPerCall!)); // about 60 ms a batch
}
const warm: Record<string, number[]> = {};
const floor: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const [key, worker] of workers) (warm[key] ??= []).push((await worker.ask(`warm ${batch[key]}`)).msPerCall!);
  floor.push((await workers.get('ours')!.ask(`create ${batch.ours}`)).msPerCall!);
}
for (const [key, values] of Object.entries(warm)) results[key]!.warmMs = median(values);
const createFloorMs = median(floor);
for (const [key, worker] of workers) results[key]!.pngBytes = (await worker.ask('size')).bytes!;
for (const worker of workers.values()) worker.stop();

// 2. Init: import + first call in a fresh process, interleaved.
console.log('init: fresh processes …');
const inits: Record<string, number[]> = {};
for (let round = 0; round < 7; round++) {
  for (const implementation of implementations) {
    const worker = new Worker(implementation);
    (inits[implementation.key] ??= []).push((await worker.ready).initMs!);
    worker.stop();
  }
}
for (const [key, values] of Object.entries(inits)) results[key]!.initMs = median(values);

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

// 4. Bundle.
const bundle = readFileSync(`${root}build/lambda/index.mjs`);
const meta = JSON.parse(readFileSync(`${root}build/meta.json`, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
const biggest = Object.entries(Object.values(meta.outputs)[0]!.inputs)
  .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
  .slice(0, 5);

// 7. Worst case: a version-40 code at H, at the largest size, in this process.
console.log('worst case …');
const { handler } = (await import(pathToFileURL(`${root}build/lambda/index.mjs`).href)) as { handler: (event: unknown) => Promise<{ statusCode: number; body: string; isBase64Encoded: boolean }> };
const write = process.stdout.write.bind(process.stdout);
const worst: Record<string, { ms: number; bytes: number; status: number }> = {};
process.stdout.write = (() => true) as typeof process.stdout.write;
try {
  for (const format of ['png', 'svg']) {
    const event = { url: 'q'.repeat(1273), ecLevel: 'H', size: 2048, format };
    let response = await handler(event);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      response = await handler(event);
      times.push(performance.now() - t0);
    }
    const body = JSON.parse(response.body) as { qr_code: string };
    worst[format] = { ms: median(times), bytes: Buffer.from(body.qr_code, 'base64').length, status: response.statusCode };
  }
} finally {
  process.stdout.write = write;
}

// 6. Through the local stack.
console.log('local stack: autocannon at concurrency 1 and 16 …');
// The stage throttling of variables.tf (20/s) would cap the very load being measured.
const stack = await startStack({ dir: root, env: { ...process.env, TF_VAR_throttling_rate_limit: '10000', TF_VAR_throttling_burst_limit: '5000' } });
const load: Record<number, { rps: number; p50: number; p99: number; errors: number }> = {};
try {
  const body = JSON.stringify({ url: TUTORIAL_URL });
  await autocannon({ url: `${stack.httpUrl}/generate`, method: 'POST', body, connections: 16, amount: 500 });
  for (const connections of [1, 16]) {
    const result = await autocannon({ url: `${stack.httpUrl}/generate`, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections, duration: 5 });
    load[connections] = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
  }
} finally {
  await stack.close();
}

// Report.
const ours = results.ours!;
const python = results.python;
const naive = results.naive!;
const f = (n: number, digits = 3): string => n.toFixed(digits);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
const rows = implementations.map(({ key, label }) => {
  const r = results[key]!;
  return `| ${label} | ${f(r.warmMs!)} | ${f(r.initMs!, 1)} | ${r.pngBytes} | ${f(r.rssMb!, 1)} |`;
});
const overhead = (ours.warmMs! - createFloorMs) / createFloorMs;
const check = (ok: boolean): string => (ok ? 'met' : 'not met');
const targets = [
  python ? `- warm call vs the Python handler: ${ratio(python.warmMs!, ours.warmMs!)} faster (target ≥ 15×: ${check(python.warmMs! / ours.warmMs! >= 15)})` : '- warm call vs the Python handler: not measured (Python baseline unavailable)',
  `- warm call vs the naive Node port: ${ratio(naive.warmMs!, ours.warmMs!)} faster (target ≥ 30×: ${check(naive.warmMs! / ours.warmMs! >= 30)})`,
  `- beyond QRCode.create: ${f(ours.warmMs! - createFloorMs)} ms = ${overhead.toFixed(2)}× of create's ${f(createFloorMs)} ms floor (target ≤ 0.5×: ${check(overhead <= 0.5)})`,
  python ? `- init vs the Python handler: ${(ours.initMs! / python.initMs!).toFixed(2)}× (target ≤ 0.25×: ${check(ours.initMs! / python.initMs! <= 0.25)})` : '- init vs the Python handler: not measured',
  python ? `- PNG bytes: ${ours.pngBytes} vs the Python handler's ${python.pngBytes} (target ≤: ${check(ours.pngBytes! <= python.pngBytes!)})` : `- PNG bytes: ${ours.pngBytes}`,
  `- bundle: ${bundle.length} bytes minified (target ≤ 40960: ${check(bundle.length <= 40960)})`,
];
const pythonVersion = pythonMissing ? 'not available' : spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).stdout.trim();
const report = `# Benchmarks

Written by \`make bench\` on ${new Date().toISOString()}. Timings come from one run on one machine, in interleaved
rounds (medians of ${ROUNDS}); compare the ratios, not the absolute numbers, across machines.

- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB
- Node.js ${process.version}; ${pythonVersion}
- Input: the documented payload \`{"body": "{\\"url\\": \\"${TUTORIAL_URL}\\"}"}\`, error correction L, 10 px per module, 4-module border

## Per implementation

| implementation | warm call (ms) | init: import + first call (ms) | PNG (bytes) | peak RSS after 10k calls (MB) |
|---|---|---|---|---|
${rows.join('\n')}

\`QRCode.create\` alone (the floor for any renderer): ${f(createFloorMs)} ms.

## Against the targets

${targets.join('\n')}

## Bundle

\`build/lambda/index.mjs\`: ${bundle.length} bytes minified, ${gzipSync(bundle, { level: 9 }).length} gzip. Largest inputs:

| input | bytes in the bundle |
|---|---|
${biggest.map(([file, { bytesInOutput }]) => `| ${file} | ${bytesInOutput} |`).join('\n')}

## Worst case accepted: version 40 at H, size 2048

| format | time (ms) | bytes |
|---|---|---|
${Object.entries(worst).map(([format, { ms, bytes }]) => `| ${format} | ${f(ms, 2)} | ${bytes} |`).join('\n')}

## Through the local stack (POST /generate, autocannon, 5 s each)

| concurrency | requests/s | p50 (ms) | p99 (ms) | errors |
|---|---|---|---|---|
${Object.entries(load).map(([c, r]) => `| ${c} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`).join('\n')}

In-process the same call takes ${f(ours.warmMs!)} ms; the difference is the stack's HTTP hops, event building
and the Runtime API round trip, and autocannon shares the machine's cores with the stack.

## What was tried

Profiled with \`node --cpu-prof\` before each change.

- Mask selection: qrcode's \`getBestMask\` scores all eight masks through \`BitMatrix.get\` calls, about two thirds
  of \`create\`. The symbol is now built with mask 0 and the mask chosen by the same penalty rules on plain byte
  arrays (\`lambda/render/mask.ts\`), which cut the matrix step to about a third of \`create\`'s time with
  identical output (a property test compares every module with \`create\`'s own). That is why the warm call can
  come out below the \`create\` floor above.
- PNG rows: every pixel row of a module row is identical. Writing only the first and "Up"-filtering the rest to zero
  bytes made deflate at level 9 spend over 1 ms on the tutorial URL (long hash chains over runs of zeros);
  unfiltered copied rows at level 6 compress to the same ~440 bytes of IDAT several times faster. Levels 1–5 were
  faster still but missed the 520-byte PNG budget (up to 730 bytes). Deflate is now the largest single cost of a
  warm call (about a quarter).
- Init: about 40% is Node loading \`node:zlib\` (~8 ms here) and compiling the module; loading \`node:crypto\`
  lazily would save about 1 ms once zlib is loaded, so it is not done.
- Only \`qrcode\`'s core encoder is bundled (not its entry point, which brings pngjs, yargs and the browser
  renderers).
`;
// `make load` keeps its own section; carry it over.
const previous = existsSync(`${root}BENCHMARKS.md`) ? readFileSync(`${root}BENCHMARKS.md`, 'utf8') : '';
const loadSection = /\n## Load\n[\s\S]*$/.exec(previous)?.[0] ?? '';
writeFileSync(`${root}BENCHMARKS.md`, `${report.trimEnd()}\n${loadSection}`);
console.log(`\n${report}`);
