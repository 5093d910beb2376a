// make bench: this function against what a user would otherwise deploy, in one run on one
// machine — the implementations taking turns, medians, ratios — and the fastest encoders
// beside it. Each measurement is a module under bench/measure/; bench/report.ts writes
// BENCHMARKS.md from their results. docs/benchmarks.md says how each is measured.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { EVENT, PYTHON, root, settings as readSettings, TUTORIAL_URL } from './config.js';
import { type HistoryEntry, ranges, readHistory, withRun, writeHistory } from './history.js';
import { implementations, mapLineup, zipLineups } from './lineup.js';
import { readBundle } from './measure/bundle.js';
import { measureColdStarts } from './measure/cold-start.js';
import { measureFresh } from './measure/fresh.js';
import { measureMemory } from './measure/memory.js';
import { measurePeers } from './measure/peers.js';
import { pythonBaseline } from './measure/python.js';
import { measureStack } from './measure/stack.js';
import { profileSteps } from './measure/steps.js';
import { measureStyled } from './measure/styled.js';
import { measureWarm } from './measure/warm.js';
import { measureWorst } from './measure/worst.js';
import { type BenchResults, renderReport, withLoadSection } from './report.js';

const settings = readSettings(process.env);
const python = pythonBaseline();
if (!python.available) console.log(`Python baseline skipped: ${python.reason}`);
const lineup = implementations(python.available);
const step = (what: string) => console.log(`${what} …`);

step(`warm calls: ${settings.warmUpMs / 1000} s of warm-up each, then ${settings.warmRounds} rounds taking turns`);
const warm = await measureWarm(lineup, settings);
step(`init and the first ${settings.firstWarmCalls} warm calls: fresh processes`);
const fresh = await measureFresh(lineup, settings);
step('memory: 10k calls each');
const memory = await measureMemory(lineup);
const bundle = readBundle(root);
step('worst cases');
const worst = await measureWorst(root);
step('styled: a verified styled PNG, warm and first, and python-qrcode StyledPilImage');
const styled = await measureStyled(root, PYTHON);
step('peers: qr, fast_qr, libqrencode, lean-qr, qrcode-generator and node-qrcode, taking turns');
const peers = await measurePeers(root, TUTORIAL_URL, settings.rounds);
step('local stack: autocannon at concurrency 1 and 16');
const stack = await measureStack(root, TUTORIAL_URL, settings.stackSeconds);
step('cold starts through the local stack');
const coldStarts = await measureColdStarts(root, EVENT, settings.coldStartRounds, python.available);
step('profile by step');
const steps = await profileSteps(TUTORIAL_URL, settings.rounds, settings.warmUpMs);

const rows = mapLineup(
  zipLineups(
    zipLineups(warm, fresh, (a, b) => ({ ...a, ...b })),
    memory,
    (a, b) => ({ ...a, ...b }),
  ),
  (row, key) => {
    const coldStartMs = key === 'ours' || key === 'naive' || key === 'python' ? coldStarts[key] : undefined;
    return { ...row, label: lineup[key]?.label ?? key, ...(coldStartMs !== undefined && { coldStartMs }) };
  },
);

const date = new Date().toISOString();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`;
const { ours, naive, dialect, builder, python: py } = rows;
const run: HistoryEntry = {
  date,
  machine,
  warmVsNaive: naive.warmMs / ours.warmMs,
  firstWarmVsNaive: naive.firstWarmMs / ours.firstWarmMs,
  ...(py && {
    warmVsPython: py.warmMs / ours.warmMs,
    firstWarmVsPython: py.firstWarmMs / ours.firstWarmMs,
    initVsPython: ours.initMs / py.initMs,
    ...(py.coldStartMs !== undefined &&
      ours.coldStartMs !== undefined && { coldStartVsPython: ours.coldStartMs / py.coldStartMs }),
    dialectWarmVsPython: py.warmMs / dialect.warmMs,
    builderWarmVsPython: py.warmMs / builder.warmMs,
  }),
  pngBytes: ours.pngBytes,
  bundleBytes: bundle.bytes,
  warmUpMs: settings.warmUpMs,
};
// A quick run checks that the program runs: its report goes to build/bench/, and history keeps full runs only.
const historyFile = `${root}bench/history.json`;
const history = withRun(readHistory(historyFile), run);
if (!settings.quick) writeHistory(historyFile, history);

const results: BenchResults = {
  date,
  machine,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  python,
  settings,
  tutorialUrl: TUTORIAL_URL,
  implementations: rows,
  ranges: ranges(history, settings.warmUpMs),
  steps,
  bundle,
  worst,
  styled,
  peers,
  stack,
};
const report = renderReport(results);
const file = `${root}BENCHMARKS.md`;
const out = settings.quick ? `${root}build/bench/BENCHMARKS.quick.md` : file;
mkdirSync(`${root}build/bench`, { recursive: true });
writeFileSync(out, withLoadSection(report, existsSync(file) ? readFileSync(file, 'utf8') : ''));
console.log(`\n${report}\nwritten to ${out.slice(root.length)}`);
