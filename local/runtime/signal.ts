/**
 * A long-lived promise to race against many times without holding on to each race.
 *
 * `Promise.race([longLived, ...])` adds a reaction to `longLived` on every call, and each
 * one stays, with whatever its race holds, until `longLived` settles: for a warm execution
 * environment that is one more per invocation for as long as the environment lives.
 * `wait()` gives each race a promise of its own, and `release()` lets go of it.
 */
export class Signal<T> {
  private outcome: { readonly value: T } | undefined;
  private readonly waiters = new Set<(value: T) => void>();

  /** `source` must not reject (an environment's exit and closed pipes never do). */
  constructor(source: Promise<T>) {
    void source.then((value) => {
      this.outcome = { value };
      for (const waiter of this.waiters) waiter(value);
      this.waiters.clear();
    });
  }

  /** A promise of the value, and the function that lets go of it once the race is over. */
  wait(): { readonly promise: Promise<T>; readonly release: () => void } {
    if (this.outcome) return { promise: Promise.resolve(this.outcome.value), release: () => {} };
    let waiter: ((value: T) => void) | undefined;
    const promise = new Promise<T>((resolve) => {
      waiter = resolve;
    });
    const held = waiter as (value: T) => void;
    this.waiters.add(held);
    return { promise, release: () => this.waiters.delete(held) };
  }

  /** Races still waiting: none once each has been released. */
  get waiting(): number {
    return this.waiters.size;
  }
}
