import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { within } from '../deadline.js';
import { Drain } from './drain.js';
import { exitDescription } from './exit.js';
import { functionArn, type FunctionDefinition } from './function.js';
import { initPhase, type InitState } from './init.js';
import type { NodeBinary } from './node-release.js';
import { answerOf, type Outcome } from './outcome.js';
import { EnvironmentLog, eachLine, outputClosed, type LogSink } from './output.js';
import { endLines, startLine } from './platform-log.js';
import { RuntimeApi } from './runtime-api.js';
import { spawnRuntime } from './runtime-process.js';
import { Signal } from './signal.js';

export interface InvocationResult {
  readonly requestId: string;
  readonly payload: Buffer;
  /** `Unhandled` when the function failed (error, timeout, crash, init failure). */
  readonly functionError: 'Unhandled' | undefined;
  /** This invocation's log, START to REPORT. */
  readonly log: string;
  readonly coldStart: boolean;
}

export interface InvokeOptions {
  readonly requestId?: string | undefined;
  readonly clientContext?: string | undefined;
}

/**
 * One execution environment: a process running AWS's runtime client against its own
 * Runtime API, serving one invocation at a time and keeping module state between them,
 * until it times out, crashes or is stopped. Its output is read line by line into its
 * log (output.ts); before an invocation is reported, its last lines are drained (drain.ts).
 */
export class ExecutionEnvironment {
  private exited = false;
  private busy = false;
  private invocations = 0;
  private readonly log: EnvironmentLog;
  private readonly init: Promise<InitState>;
  private readonly exit: Promise<string>;
  /** The exit, raced on every invocation (see Signal). */
  private readonly exitSignal: Signal<string>;
  private readonly drain: Drain;

  private constructor(
    readonly fn: FunctionDefinition,
    private readonly api: RuntimeApi,
    private readonly child: ChildProcess,
    sink: LogSink,
  ) {
    // Settles on exit, or on a failure to start at all ('error'): never rejects.
    this.exit = once(child, 'exit').then(
      ([code, signal]) => exitDescription(code as number | null, signal as NodeJS.Signals | null),
      (error: unknown) => `could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.exitSignal = new Signal(this.exit);
    // However the runtime ends, its Runtime API goes with it: no listener left behind.
    void this.exit.then(() => {
      this.exited = true;
      void this.api.close();
    });
    child.stdin?.on('error', () => {}); // a runtime that is gone cannot read; its exit says why
    this.init = initPhase(api, this.exit, () => this.kill());
    this.log = new EnvironmentLog(fn.name, sink);
    this.drain = new Drain(new Signal(outputClosed(child)));
    for (const stream of [child.stdout, child.stderr])
      eachLine(stream, (line) => {
        const text = this.drain.take(line);
        if (text !== undefined) this.log.function(text);
      });
  }

  /** `node`: the Node.js for a nodejs runtime (the pool picks the runtime's major); this process's by default. */
  static async start(
    fn: FunctionDefinition,
    taskRoot: string,
    sink: LogSink,
    node?: NodeBinary,
  ): Promise<ExecutionEnvironment> {
    const api = await RuntimeApi.start();
    try {
      return new ExecutionEnvironment(fn, api, spawnRuntime(fn, api.address, taskRoot, sink, node), sink);
    } catch (error) {
      // The Runtime API listens already: close it, or a failed start leaks it.
      await api.close();
      throw error;
    }
  }

  /** Usable for another invocation. */
  get alive(): boolean {
    return !this.exited;
  }

  get idle(): boolean {
    return !this.busy && !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether this environment's Runtime API still listens (false once it is closed). */
  get runtimeApiListening(): boolean {
    return this.api.listening;
  }

  /** Marks the environment busy synchronously, before its first await. */
  async invoke(payload: Buffer, options: InvokeOptions = {}): Promise<InvocationResult> {
    if (this.busy) throw new Error('an execution environment runs one invocation at a time');
    this.busy = true;
    try {
      return await this.run(payload, options);
    } finally {
      this.busy = false;
    }
  }

  private async run(payload: Buffer, options: InvokeOptions): Promise<InvocationResult> {
    const requestId = options.requestId ?? randomUUID();
    const coldStart = this.invocations++ === 0;
    const format = this.fn.logFormat;
    const init = await this.init;
    this.log.begin(coldStart);
    this.log.platform(startLine(format, requestId));
    const started = performance.now();
    const outcome: Outcome = init.ok
      ? await this.handOver(requestId, payload, options.clientContext)
      : { kind: 'init-failed', payload: init.payload };
    const durationMs = performance.now() - started;
    // Lines the runtime wrote just before it answered may still be in the pipes.
    if (outcome.kind === 'response' || outcome.kind === 'error')
      await (this.exited ? this.drain.settle() : this.drain.request(this.child.stdin));
    else if (outcome.kind === 'exit') await this.drain.settle();

    const answer = answerOf(outcome, requestId, this.fn.timeoutSeconds);
    if (answer.retire) this.kill();
    for (const line of endLines(format, requestId, {
      durationMs,
      memorySizeMB: this.fn.memorySize,
      maxMemoryUsedMB: this.peakMemoryMb(),
      initDurationMs: coldStart ? init.durationMs : undefined,
      status: answer.status,
    })) {
      this.log.platform(line);
    }
    return {
      requestId,
      payload: answer.payload,
      functionError: answer.status === 'success' ? undefined : 'Unhandled',
      log: this.log.text(),
      coldStart,
    };
  }

  /** Gives the invocation to the runtime: its report, or the function's timeout, or the runtime's exit, whichever comes first. */
  private async handOver(requestId: string, payload: Buffer, clientContext: string | undefined): Promise<Outcome> {
    const timeoutMs = this.fn.timeoutSeconds * 1000;
    const exited = this.exitSignal.wait();
    try {
      const reported = this.api.invoke({
        requestId,
        deadlineMs: Date.now() + timeoutMs,
        functionArn: functionArn(this.fn),
        traceId: traceId(),
        payload,
        clientContext,
      });
      const ended = exited.promise.then((how): Outcome => ({ kind: 'exit', how }));
      return await within<Outcome, Outcome>(Promise.race([reported, ended]), timeoutMs, () => ({ kind: 'timeout' }));
    } finally {
      exited.release();
    }
  }

  /**
   * Stops the environment and everything it started: the whole process group, also after
   * the runtime itself has exited (a process the function started may still hold its pipes).
   */
  kill(): void {
    if (this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // Never handed another invocation, even before the exit event arrives.
    this.exited = true;
    void this.api.close();
  }

  async stop(): Promise<void> {
    this.kill();
    await this.exit;
  }

  /** Peak resident memory of the environment's process (VmHWM), in MB. */
  private peakMemoryMb(): number {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    } catch {
      return 0;
    }
  }
}

/** An X-Ray trace header of the documented shape. */
function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const id = randomUUID().replace(/-/g, '').slice(0, 24);
  return `Root=1-${epoch}-${id};Parent=${id.slice(0, 16)};Sampled=0`;
}
