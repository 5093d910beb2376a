import { unzipSync } from 'fflate';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FunctionDefinition } from './function.js';
import { ExecutionEnvironment, type InvocationResult, type InvokeOptions } from './instance.js';
import { nodeOfMajor, runtimeMajor, type NodeBinary } from './node-release.js';
import type { LogSink } from './output.js';

/**
 * How many environments the local stack runs for a function without reserved concurrency:
 * Lambda would start up to 1000, each a Node process here; past this many, invocations wait
 * for one to be free. LAMBDA_MAX_ENVIRONMENTS overrides it.
 */
export const DEFAULT_MAX_ENVIRONMENTS = Math.max(4, availableParallelism() * 2);

export class TooManyRequestsError extends Error {
  override readonly name = 'TooManyRequestsException';
}

/** One copy of the function's code and the environments started on it. */
interface Generation {
  readonly taskRoot: Promise<string>;
  readonly environments: Set<ExecutionEnvironment>;
  /** Environments being started on this copy. */
  starting: number;
  /** Newer code has come: no new invocation runs here, and the folder goes once the last environment has. */
  retired: boolean;
}

/**
 * The warm environments of one function: an invocation takes an idle one or starts a
 * new one (a cold start); concurrent invocations therefore run in separate processes.
 * The code runs from a copy of the function folder outside the project, as Lambda
 * runs the unzipped package from /var/task: nothing resolves from the project's node_modules.
 * New code (reload) is a new copy: invocations under way finish on the old one, as Lambda
 * lets them, and every later one cold-starts on the new one.
 */
export class FunctionPool {
  private current: Generation;
  private readonly generations = new Set<Generation>();
  /** Invocations waiting for an environment, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  private readonly node: Promise<NodeBinary> | undefined;

  constructor(
    readonly fn: FunctionDefinition,
    private readonly sink: LogSink = () => {},
    private readonly maxEnvironments = DEFAULT_MAX_ENVIRONMENTS,
  ) {
    const major = runtimeMajor(fn.runtime);
    this.node = major === undefined ? undefined : nodeOfMajor(major);
    // Settled here too, so that a failure is reported by the invocation that needs it, not as an unhandled rejection.
    this.node?.catch(() => {});
    this.current = this.newGeneration();
  }

  /** The Node.js the environments run on (a nodejs runtime's own major), or undefined for another language. */
  async runtimeNode(): Promise<NodeBinary | undefined> {
    return this.node;
  }

  /** Live environments, on any copy of the code. */
  get size(): number {
    let size = 0;
    for (const generation of this.generations) size += generation.environments.size;
    return size;
  }

  /** Process ids of the live environments. */
  get pids(): number[] {
    return this.all().flatMap((environment) => (environment.pid === undefined ? [] : [environment.pid]));
  }

  /** The copies of the code still on disk (the newest last). */
  async taskRoots(): Promise<string[]> {
    return Promise.all([...this.generations].map((generation) => generation.taskRoot));
  }

  /**
   * Runs one invocation in an idle environment, or a new one (a cold start). At reserved
   * concurrency a synchronous call is refused, as Lambda throttles it; `queue` (an Event
   * invocation, which Lambda keeps and retries) waits instead. At the local cap without
   * reserved concurrency every call waits for a free environment.
   */
  async invoke(payload: Buffer, options: InvokeOptions & { queue?: boolean } = {}): Promise<InvocationResult> {
    const { environment, generation } = await this.acquire(options.queue === true);
    try {
      return await environment.invoke(payload, options);
    } finally {
      if (!environment.alive || generation.retired) await this.remove(environment, generation);
      this.waiting.shift()?.();
    }
  }

  private async acquire(queue: boolean): Promise<{ environment: ExecutionEnvironment; generation: Generation }> {
    for (;;) {
      if (this.closed) throw new Error(`${this.fn.name} is shut down`);
      const generation = this.current;
      // invoke() marks an environment busy before it yields, so picking an idle one and
      // calling it with no await in between never hands one environment to two callers.
      const idle = [...generation.environments].find((candidate) => candidate.idle);
      if (idle) return { environment: idle, generation };
      const reserved = this.fn.reservedConcurrency;
      const limit = reserved ?? this.maxEnvironments;
      if (this.size + this.starting() < limit) {
        const environment = await this.startEnvironment(generation);
        if (environment) return { environment, generation };
        continue; // new code came while it started: start again, on that
      }
      if (reserved !== null && !queue) {
        throw new TooManyRequestsError(`Rate Exceeded. (concurrency limit ${reserved} reached for ${this.fn.name})`);
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /**
   * New code: every later invocation cold-starts on a fresh copy. Idle environments stop
   * now; busy ones finish their invocation on the old copy, then stop; the old copy is
   * removed when the last of them has gone.
   */
  async reload(): Promise<void> {
    const old = this.current;
    this.current = this.newGeneration();
    old.retired = true;
    await this.current.taskRoot.catch(() => undefined);
    await Promise.all(
      [...old.environments]
        .filter((environment) => environment.idle)
        .map((environment) => this.remove(environment, old)),
    );
    await this.sweep(old);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(this.all().map((environment) => environment.stop()));
    for (const generation of this.generations) generation.environments.clear();
    await Promise.all(
      [...this.generations].map(async (generation) => {
        generation.retired = true;
        await this.sweep(generation);
      }),
    );
  }

  private newGeneration(): Generation {
    const generation: Generation = {
      taskRoot: copyCode(this.fn.code, this.fn.hostModules),
      environments: new Set(),
      starting: 0,
      retired: false,
    };
    // A copy that failed is reported by the invocations that need it.
    generation.taskRoot.catch(() => {});
    this.generations.add(generation);
    return generation;
  }

  private all(): ExecutionEnvironment[] {
    return [...this.generations].flatMap((generation) => [...generation.environments]);
  }

  private starting(): number {
    let starting = 0;
    for (const generation of this.generations) starting += generation.starting;
    return starting;
  }

  /** An environment on `generation`'s copy, or undefined when that copy was retired meanwhile. */
  private async startEnvironment(generation: Generation): Promise<ExecutionEnvironment | undefined> {
    generation.starting++;
    try {
      const node = await this.node;
      const environment = await ExecutionEnvironment.start(this.fn, await generation.taskRoot, this.sink, node);
      if (generation.retired || this.closed) {
        // Never serves a copy that newer code replaced, or a pool that is shutting down.
        await environment.stop();
        return undefined;
      }
      generation.environments.add(environment);
      return environment;
    } catch (error) {
      // The place it would have taken is free for the next waiting invocation.
      this.waiting.shift()?.();
      throw error;
    } finally {
      generation.starting--;
      await this.sweep(generation);
    }
  }

  private async remove(environment: ExecutionEnvironment, generation: Generation): Promise<void> {
    generation.environments.delete(environment);
    await environment.stop();
    await this.sweep(generation);
  }

  /** Removes a retired copy of the code once nothing runs or starts on it. */
  private async sweep(generation: Generation): Promise<void> {
    if (
      !generation.retired ||
      generation.environments.size > 0 ||
      generation.starting > 0 ||
      !this.generations.has(generation)
    )
      return;
    this.generations.delete(generation);
    const root = await generation.taskRoot.catch(() => undefined);
    if (root) await rm(root, { recursive: true, force: true });
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

/**
 * The function's code in a folder of its own, as Lambda unpacks it to /var/task: unzipped, or
 * copied; with this machine's native packages in place of the code's own, where there are.
 */
async function copyCode(code: string, hostModules: string | undefined): Promise<string> {
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
  if (hostModules !== undefined) {
    await rm(join(taskRoot, 'node_modules'), { recursive: true, force: true });
    await symlink(hostModules, join(taskRoot, 'node_modules'), 'dir');
  }
  return taskRoot;
}
