// Through the local stack: POST /generate with autocannon, at concurrency 1 and 16.
import autocannon from 'autocannon';
import { startStack } from '../../local/stack.js';

export interface StackLoad {
  readonly connections: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

export async function measureStack(root: string, text: string, seconds: number): Promise<StackLoad[]> {
  // The stage throttling of variables.tf (20/s) would cap the very load being measured.
  const stack = await startStack({
    dir: root,
    env: { ...process.env, TF_VAR_throttling_rate_limit: '10000', TF_VAR_throttling_burst_limit: '5000' },
  });
  try {
    const target = {
      url: `${stack.httpUrl}/generate`,
      method: 'POST' as const,
      body: JSON.stringify({ url: text }),
      headers: { 'content-type': 'application/json' },
    };
    await autocannon({ ...target, connections: 16, amount: 500 });
    const rows: StackLoad[] = [];
    for (const connections of [1, 16]) {
      const result = await autocannon({ ...target, connections, duration: seconds });
      rows.push({
        connections,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
    return rows;
  } finally {
    await stack.close();
  }
}
