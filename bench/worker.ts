// A worker process speaking the line protocol of bench/workers/* over fd 3: started fresh,
// it reports its init (import + first call), then answers one command a line.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { root } from './config.js';
import type { Implementation } from './lineup.js';

/** A number the worker's JSON reply holds under `field`, or an error naming what came instead. */
function numberIn(line: string, field: string): number {
  const reply: unknown = JSON.parse(line);
  const value = typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'number') throw new Error(`worker replied ${line}, expected a number in ${field}`);
  return value;
}

export class Worker {
  private readonly pending: ((line: string) => void)[] = [];
  private readonly child: ChildProcess;
  /** ms from the worker's first line to the end of its first call. */
  readonly init: Promise<number>;

  constructor(implementation: Implementation) {
    this.child = spawn(implementation.command, [...implementation.args], {
      cwd: root,
      stdio: ['pipe', 'ignore', 'inherit', 'pipe'],
    });
    const replies = createInterface({ input: this.child.stdio[3] as Readable });
    replies.on('line', (line) => this.pending.shift()?.(line));
    this.init = new Promise<string>((resolve) => this.pending.push(resolve)).then((line) => numberIn(line, 'initMs'));
  }

  private ask(command: string, field: string): Promise<number> {
    return new Promise<string>((resolve) => {
      this.pending.push(resolve);
      this.child.stdin?.write(`${command}\n`);
    }).then((line) => numberIn(line, field));
  }

  /** ms a call over `calls` calls. */
  warm(calls: number): Promise<number> {
    return this.ask(`warm ${calls}`, 'msPerCall');
  }

  /** ms a call, calling for `ms` milliseconds. */
  warmFor(ms: number): Promise<number> {
    return this.ask(`warm-for ${ms}`, 'msPerCall');
  }

  /** Bytes of the last response's PNG. */
  pngBytes(): Promise<number> {
    return this.ask('size', 'bytes');
  }

  /** Peak RSS in KB after `calls` more calls. */
  maxRssKbAfter(calls: number): Promise<number> {
    return this.ask(`rss ${calls}`, 'maxRssKb');
  }

  stop(): void {
    this.child.kill();
  }
}
