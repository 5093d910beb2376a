import { unzipSync } from 'fflate';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FunctionDefinition } from './function.js';
import { ExecutionEnvironment, type InvocationResult, type InvokeOptions, type LogSink } from './instance.js';

/** Lambda's default account-wide concurrency; a reserved value lowers it. */
const ACCOUNT_CONCURRENCY = 1000;

export class TooManyRequestsError extends Error {
  override readonly name = 'TooManyRequestsException';
}

/**
 * The warm environments of one function: an invocation takes an idle one or starts a
 * new one (a cold start); concurrent invocations therefore run in separate processes.
 * The code runs from a copy of the function folder outside the project, as Lambda
 * runs the unzipped package from /var/task: nothing resolves from the project's node_modules.
 */
export class FunctionPool {
  private readonly environments = new Set<ExecutionEnvironment>();
  private starting = 0;
  private taskRoot: Promise<string>;

  constructor(
    readonly fn: FunctionDefinition,
    private readonly sink: LogSink = () => {},
  ) {
    this.taskRoot = copyCode(fn.code);
  }

  get size(): number {
    return this.environments.size;
  }

  /** Process ids of the live environments. */
  get pids(): number[] {
    return [...this.environments].flatMap((environment) => (environment.pid === undefined ? [] : [environment.pid]));
  }

  async invoke(payload: Buffer, options: InvokeOptions = {}): Promise<InvocationResult> {
    // invoke() marks an environment busy before it yields, so picking an idle one and
    // calling it with no await in between never hands one environment to two callers.
    const environment = [...this.environments].find((candidate) => candidate.idle) ?? (await this.startEnvironment());
    try {
      return await environment.invoke(payload, options);
    } finally {
      if (!environment.alive) this.environments.delete(environment);
    }
  }

  /** New code: every later invocation starts from a fresh copy, in new environments. */
  async reload(): Promise<void> {
    const old = await this.taskRoot;
    this.taskRoot = copyCode(this.fn.code);
    await this.stopAll();
    await rm(old, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await this.stopAll();
    await rm(await this.taskRoot, { recursive: true, force: true });
  }

  private async startEnvironment(): Promise<ExecutionEnvironment> {
    const limit = this.fn.reservedConcurrency ?? ACCOUNT_CONCURRENCY;
    if (this.environments.size + this.starting >= limit) {
      throw new TooManyRequestsError(`Rate Exceeded. (concurrency limit ${limit} reached for ${this.fn.name})`);
    }
    this.starting++;
    try {
      const environment = await ExecutionEnvironment.start(this.fn, await this.taskRoot, this.sink);
      this.environments.add(environment);
      return environment;
    } finally {
      this.starting--;
    }
  }

  private async stopAll(): Promise<void> {
    const stopping = [...this.environments].map((environment) => environment.stop());
    this.environments.clear();
    await Promise.all(stopping);
  }
}

// Task folders carry the id of the process that made them: one killed before it could
// clean up (SIGKILL) leaves folders that the next process sweeps away.
const TASK_PREFIX = 'lambda-task-';
let swept: Promise<void> | undefined;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function sweepOrphanedTaskRoots(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  await Promise.all(
    entries
      .map((name) => ({ name, pid: Number(new RegExp(`^${TASK_PREFIX}(\\d+)-`).exec(name)?.[1]) }))
      .filter(({ pid }) => pid > 0 && !alive(pid))
      .map(({ name }) => rm(join(tmpdir(), name), { recursive: true, force: true })),
  );
}

/** The function's code in a folder of its own, as Lambda unpacks it to /var/task: unzipped, or copied. */
async function copyCode(code: string): Promise<string> {
  await (swept ??= sweepOrphanedTaskRoots());
  const taskRoot = await mkdtemp(join(tmpdir(), `${TASK_PREFIX}${process.pid}-`));
  if (code.endsWith('.zip')) {
    for (const [name, data] of Object.entries(unzipSync(await readFile(code)))) {
      if (name.endsWith('/')) continue;
      await mkdir(dirname(join(taskRoot, name)), { recursive: true });
      await writeFile(join(taskRoot, name), data);
    }
  } else {
    await cp(code, taskRoot, { recursive: true });
  }
  return taskRoot;
}
