import type { ReportMetrics } from './platform-log.js';
import type { RuntimeOutcome } from './runtime-api.js';

/** How an invocation ended: as the runtime reported it, or as the environment saw it end without a report. */
export type Outcome =
  | RuntimeOutcome
  | { readonly kind: 'timeout' }
  | { readonly kind: 'exit'; readonly how: string }
  | { readonly kind: 'init-failed'; readonly payload: Buffer };

/** What the caller gets for an outcome, and what becomes of the environment. */
export interface Answer {
  readonly payload: Buffer;
  readonly status: ReportMetrics['status'];
  /** The environment is not trusted with another invocation: it is stopped. */
  readonly retire: boolean;
}

/** A function error's payload, as Lambda shapes its own. */
export const errorPayload = (errorType: string, errorMessage: string): Buffer =>
  Buffer.from(JSON.stringify({ errorType, errorMessage }));

/** The answer to invocation `requestId` that ended in `outcome`, on a function with this timeout. */
export function answerOf(outcome: Outcome, requestId: string, timeoutSeconds: number): Answer {
  switch (outcome.kind) {
    case 'response':
      return { payload: outcome.payload, status: 'success', retire: false };
    case 'error':
      return { payload: outcome.payload, status: 'error', retire: false };
    case 'init-failed':
      return { payload: outcome.payload, status: 'error', retire: true };
    case 'timeout':
      return {
        payload: errorPayload(
          'Sandbox.Timedout',
          `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
        ),
        status: 'timeout',
        retire: true,
      };
    case 'exit':
      // The runtime is gone already: nothing left to stop.
      return {
        payload: errorPayload(
          'Runtime.ExitError',
          `RequestId: ${requestId} Error: Runtime exited with error: ${outcome.how}`,
        ),
        status: 'error',
        retire: false,
      };
    case 'undelivered':
      // The invocation never reached the runtime; the environment is not trusted with another.
      return {
        payload: errorPayload(
          'Runtime.InvocationDeliveryError',
          `RequestId: ${requestId} Error: the invocation could not be handed to the runtime: ${outcome.message}`,
        ),
        status: 'error',
        retire: true,
      };
  }
}
