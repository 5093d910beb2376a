#!/usr/bin/env node
// How long the last `npx tap` run took, from tap's own records (.tap/processinfo: each test
// file's process, its start and its runtime): the run's wall time, the files' summed time,
// and the slowest files. `make timings` writes it into docs/contributing.md between
// <!-- timings:start --> and <!-- timings:end -->, so the times the docs state are measured.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- timings:start -->';
const END = '<!-- timings:end -->';

/** Each test file's run in `dir` (.tap/processinfo): its path, when it started and how long it ran, in ms. */
export function testRuns(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((info) => typeof info.externalID === 'string' && /\.test\.[cm]?[jt]s$/.test(info.externalID))
    .map((info) => ({ file: info.externalID, started: Date.parse(info.date), runtime: Number(info.runtime) }));
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/** What scripts/timed.sh recorded in `dir` (.tap/timings): `make test` and `make check`, each when it last passed. */
export function makeTimings(dir) {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    } catch {
      return undefined;
    }
  };
  return { test: read('make-test'), check: read('make-check') };
}

/** The markdown block: the run's wall time, the summed time, and the `count` slowest files. */
export function timingsBlock(runs, { count = 10, date, make = {} } = {}) {
  if (runs.length === 0) throw new Error('no test file ran: run the suite (make test, or npx tap) first');
  const first = Math.min(...runs.map((run) => run.started));
  const last = Math.max(...runs.map((run) => run.started + run.runtime));
  const sum = runs.reduce((total, run) => total + run.runtime, 0);
  const slowest = [...runs].sort((a, b) => b.runtime - a.runtime).slice(0, count);
  return [
    START,
    `The last full run measured here (${date ?? new Date(last).toISOString().slice(0, 10)}, two shared cores): ` +
      `${runs.length} test files in ${seconds(last - first)} of wall time, ${seconds(sum)} summed over tap's ` +
      `${'`jobs`'}.` +
      (make.test ? ` The whole \`make test\`, installs included: ${seconds(make.test.runtime)}.` : '') +
      (make.check ? ` \`make check\`: ${seconds(make.check.runtime)}.` : '') +
      ` The ${slowest.length} slowest files, by tap's own timing of each file's process:`,
    '',
    '| file | time |',
    '|---|---|',
    ...slowest.map((run) => `| \`${run.file}\` | ${seconds(run.runtime)} |`),
    END,
  ].join('\n');
}

/** `text` with its timings block replaced by `block`. */
export function withTimings(text, block) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`no ${START} … ${END} block to replace`);
  return text.slice(0, start) + block + text.slice(end + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // A checkout's own run, by default this one's: `node scripts/test-timings.mjs [CHECKOUT]`.
  const checkout = process.argv[2] ?? root;
  const docs = join(checkout, 'docs/contributing.md');
  const block = timingsBlock(testRuns(join(checkout, '.tap/processinfo')), {
    make: makeTimings(join(checkout, '.tap/timings')),
  });
  writeFileSync(docs, withTimings(readFileSync(docs, 'utf8'), block));
  console.log(block);
}
