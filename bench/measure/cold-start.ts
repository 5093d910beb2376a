// Cold starts as the local stack reports them: Init Duration of a first invocation, each
// function in a new environment per round. The naive port is bundled as a user would deploy
// it; the Python handler runs on the stack's python3.x runtime.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FunctionDefinition } from '../../local/runtime/function.js';
import { startStack } from '../../local/stack.js';
import { loadStackConfig } from '../../local/terraform/stack-config.js';
import { median } from '../stats.js';

/** Median ms of Init Duration: the function's, the naive port's, the Python handler's if it ran. */
export interface ColdStartResult {
  readonly ours: number;
  readonly naive: number;
  readonly python?: number;
}

interface Measured {
  readonly fn: FunctionDefinition;
  readonly inits: number[];
}

export async function measureColdStarts(
  root: string,
  event: string,
  rounds: number,
  withPython: boolean,
): Promise<ColdStartResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'qr-bench-'));
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
    const baseline = (name: string, runtime: string, handler: string, code: string): Measured => ({
      fn: { ...main, name, runtime, handler, code, environment: {}, logFormat: 'Text' },
      inits: [],
    });
    const ours: Measured = { fn: main, inits: [] };
    const naive = baseline('bench-naive', 'nodejs24.x', 'index.handler', join(scratch, 'naive'));
    const python = withPython
      ? baseline('bench-python', 'python3.11', 'handler.lambda_handler', `${root}bench/baselines/python`)
      : undefined;
    const all = python ? [ours, naive, python] : [ours, naive];
    const stack = await startStack({
      dir: root,
      env: process.env,
      extraFunctions: [naive.fn, ...(python ? [python.fn] : [])],
    });
    try {
      for (let round = 0; round < rounds; round++) {
        await stack.reload();
        for (const { fn, inits } of all) {
          const pool = stack.pools.get(fn.name);
          if (!pool) throw new Error(`${fn.name}: not in the local stack`);
          const result = await pool.invoke(Buffer.from(event));
          // The REPORT line, in the function's log format: Text or JSON.
          const init = /Init Duration: ([\d.]+) ms|"initDurationMs":([\d.]+)/.exec(result.log);
          if (!init || result.functionError) throw new Error(`${fn.name}: no cold start reported\n${result.log}`);
          inits.push(Number(init[1] ?? init[2]));
        }
      }
    } finally {
      await stack.close();
    }
    return {
      ours: median(ours.inits),
      naive: median(naive.inits),
      ...(python && { python: median(python.inits) }),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
