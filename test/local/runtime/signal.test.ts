// local/runtime/signal.ts: an execution environment races its exit and its closed pipes on
// every invocation. Each race gets its own promise and lets go of it, so a warm
// environment holds nothing for the invocations it has answered.
import t from 'tap';
import { Signal } from '../../../local/runtime/signal.js';

/** A promise and the function that settles it. */
function later<T>(): { promise: Promise<T>; settle: (value: T) => void } {
  let settle: ((value: T) => void) | undefined;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle: (value) => settle?.(value) };
}

t.test('a thousand races released: nothing held; the next one still hears the value', async (t) => {
  const source = later<string>();
  const signal = new Signal(source.promise);
  for (let i = 0; i < 1000; i++) {
    const waiting = signal.wait();
    await Promise.race([waiting.promise, Promise.resolve('answered first')]);
    waiting.release();
  }
  t.equal(signal.waiting, 0, 'no race left waiting');
  const last = signal.wait();
  t.equal(signal.waiting, 1, 'a race not yet released is held');
  source.settle('exit status 1');
  t.equal(await last.promise, 'exit status 1');
  t.equal(signal.waiting, 0, 'settling lets go of every race');
});

t.test('after the value: a wait settles at once with it, and holds nothing', async (t) => {
  const signal = new Signal(Promise.resolve('signal: killed'));
  await new Promise((resolve) => setImmediate(resolve));
  const waiting = signal.wait();
  t.equal(signal.waiting, 0);
  t.equal(await waiting.promise, 'signal: killed');
  waiting.release();
});

t.test('a released race is not settled later', async (t) => {
  const source = later<string>();
  const signal = new Signal(source.promise);
  const released = signal.wait();
  released.release();
  let settled = false;
  void released.promise.then(() => {
    settled = true;
  });
  source.settle('exit status 2');
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(settled, false, 'it lost its race; nothing resolves it now');
});
