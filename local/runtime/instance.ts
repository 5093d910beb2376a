import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { functionEnvironment, logStreamName } from './environment.js';
import { functionArn, type FunctionDefinition } from './function.js';
import { endLines, startLine, type ReportMetrics } from './platform-log.js';
import { RuntimeApi, type RuntimeOutcome } from './runtime-api.js';

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

/** Where every log line of every environment also goes (the dev server's terminal). */
export type LogSink = (functionName: string, line: string) => void;

/** Lambda's limit on the init phase of an on-demand environment. */
const INIT_LIMIT_MS = 10_000;
const LAUNCHER = fileURLToPath(new URL('./launch.mjs', import.meta.url));
const PYTHON_BOOTSTRAP = fileURLToPath(new URL('./python-bootstrap.py', import.meta.url));

/** How an environment starts its runtime: Node through aws-lambda-ric, python3.x through our bootstrap. */
function runtimeCommand(fn: FunctionDefinition): [string, string[]] {
  if (fn.runtime.startsWith('python')) return ['python3', ['-u', PYTHON_BOOTSTRAP]];
  // As the managed runtime starts Node: a heap sized from the configured memory.
  const heapMb = Math.floor(fn.memorySize * 0.9);
  return [process.execPath, ['--expose-gc', `--max-old-space-size=${heapMb}`, LAUNCHER]];
}

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
  private readonly exit: Promise<number | null>;

  private constructor(
    readonly fn: FunctionDefinition,
    private readonly api: RuntimeApi,
    private readonly child: ChildProcess,
    private readonly sink: LogSink,
  ) {
    const started = performance.now();
    // Settles on exit, or on a failure to start at all ('error'): never rejects.
    this.exit = once(child, 'exit').then(
      ([code]) => code as number | null,
      () => null,
    );
    void this.exit.then(() => {
      this.exited = true;
    });
    this.init = new Promise<InitState>((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve({ ok: false, durationMs: INIT_LIMIT_MS, payload: errorPayload('Sandbox.Timedout', `INIT_REPORT Init Duration: ${INIT_LIMIT_MS.toFixed(2)} ms Phase: init Status: timeout`) });
      }, INIT_LIMIT_MS);
      const done = (state: InitState): void => {
        clearTimeout(timer);
        resolve(state);
      };
      api.onReady(() => done({ ok: true, durationMs: performance.now() - started }));
      api.onInitError(({ payload }) => done({ ok: false, payload, durationMs: performance.now() - started }));
      void this.exit.then((code) =>
        done({ ok: false, durationMs: performance.now() - started, payload: errorPayload('Runtime.ExitError', `Runtime exited with error: exit status ${code}`) }),
      );
    });
    this.capture(child);
  }

  static async start(fn: FunctionDefinition, taskRoot: string, sink: LogSink): Promise<ExecutionEnvironment> {
    const api = await RuntimeApi.start();
    const env = functionEnvironment(fn, { runtimeApi: api.address, taskRoot, logStream: logStreamName() });
    const [command, args] = runtimeCommand(fn);
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
    let outcome: RuntimeOutcome | { kind: 'timeout' } | { kind: 'exit'; code: number | null } | { kind: 'init-failed'; payload: Buffer };
    if (!init.ok) {
      outcome = { kind: 'init-failed', payload: init.payload };
    } else {
      const deadlineMs = Date.now() + this.fn.timeoutSeconds * 1000;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<{ kind: 'timeout' }>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), this.fn.timeoutSeconds * 1000);
      });
      outcome = await Promise.race([
        this.api.invoke({ requestId, deadlineMs, functionArn: functionArn(this.fn), traceId: traceId(), payload, clientContext: options.clientContext }),
        timeout,
        this.exit.then((code) => ({ kind: 'exit' as const, code })),
      ]);
      clearTimeout(timer);
    }
    const durationMs = performance.now() - started;
    // Lines the runtime wrote just before it answered may still be in the pipe.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

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
        result = errorPayload('Sandbox.Timedout', `RequestId: ${requestId} Error: Task timed out after ${this.fn.timeoutSeconds.toFixed(2)} seconds`);
        this.kill();
        break;
      case 'exit':
        result = errorPayload('Runtime.ExitError', `RequestId: ${requestId} Error: Runtime exited with error: exit status ${outcome.code}`);
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
    return { requestId, payload: result, functionError: status === 'success' ? undefined : 'Unhandled', log: `${this.lines.join('\n')}\n`, coldStart };
  }

  /** Stops the environment and everything it started. */
  kill(): void {
    if (!this.exited && this.child.pid !== undefined) {
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

  private platform(line: string): void {
    this.lines.push(line);
    this.sink(this.fn.name, line);
  }

  private capture(child: ChildProcess): void {
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) {
          (this.initialising ? this.initLines : this.lines).push(line);
          this.sink(this.fn.name, line);
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
