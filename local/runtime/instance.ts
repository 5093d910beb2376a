import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { functionEnvironment, logStreamName } from './environment.js';
import { functionArn, type FunctionDefinition } from './function.js';
import type { NodeBinary } from './node-release.js';
import { runtimeMajor } from './node-release.js';
import { endLines, initStartLine, startLine, type ReportMetrics } from './platform-log.js';
import { RuntimeApi, type RuntimeOutcome } from './runtime-api.js';
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
 * Where every log line of every environment also goes (the dev server's terminal):
 * `platform` for the lines Lambda itself writes (INIT_START, START, END, REPORT), `function`
 * for what the function printed.
 */
export type LogSink = (functionName: string, line: string, source: 'platform' | 'function') => void;

/** Lambda's limit on the init phase of an on-demand environment. */
const INIT_LIMIT_MS = 10_000;
const LAUNCHER = fileURLToPath(new URL('./launch.mjs', import.meta.url));
const PYTHON_BOOTSTRAP = fileURLToPath(new URL('./python-bootstrap.py', import.meta.url));

/** How long a runtime gets to echo a drain marker before its invocation is reported anyway. */
const DRAIN_LIMIT_MS = 1000;
/** The line an environment echoes on stdout and stderr when asked to: everything before it has arrived. */
const DRAIN_MARKER = '\u0000lambda-local-drain ';

/** How an environment starts its runtime: Node through aws-lambda-ric, python3.x through our bootstrap. */
function runtimeCommand(fn: FunctionDefinition, node: string): [string, string[]] {
  if (fn.runtime.startsWith('python')) return ['python3', ['-u', PYTHON_BOOTSTRAP]];
  // As the managed runtime starts Node: a heap sized from the configured memory.
  const heapMb = Math.floor(fn.memorySize * 0.9);
  return [node, ['--expose-gc', `--max-old-space-size=${heapMb}`, LAUNCHER]];
}

/** How Lambda words a runtime's end: Go's `exit status 1`, `signal: killed`. */
export function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `signal: ${SIGNAL_WORDS[signal] ?? signal}`;
  return `exit status ${code ?? 'unknown'}`;
}

const SIGNAL_WORDS: Partial<Record<NodeJS.Signals, string>> = {
  SIGABRT: 'aborted',
  SIGALRM: 'alarm clock',
  SIGBUS: 'bus error',
  SIGFPE: 'floating point exception',
  SIGHUP: 'hangup',
  SIGILL: 'illegal instruction',
  SIGINT: 'interrupt',
  SIGKILL: 'killed',
  SIGPIPE: 'broken pipe',
  SIGQUIT: 'quit',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGTRAP: 'trace/breakpoint trap',
  SIGUSR1: 'user defined signal 1',
  SIGUSR2: 'user defined signal 2',
};

const errorPayload = (errorType: string, errorMessage: string): Buffer =>
  Buffer.from(JSON.stringify({ errorType, errorMessage }));

type InitState = { ok: true; durationMs: number } | { ok: false; payload: Buffer; durationMs: number };

/**
 * One execution environment: a process running AWS's runtime client against its own
 * Runtime API, serving one invocation at a time and keeping module state between them,
 * until it times out, crashes or is stopped.
 */
export class ExecutionEnvironment {
  private lines: string[] = [];
  private initLines: string[] = [];
  private exited = false;
  private initialising = true;
  private busy = false;
  private invocations = 0;
  private readonly init: Promise<InitState>;
  private readonly exit: Promise<string>;
  /** The exit and the output's end, raced on every invocation (see Signal). */
  private readonly exitSignal: Signal<string>;
  /** Both output streams have ended: nothing more can arrive. */
  private readonly outputClosed: Signal<void>;
  private readonly drains = new Map<string, { pending: number; resolve: () => void }>();

  private constructor(
    readonly fn: FunctionDefinition,
    private readonly api: RuntimeApi,
    private readonly child: ChildProcess,
    private readonly sink: LogSink,
  ) {
    const started = performance.now();
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
    this.init = new Promise<InitState>((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve({
          ok: false,
          durationMs: INIT_LIMIT_MS,
          payload: errorPayload(
            'Sandbox.Timedout',
            `INIT_REPORT Init Duration: ${INIT_LIMIT_MS.toFixed(2)} ms Phase: init Status: timeout`,
          ),
        });
      }, INIT_LIMIT_MS);
      const done = (state: InitState): void => {
        clearTimeout(timer);
        resolve(state);
      };
      api.onReady(() => done({ ok: true, durationMs: performance.now() - started }));
      api.onInitError(({ payload }) => done({ ok: false, payload, durationMs: performance.now() - started }));
      void this.exit.then((how) =>
        done({
          ok: false,
          durationMs: performance.now() - started,
          payload: errorPayload('Runtime.ExitError', `Runtime exited with error: ${how}`),
        }),
      );
    });
    this.outputClosed = new Signal(
      Promise.all(
        [child.stdout, child.stderr].map((stream) =>
          stream && !stream.destroyed ? once(stream, 'close').catch(() => undefined) : undefined,
        ),
      ).then(() => undefined),
    );
    this.capture(child);
  }

  /** `node`: the Node.js for a nodejs runtime (the pool picks the runtime's major); this process's by default. */
  static async start(
    fn: FunctionDefinition,
    taskRoot: string,
    sink: LogSink,
    node?: NodeBinary,
  ): Promise<ExecutionEnvironment> {
    const api = await RuntimeApi.start();
    const nodePath = node?.path ?? process.execPath;
    try {
      return ExecutionEnvironment.spawnWith(fn, api, taskRoot, sink, node, nodePath);
    } catch (error) {
      // The Runtime API listens already: close it, or a failed start leaks it.
      await api.close();
      throw error;
    }
  }

  private static spawnWith(
    fn: FunctionDefinition,
    api: RuntimeApi,
    taskRoot: string,
    sink: LogSink,
    node: NodeBinary | undefined,
    nodePath: string,
  ): ExecutionEnvironment {
    const env = functionEnvironment(fn, {
      runtimeApi: api.address,
      taskRoot,
      logStream: logStreamName(),
      node: nodePath,
    });
    const [command, args] = runtimeCommand(fn, nodePath);
    // As Lambda's INIT_START names the runtime version, this names the Node.js that runs it.
    const major = runtimeMajor(fn.runtime);
    if (major !== undefined)
      sink(
        fn.name,
        initStartLine(fn.logFormat, `nodejs:${major} (Node.js ${node?.version ?? process.versions.node})`),
        'platform',
      );
    const child = spawn(command, args, {
      cwd: taskRoot,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    return new ExecutionEnvironment(fn, api, child, sink);
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
    this.initialising = false;
    this.lines = coldStart ? [...this.initLines] : [];
    this.platform(startLine(format, requestId));
    const started = performance.now();
    let outcome:
      | RuntimeOutcome
      | { kind: 'timeout' }
      | { kind: 'exit'; how: string }
      | { kind: 'init-failed'; payload: Buffer };
    if (!init.ok) {
      outcome = { kind: 'init-failed', payload: init.payload };
    } else {
      const deadlineMs = Date.now() + this.fn.timeoutSeconds * 1000;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<{ kind: 'timeout' }>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), this.fn.timeoutSeconds * 1000);
      });
      const exited = this.exitSignal.wait();
      try {
        outcome = await Promise.race([
          this.api.invoke({
            requestId,
            deadlineMs,
            functionArn: functionArn(this.fn),
            traceId: traceId(),
            payload,
            clientContext: options.clientContext,
          }),
          timeout,
          exited.promise.then((how) => ({ kind: 'exit' as const, how })),
        ]);
      } finally {
        clearTimeout(timer);
        exited.release();
      }
    }
    const durationMs = performance.now() - started;
    // Lines the runtime wrote just before it answered may still be in the pipes.
    if (outcome.kind === 'response' || outcome.kind === 'error') await this.drain();
    else if (outcome.kind === 'exit') await this.outputClosedOrLimit();

    let result: Buffer;
    let status: ReportMetrics['status'] = 'error';
    switch (outcome.kind) {
      case 'response':
        result = outcome.payload;
        status = 'success';
        break;
      case 'error':
        result = outcome.payload;
        break;
      case 'init-failed':
        result = outcome.payload;
        this.kill();
        break;
      case 'timeout':
        status = 'timeout';
        result = errorPayload(
          'Sandbox.Timedout',
          `RequestId: ${requestId} Error: Task timed out after ${this.fn.timeoutSeconds.toFixed(2)} seconds`,
        );
        this.kill();
        break;
      case 'exit':
        result = errorPayload(
          'Runtime.ExitError',
          `RequestId: ${requestId} Error: Runtime exited with error: ${outcome.how}`,
        );
        break;
      case 'undelivered':
        // The invocation never reached the runtime; the environment is not trusted with another.
        result = errorPayload(
          'Runtime.InvocationDeliveryError',
          `RequestId: ${requestId} Error: the invocation could not be handed to the runtime: ${outcome.message}`,
        );
        this.kill();
        break;
    }
    for (const line of endLines(format, requestId, {
      durationMs,
      memorySizeMB: this.fn.memorySize,
      maxMemoryUsedMB: this.peakMemoryMb(),
      initDurationMs: coldStart ? init.durationMs : undefined,
      status,
    })) {
      this.platform(line);
    }
    return {
      requestId,
      payload: result,
      functionError: status === 'success' ? undefined : 'Unhandled',
      log: `${this.lines.join('\n')}\n`,
      coldStart,
    };
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

  /**
   * The runtime's output streams closed, or DRAIN_LIMIT_MS passed: a process the function
   * started can keep the pipes open after the runtime has gone, and must not hold the
   * invocation (and its place in the pool) with them.
   */
  private async outputClosedOrLimit(): Promise<void> {
    let limit: NodeJS.Timeout | undefined;
    const closed = this.outputClosed.wait();
    await Promise.race([closed.promise, new Promise<void>((resolve) => (limit = setTimeout(resolve, DRAIN_LIMIT_MS)))]);
    clearTimeout(limit);
    closed.release();
  }

  private platform(line: string): void {
    this.lines.push(line);
    this.sink(this.fn.name, line, 'platform');
  }

  /**
   * Waits until every line the runtime wrote before it answered has been read: the
   * environment echoes a marker on stdout and stderr when asked on stdin, and output
   * streams keep their order. A runtime that has ended has nothing more to send once its
   * streams close; one too busy to echo is waited for at most DRAIN_LIMIT_MS.
   */
  private async drain(): Promise<void> {
    const stdin = this.child.stdin;
    if (this.exited || !stdin || !stdin.writable) return this.outputClosedOrLimit();
    const token = randomUUID();
    let limit: NodeJS.Timeout | undefined;
    const echoed = new Promise<void>((resolve) => this.drains.set(token, { pending: 2, resolve }));
    stdin.write(`drain ${token}\n`);
    const closed = this.outputClosed.wait();
    await Promise.race([
      echoed,
      closed.promise,
      new Promise<void>((resolve) => (limit = setTimeout(resolve, DRAIN_LIMIT_MS))),
    ]);
    clearTimeout(limit);
    closed.release();
    this.drains.delete(token);
  }

  private capture(child: ChildProcess): void {
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (let line of parts) {
          // The marker ends a line of its own, or one the function left without a newline.
          const marker = line.indexOf(DRAIN_MARKER);
          if (marker >= 0) {
            const drain = this.drains.get(line.slice(marker + DRAIN_MARKER.length));
            if (drain && --drain.pending === 0) drain.resolve();
            if (marker === 0) continue;
            line = line.slice(0, marker);
          }
          (this.initialising ? this.initLines : this.lines).push(line);
          this.sink(this.fn.name, line, 'function');
        }
      });
    }
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
