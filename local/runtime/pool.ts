import { unzipSync } from 'fflate';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FunctionDefinition } from './function.js';
import { ExecutionEnvironment, type InvocationResult, type InvokeOptions, type LogSink } from './instance.js';

/**
 * How many environments the local stack runs for a function without reserved concurrency:
 * Lambda would start up to 1000, each a Node process here; past this many, invocations wait
 * for one to be free. LAMBDA_MAX_ENVIRONMENTS overrides it.
 */
export const DEFAULT_MAX_ENVIRONMENTS = Math.max(4, availableParallelism() * 2);

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
  /** Invocations waiting for an environment, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly fn: FunctionDefinition,
    private readonly sink: LogSink = () => {},
    private readonly maxEnvironments = DEFAULT_MAX_ENVIRONMENTS,
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

  /**
   * Runs one invocation in an idle environment, or a new one (a cold start). At reserved
   * concurrency a synchronous call is refused, as Lambda throttles it; `queue` (an Event
   * invocation, which Lambda keeps and retries) waits instead. At the local cap without
   * reserved concurrency every call waits for a free environment.
   */
  async invoke(payload: Buffer, options: InvokeOptions & { queue?: boolean } = {}): Promise<InvocationResult> {
    const environment = await this.acquire(options.queue === true);
    try {
      return await environment.invoke(payload, options);
    } finally {
      if (!environment.alive) this.environments.delete(environment);
      this.waiting.shift()?.();
    }
  }

  private async acquire(queue: boolean): Promise<ExecutionEnvironment> {
    for (;;) {
      if (this.closed) throw new Error(`${this.fn.name} is shut down`);
      // invoke() marks an environment busy before it yields, so picking an idle one and
      // calling it with no await in between never hands one environment to two callers.
      const idle = [...this.environments].find((candidate) => candidate.idle);
      if (idle) return idle;
      const reserved = this.fn.reservedConcurrency;
      const limit = reserved ?? this.maxEnvironments;
      if (this.environments.size + this.starting < limit) return this.startEnvironment();
      if (reserved !== null && !queue) {
        throw new TooManyRequestsError(`Rate Exceeded. (concurrency limit ${reserved} reached for ${this.fn.name})`);
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
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
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    await this.stopAll();
    await rm(await this.taskRoot, { recursive: true, force: true });
  }

  private async startEnvironment(): Promise<ExecutionEnvironment> {
    this.starting++;
    try {
      const environment = await ExecutionEnvironment.start(this.fn, await this.taskRoot, this.sink);
      this.environments.add(environment);
      return environment;
    } catch (error) {
      // The place it would have taken is free for the next waiting invocation.
      this.waiting.shift()?.();
      throw error;
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
const TASK_ROOT_OWNER = new RegExp(`^${TASK_PREFIX}(\\d+)-`);
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
      .map((name) => ({ name, pid: Number(TASK_ROOT_OWNER.exec(name)?.[1]) }))
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
