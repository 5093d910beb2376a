// local/runtime/drain.ts, in process: the stack's side of the drain protocol. A request
// writes `drain <token>` for the runtime and waits for the marker on both streams, or for
// the output to close, or for its limit; the marker lines never reach the log.
import t from 'tap';
import { PassThrough } from 'node:stream';
import {
  DRAIN_LIMIT_MS,
  DRAIN_MARKER,
  DRAIN_MARKER_VARIABLE,
  Drain,
  drainVariables,
} from '../../../local/runtime/drain.js';
import { Signal } from '../../../local/runtime/signal.js';

const never = (): Signal<void> => new Signal(new Promise<void>(() => {}));
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A stdin to hand a Drain, and the tokens it was asked for, as the runtime reads them. */
function runtimeStdin(): { stdin: PassThrough; tokens: () => string[] } {
  const stdin = new PassThrough();
  let written = '';
  stdin.setEncoding('utf8');
  stdin.on('data', (chunk: string) => {
    written += chunk;
  });
  return { stdin, tokens: () => [...written.matchAll(/^drain (\S+)\n/gm)].map((match) => match[1] as string) };
}

/** Whether `promise` has settled by now. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await tick();
  return done;
}

t.test('a request is answered once the marker has come on both streams', async (t) => {
  const drain = new Drain(never(), 60_000);
  const { stdin, tokens } = runtimeStdin();
  const request = drain.request(stdin);
  await tick();
  const [token] = tokens();
  t.type(token, 'string', 'the runtime is asked with a token');
  t.equal(drain.take(`${DRAIN_MARKER}${token}`), undefined, 'the marker line itself is not a log line');
  t.equal(await settled(request), false, 'one stream is not enough: stderr may still hold lines');
  t.equal(drain.take(`${DRAIN_MARKER}${token}`), undefined);
  t.equal(await settled(request), true, 'both markers: every earlier line has arrived');
});

t.test('a marker after text the function left without a newline: the text stays a line', async (t) => {
  const drain = new Drain(never(), 60_000);
  const { stdin, tokens } = runtimeStdin();
  const request = drain.request(stdin);
  await tick();
  const [token] = tokens();
  t.equal(drain.take(`no newline${DRAIN_MARKER}${token}`), 'no newline');
  t.equal(drain.take(`${DRAIN_MARKER}${token}`), undefined);
  await request;
  t.equal(drain.take('a plain line'), 'a plain line', 'a line without a marker is kept as it is');
  t.equal(drain.take(`${DRAIN_MARKER}a-token-nobody-asked-for`), undefined, 'a stray marker is dropped too');
});

t.test('a runtime that never echoes is given up on at the limit', async (t) => {
  const drain = new Drain(never(), 5);
  const { stdin, tokens } = runtimeStdin();
  await drain.request(stdin);
  const [token] = tokens();
  t.type(token, 'string', 'it was asked');
  t.equal(drain.take(`${DRAIN_MARKER}${token}`), undefined, 'a marker after the limit is dropped, no harm done');
});

t.test('output that has closed ends the wait: nothing more can arrive', async (t) => {
  const drain = new Drain(new Signal(Promise.resolve()), 60_000);
  const { stdin } = runtimeStdin();
  t.equal(await settled(drain.request(stdin)), true);
  t.equal(await settled(drain.settle()), true);
});

t.test('without a stdin to write to, no request: it waits for the output to close, or the limit', async (t) => {
  const { stdin, tokens } = runtimeStdin();
  stdin.end();
  await new Drain(never(), 5).request(stdin);
  await new Drain(never(), 5).request(undefined);
  t.same(tokens(), [], 'nothing written');
  let close: (() => void) | undefined;
  const closing = new Promise<void>((resolve) => {
    close = resolve;
  });
  const waiting = new Drain(new Signal(closing), 60_000).settle();
  t.equal(await settled(waiting), false, 'still waiting while the output is open and the limit is far');
  close?.();
  t.equal(await settled(waiting), true, 'over once it closes');
});

t.test('the marker reaches a runtime through its environment, JSON-encoded', async (t) => {
  const variables = drainVariables();
  const value = variables[DRAIN_MARKER_VARIABLE] as string;
  t.notOk(value.includes('\u0000'), 'a variable cannot hold a NUL');
  t.equal(JSON.parse(value), DRAIN_MARKER);
  t.ok(DRAIN_MARKER.startsWith('\u0000'), 'no line the function prints starts like it by accident');
  t.equal(DRAIN_LIMIT_MS, 1000, 'a second, as docs/local-stack.md says');
});
