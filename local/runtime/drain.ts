import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { within } from '../deadline.js';
import type { Signal } from './signal.js';

/**
 * The drain protocol: the stack writes `drain <token>` on a runtime's stdin, and the
 * runtime (launch.mjs, python-bootstrap.py) writes DRAIN_MARKER and the token as a line
 * on stdout and on stderr. Each stream keeps its order, so once both markers have been
 * read every line the runtime wrote before it has arrived.
 */

/** What begins the line a runtime echoes; a NUL, which no log line of the function's begins with. */
export const DRAIN_MARKER = '\u0000lambda-local-drain ';

/**
 * The variable that gives a runtime the marker, JSON-encoded (a variable cannot hold a
 * NUL). The runtime reads it and takes it out of its own environment before the handler
 * loads: the function sees Lambda's variables only.
 */
export const DRAIN_MARKER_VARIABLE = 'LAMBDA_LOCAL_DRAIN_MARKER';

/** The variables a runtime process needs for the protocol, beside the function's own. */
export function drainVariables(): Record<string, string> {
  return { [DRAIN_MARKER_VARIABLE]: JSON.stringify(DRAIN_MARKER) };
}

/** How long a runtime gets to echo a marker before its invocation is reported anyway. */
export const DRAIN_LIMIT_MS = 1000;

/** The stack's side of the protocol, for one runtime process. */
export class Drain {
  /** The markers still awaited per token, and what to call once none is. */
  private readonly pending = new Map<string, { markers: number; resolve: () => void }>();

  /** `outputClosed`: the runtime's output streams have both closed, nothing more can arrive. */
  constructor(
    private readonly outputClosed: Signal<void>,
    private readonly limitMs = DRAIN_LIMIT_MS,
  ) {}

  /**
   * Asks the runtime through `stdin` and waits for its marker on both streams, for the
   * output to close, or for the limit: a runtime too busy to echo does not hold the
   * invocation longer than that. Without a writable stdin, waits as `settle` does.
   */
  async request(stdin: Writable | null | undefined): Promise<void> {
    if (!stdin?.writable) return this.settle();
    const token = randomUUID();
    const echoed = new Promise<void>((resolve) => this.pending.set(token, { markers: 2, resolve }));
    stdin.write(`drain ${token}\n`);
    const closed = this.outputClosed.wait();
    try {
      await within(Promise.race([echoed, closed.promise]), this.limitMs, () => undefined);
    } finally {
      closed.release();
      this.pending.delete(token);
    }
  }

  /**
   * Waits for the output streams to close, or for the limit: a process the function
   * started can keep the pipes open after the runtime has gone, and must not hold the
   * invocation (and its place in the pool) with them.
   */
  async settle(): Promise<void> {
    const closed = this.outputClosed.wait();
    try {
      await within(closed.promise, this.limitMs, () => undefined);
    } finally {
      closed.release();
    }
  }

  /**
   * One line read from the runtime, with a marker counted and taken out: the text before
   * it (a line the function left without a newline), the whole line when it holds none,
   * or undefined when nothing but the marker was there.
   */
  take(line: string): string | undefined {
    const at = line.indexOf(DRAIN_MARKER);
    if (at < 0) return line;
    const drain = this.pending.get(line.slice(at + DRAIN_MARKER.length));
    if (drain && --drain.markers === 0) drain.resolve();
    return at === 0 ? undefined : line.slice(0, at);
  }
}
