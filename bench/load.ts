// make load: 10k requests at concurrency 50 through the local HTTP API. Fails on any
// error or on function processes whose memory keeps growing after warm-up; writes the
// figures into BENCHMARKS.md (section "Load").
import autocannon from 'autocannon';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStack } from '../local/stack.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 10_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
/** Allowed RSS growth of the function processes from warm-up to the end. */
const GROWTH_LIMIT = 1.25;

const rssMb = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};
const totalRss = (pids: number[]): number => pids.reduce((sum, pid) => sum + rssMb(pid), 0);

// The stage throttling of variables.tf (20/s) would cap the very load being measured.
const stack = await startStack({
  dir: root,
  env: { ...process.env, TF_VAR_throttling_rate_limit: '10000', TF_VAR_throttling_burst_limit: '5000' },
});
const pool = stack.pools.get(stack.config.function.name)!;
const target = {
  url: `${stack.httpUrl}/generate`,
  method: 'POST' as const,
  headers: { 'content-type': 'application/json' },
  connections: CONNECTIONS,
};
let report: string;
let failed = false;
try {
  const bodies = ['https://www.youtube.com/@RayanSlim087', 'WIFI:T:WPA;S:net;P:secret;;', 'https://例え.jp/🎉'].map(
    (url) => JSON.stringify({ url }),
  );
  console.log(`warm-up: 1000 requests at concurrency ${CONNECTIONS} …`);
  await autocannon({ ...target, body: bodies[0], amount: 1000 });
  const warmPids = pool.pids;
  const warmRss = totalRss(warmPids);
  console.log(`load: ${REQUESTS} requests …`);
  const result = await autocannon({ ...target, amount: REQUESTS, requests: bodies.map((body) => ({ body })) });
  const endRss = totalRss(warmPids);
  const errors = result.errors + result.timeouts + result.non2xx;
  const growth = endRss / warmRss;
  failed = errors > 0 || growth > GROWTH_LIMIT;
  report = `## Load

\`make load\` on ${new Date().toISOString()}: ${REQUESTS} POST /generate requests (three different inputs) at
concurrency ${CONNECTIONS} through the local HTTP API, after 1000 warm-up requests.

| requests | errors / non-2xx / timeouts | requests/s | p50 (ms) | p99 (ms) | environments | their RSS after warm-up (MB) | at the end (MB) |
|---|---|---|---|---|---|---|---|
| ${result.requests.total} | ${result.errors} / ${result.non2xx} / ${result.timeouts} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${pool.size} | ${warmRss.toFixed(1)} | ${endRss.toFixed(1)} |

${failed ? `FAILED: ${errors} errors, RSS growth ${growth.toFixed(2)}× (limit ${GROWTH_LIMIT}×)` : `No errors; memory of the warm environments changed ${growth.toFixed(2)}× after warm-up (limit ${GROWTH_LIMIT}×).`}
`;
} finally {
  await stack.close();
}
const file = `${root}BENCHMARKS.md`;
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const withoutLoad = current.replace(/\n## Load\n[\s\S]*?(?=\n## |$)/, '');
writeFileSync(file, `${withoutLoad.trimEnd()}\n\n${report}`);
console.log(report);
if (failed) process.exit(1);
