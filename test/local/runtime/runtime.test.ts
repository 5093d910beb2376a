// The execution environments: aws-lambda-ric processes fed by the local Runtime API.
import t, { type Test } from 'tap';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { openGate } from '../../helpers/gate.js';
import { processesGone } from '../../helpers/processes.js';
import { fixtureFunction } from '../../helpers/target.js';

const json = (payload: Buffer): Record<string, unknown> =>
  JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
const invoke = (pool: FunctionPool, event: unknown) => pool.invoke(Buffer.from(JSON.stringify(event)));

t.test('ESM handler; module state kept in one warm environment', async (t) => {
  const pool = new FunctionPool(fixtureFunction('counter'));
  t.teardown(() => pool.close());
  const first = await invoke(pool, {});
  const second = await invoke(pool, {});
  t.equal(first.coldStart, true);
  t.equal(second.coldStart, false);
  t.match(json(first.payload), { invocations: 1 });
  t.match(json(second.payload), { invocations: 2, pid: json(first.payload).pid });
  t.equal(pool.size, 1);
});

t.test('concurrent invocations run in separate environments', async (t) => {
  const pool = new FunctionPool(fixtureFunction('counter'));
  t.teardown(() => pool.close());
  const results = await Promise.all([1, 2, 3].map(() => invoke(pool, { holdMs: 300 })));
  const pids = new Set(results.map((r) => json(r.payload).pid));
  t.equal(pids.size, 3, 'three processes');
  t.equal(pool.size, 3);
  t.ok(results.every((r) => json(r.payload).invocations === 1));
  const reused = await invoke(pool, {});
  t.ok(pids.has(json(reused.payload).pid), 'a later call reuses a warm one');
});

/** A pool with reserved concurrency 1, and a gate that holds an invocation until released. */
async function heldAtOne(t: Test): Promise<{ pool: FunctionPool; gate: Awaited<ReturnType<typeof openGate>> }> {
  const pool = new FunctionPool(fixtureFunction('counter', { reservedConcurrency: 1 }));
  const gate = await openGate();
  t.teardown(async () => {
    gate.release();
    await pool.close();
    await gate.close();
  });
  return { pool, gate };
}

t.test('reserved concurrency caps the environments: TooManyRequestsException', async (t) => {
  const { pool, gate } = await heldAtOne(t);
  // The first call claims the only environment before it yields, so the second finds none.
  const held = invoke(pool, { gate: gate.url });
  await t.rejects(invoke(pool, {}), { name: 'TooManyRequestsException' });
  await gate.arrival(1);
  await t.rejects(invoke(pool, {}), { name: 'TooManyRequestsException' }, 'and while it runs');
  gate.release();
  await held;
});

t.test('environment: Lambda’s reserved variables and the configured ones, nothing from this shell', async (t) => {
  process.env.QR_SHELL_ONLY_SECRET = 'must-not-leak';
  const fn = fixtureFunction('env-dump', { memorySize: 192, timeoutSeconds: 7, environment: { GREETING: 'hello' } });
  const pool = new FunctionPool(fn);
  t.teardown(() => pool.close());
  const before = Date.now();
  const result = json((await invoke(pool, {})).payload) as {
    env: Record<string, string>;
    context: Record<string, unknown>;
    timezoneOffset: number;
    now: number;
    remainingBefore: number;
    remainingAfter: number;
    node: string;
  };
  const after = Date.now();
  delete process.env.QR_SHELL_ONLY_SECRET;
  const { env, context } = result;
  t.match(env, {
    AWS_LAMBDA_FUNCTION_NAME: 'fixture-env-dump',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '192',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/fixture-env-dump',
    AWS_LAMBDA_LOG_STREAM_NAME: /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/,
    AWS_LAMBDA_RUNTIME_API: /^127\.0\.0\.1:\d+$/,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: /lambda-task-/,
    _HANDLER: 'index.handler',
    TZ: ':UTC',
    GREETING: 'hello',
  });
  t.equal(env.QR_SHELL_ONLY_SECRET, undefined, 'the shell’s variables stay out');
  t.equal(env.HOME, undefined);
  t.equal(env.AWS_ACCESS_KEY_ID, undefined);
  t.equal(env.LAMBDA_LOCAL_DRAIN_MARKER, undefined, 'the stack’s own variable is gone before the handler loads');
  t.notOk(String(env.LAMBDA_TASK_ROOT).startsWith(process.cwd()), 'the code runs from a copy outside the project');
  t.equal(result.timezoneOffset, 0, 'UTC');
  t.match(context, {
    awsRequestId: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    functionName: 'fixture-env-dump',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fixture-env-dump',
    memoryLimitInMB: '192',
    logGroupName: '/aws/lambda/fixture-env-dump',
  });
  // The deadline the runtime was given lies within [now + remainingAfter, now + remainingBefore],
  // and the stack set it to 7 s after a moment between `before` and `after`: the two ranges meet.
  t.ok(result.now + result.remainingAfter <= after + 7000, `deadline no later than the invocation's end + 7 s`);
  t.ok(result.now + result.remainingBefore >= before + 7000, `deadline no earlier than the invocation's start + 7 s`);
  t.equal(result.node.split('.')[0], 'v24', 'nodejs24.x runs on Node.js 24');
});

t.test('a load failure is an init error answered as Unhandled; the next call retries init', async (t) => {
  const pool = new FunctionPool(fixtureFunction('broken-init'));
  t.teardown(() => pool.close());
  for (const attempt of [1, 2]) {
    const result = await invoke(pool, {});
    t.equal(result.functionError, 'Unhandled', `attempt ${attempt}`);
    const error = json(result.payload);
    t.match(error.errorMessage, /fixture: cannot initialise/);
    t.type(error.errorType, 'string');
  }
  t.equal(pool.size, 0, 'no environment kept');
});

t.test('a missing handler export is Runtime.HandlerNotFound', async (t) => {
  const pool = new FunctionPool(fixtureFunction('counter', { handler: 'index.nothere' }));
  t.teardown(() => pool.close());
  const result = await invoke(pool, {});
  t.equal(result.functionError, 'Unhandled');
  t.match(json(result.payload), { errorType: 'Runtime.HandlerNotFound' });
});

t.test('timeout: killed at the deadline; the next invocation is a cold start', async (t) => {
  const pool = new FunctionPool(fixtureFunction('slow', { timeoutSeconds: 1 }));
  t.teardown(() => pool.close());
  const warm = await invoke(pool, { ms: 1 });
  const pid = Number(json(warm.payload).pid);
  const timedOut = await invoke(pool, { ms: 10_000 });
  t.equal(timedOut.functionError, 'Unhandled');
  t.match(json(timedOut.payload), {
    errorType: 'Sandbox.Timedout',
    errorMessage: /RequestId: .* Error: Task timed out after 1\.00 seconds/,
  });
  t.match(timedOut.log, /REPORT RequestId: .*Status: timeout/);
  t.ok(await processesGone([pid]), 'the process is gone (SIGKILL, reaped)');
  const next = await invoke(pool, { ms: 1 });
  t.equal(next.coldStart, true);
  t.not(json(next.payload).pid, pid);
});

t.test(
  'Text log format: START, the function’s lines with the request id, END, REPORT with Init Duration',
  async (t) => {
    const pool = new FunctionPool(fixtureFunction('slow'));
    t.teardown(() => pool.close());
    const result = await invoke(pool, { ms: 1 });
    const lines = result.log.trim().split('\n');
    const id = result.requestId;
    t.equal(lines[0], `START RequestId: ${id} Version: $LATEST`);
    t.match(
      lines.find((line) => line.includes('sleeping 1 ms')),
      new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\t${id}\\tINFO\\tsleeping 1 ms$`),
    );
    t.equal(lines.at(-2), `END RequestId: ${id}`);
    t.match(
      lines.at(-1),
      new RegExp(
        `^REPORT RequestId: ${id}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms$`,
      ),
    );
    const warm = await invoke(pool, { ms: 1 });
    t.notMatch(warm.log, /Init Duration/, 'only cold starts report init');
  },
);

t.test('JSON log format: structured lines, platform.start and platform.report', async (t) => {
  const pool = new FunctionPool(fixtureFunction('slow', { logFormat: 'JSON', applicationLogLevel: 'INFO' }));
  t.teardown(() => pool.close());
  const result = await invoke(pool, { ms: 1 });
  const lines = result.log
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  t.match(lines[0], { type: 'platform.start', record: { requestId: result.requestId, version: '$LATEST' } });
  t.match(
    lines.find((line) => line.message === 'sleeping 1 ms'),
    { level: 'INFO', requestId: result.requestId },
  );
  t.match(lines.at(-1), {
    type: 'platform.report',
    record: { requestId: result.requestId, status: 'success', metrics: { memorySizeMB: 128, initDurationMs: Number } },
  });
});

t.test('task folders of a process that was killed before it cleaned up are swept; live ones are kept', async (t) => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { sweepOrphanedTaskRoots } = await import('../../../local/runtime/pool.js');
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const orphan = await mkdtemp(join(tmpdir(), `lambda-task-${ended.stdout}-`));
  const ours = await mkdtemp(join(tmpdir(), `lambda-task-${process.pid}-`));
  t.teardown(() => rm(ours, { recursive: true, force: true }));
  await sweepOrphanedTaskRoots();
  t.notOk(existsSync(orphan), 'the ended process’s folder is gone');
  t.ok(existsSync(ours), 'a live process’s folder stays');
});

t.test(
  'without reserved concurrency, calls past the local cap wait for a free environment instead of starting more',
  async (t) => {
    const pool = new FunctionPool(fixtureFunction('counter'), () => {}, 2);
    t.teardown(() => pool.close());
    const results = await Promise.all(Array.from({ length: 5 }, () => invoke(pool, { holdMs: 150 })));
    t.equal(results.length, 5, 'every call answered');
    t.ok(new Set(results.map((r) => json(r.payload).pid)).size <= 2, 'in at most two processes');
    t.ok(pool.size <= 2);
  },
);

t.test('at reserved concurrency an Event invocation waits its turn; a synchronous one is throttled', async (t) => {
  const { pool, gate } = await heldAtOne(t);
  const held = invoke(pool, { gate: gate.url });
  const queued = pool.invoke(Buffer.from('{}'), { queue: true });
  await gate.arrival(1);
  await t.rejects(invoke(pool, {}), { name: 'TooManyRequestsException' });
  gate.release();
  await held;
  t.equal(json((await queued).payload).invocations, 2, 'the queued event ran next, in the same environment');
});

t.test(
  'a response over 6 MB is Function.ResponseSizeTooLarge, with its size, and the environment answers again',
  async (t) => {
    const pool = new FunctionPool(fixtureFunction('big'));
    t.teardown(() => pool.close());
    const tooBig = await invoke(pool, { bytes: 7_000_000 });
    t.equal(tooBig.functionError, 'Unhandled');
    t.match(json(tooBig.payload), {
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: /Response payload size \(7000002 bytes\) exceeded/,
    });
    const fine = await invoke(pool, { bytes: 10 });
    t.equal(fine.payload.toString(), JSON.stringify('x'.repeat(10)));
  },
);
