// local/deadline.ts: a promise's value, or what comes after a limit; either way its timer
// is cleared once the result is settled, so a finished race keeps nothing alive.
import t from 'tap';
import { within } from '../../local/deadline.js';

/** A promise and the functions that settle it. */
function later<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: ((value: T) => void) | undefined;
  let reject: ((error: Error) => void) | undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve: (value) => resolve?.(value), reject: (error) => reject?.(error) };
}

/** The timers this process holds now. */
const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

t.test('the work settles first: its value, late() never called, the timer cleared', async (t) => {
  const work = later<string>();
  let lateCalls = 0;
  const before = timers();
  const result = within(work.promise, 60_000, () => {
    lateCalls++;
    return 'late';
  });
  t.equal(timers(), before + 1, 'one timer while the race runs');
  work.resolve('answered');
  t.equal(await result, 'answered');
  t.equal(timers(), before, 'its timer is cleared');
  t.equal(lateCalls, 0);
});

t.test('the work rejects first: the result rejects with its error, the timer cleared', async (t) => {
  const work = later<string>();
  const before = timers();
  const result = within(work.promise, 60_000, () => 'late');
  work.reject(new Error('throttled'));
  await t.rejects(result, { message: 'throttled' });
  t.equal(timers(), before, 'its timer is cleared');
});

t.test('the limit passes first: what late() returns, called once; the work settling after is ignored', async (t) => {
  const work = later<string>();
  let lateCalls = 0;
  const before = timers();
  const result = within(work.promise, 1, () => {
    lateCalls++;
    return 'timeout' as const;
  });
  t.equal(await result, 'timeout');
  t.equal(lateCalls, 1);
  t.equal(timers(), before, 'no timer left');
  // A rejection after the limit is not an unhandled rejection: tap would fail the run.
  work.reject(new Error('too late to matter'));
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(await result, 'timeout', 'the result stays as it was');
});

t.test('late() that throws rejects the result', async (t) => {
  const result = within(new Promise<never>(() => {}), 1, () => {
    throw new Error('stopping failed');
  });
  await t.rejects(result, { message: 'stopping failed' });
});
