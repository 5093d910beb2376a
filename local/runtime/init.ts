import { within } from '../deadline.js';
import { errorPayload } from './outcome.js';
import type { RuntimeApi } from './runtime-api.js';

/** Lambda's limit on the init phase of an on-demand environment. */
export const INIT_LIMIT_MS = 10_000;

/** How an environment's init phase ended, and how long it took. */
export type InitState =
  | { readonly ok: true; readonly durationMs: number }
  | { readonly ok: false; readonly payload: Buffer; readonly durationMs: number };

/**
 * The init phase, from now: over when the runtime asks for its first invocation, reports
 * an init error through `api`, or ends (`exit`, which never rejects); or when it runs past
 * INIT_LIMIT_MS, when `stop` is called and the phase is a timeout. Never rejects.
 */
export function initPhase(api: RuntimeApi, exit: Promise<string>, stop: () => void): Promise<InitState> {
  const started = performance.now();
  const since = (): number => performance.now() - started;
  const ended = new Promise<InitState>((resolve) => {
    api.onReady(() => resolve({ ok: true, durationMs: since() }));
    api.onInitError(({ payload }) => resolve({ ok: false, payload, durationMs: since() }));
    void exit.then((how) =>
      resolve({
        ok: false,
        durationMs: since(),
        payload: errorPayload('Runtime.ExitError', `Runtime exited with error: ${how}`),
      }),
    );
  });
  return within(ended, INIT_LIMIT_MS, (): InitState => {
    stop();
    return {
      ok: false,
      durationMs: INIT_LIMIT_MS,
      payload: errorPayload(
        'Sandbox.Timedout',
        `INIT_REPORT Init Duration: ${INIT_LIMIT_MS.toFixed(2)} ms Phase: init Status: timeout`,
      ),
    };
  });
}
