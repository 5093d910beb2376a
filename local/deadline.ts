/**
 * `work`'s value, or, when `work` has not settled within `limitMs`, what `late()` returns
 * then. A rejection of `work` within the limit rejects the result; one after it is
 * ignored, as is the value. The timer is cleared as soon as the result is settled, so a
 * finished race holds no timer (and keeps no process alive).
 */
export function within<T, L>(work: Promise<T>, limitMs: number, late: () => L): Promise<T | L> {
  return new Promise<T | L>((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (error) {
        reject(error);
      }
    }, limitMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
