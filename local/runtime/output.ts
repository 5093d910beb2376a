import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';

/**
 * Where every log line of every environment also goes (the dev server's terminal):
 * `platform` for the lines Lambda itself writes (INIT_START, START, END, REPORT), `function`
 * for what the function printed.
 */
export type LogSink = (functionName: string, line: string, source: 'platform' | 'function') => void;

/** Calls `onLine` with each whole line `stream` carries, without its newline, in order. */
export function eachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

/** Settles once the process's stdout and stderr have both closed: nothing more can arrive. Never rejects. */
export async function outputClosed(child: ChildProcess): Promise<void> {
  await Promise.all(
    [child.stdout, child.stderr].map((stream) =>
      stream && !stream.destroyed ? once(stream, 'close').catch(() => undefined) : undefined,
    ),
  );
}

/**
 * The log of one execution environment, an invocation at a time: what the function
 * printed and the platform's lines, in the order they came, each also given to the sink.
 * Lines printed during init belong to the first invocation's log, as in CloudWatch.
 */
export class EnvironmentLog {
  private lines: string[] = [];
  private initLines: string[] = [];
  private initialising = true;

  constructor(
    private readonly functionName: string,
    private readonly sink: LogSink,
  ) {}

  /** A line the function printed. */
  function(line: string): void {
    (this.initialising ? this.initLines : this.lines).push(line);
    this.sink(this.functionName, line, 'function');
  }

  /** A line Lambda itself writes (START, END, REPORT). */
  platform(line: string): void {
    this.lines.push(line);
    this.sink(this.functionName, line, 'platform');
  }

  /** Init is over and an invocation begins: its log starts empty, or with init's lines on a cold start. */
  begin(coldStart: boolean): void {
    this.initialising = false;
    this.lines = coldStart ? [...this.initLines] : [];
  }

  /** The invocation's log so far, one line each. */
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
