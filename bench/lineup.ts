// The implementations measured side by side: the function's bundle on the tutorial's call,
// on a dialect route and on a payload builder, the naive Node port, and the tutorial's Python
// handler when Debian's Python can import qrcode and Pillow.
import { EVENT, PYTHON, TUTORIAL_URL } from './config.js';

export type ImplementationKey = 'ours' | 'naive' | 'dialect' | 'builder' | 'python';

/** One value for each implementation; the Python handler's only when it could run. */
export interface Lineup<T> {
  readonly ours: T;
  readonly naive: T;
  readonly dialect: T;
  readonly builder: T;
  readonly python?: T;
}

export interface Implementation {
  readonly key: ImplementationKey;
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** Each value of a lineup through `f`, its key beside it. */
export function mapLineup<A, B>(lineup: Lineup<A>, f: (value: A, key: ImplementationKey) => B): Lineup<B> {
  return {
    ours: f(lineup.ours, 'ours'),
    naive: f(lineup.naive, 'naive'),
    dialect: f(lineup.dialect, 'dialect'),
    builder: f(lineup.builder, 'builder'),
    ...(lineup.python !== undefined && { python: f(lineup.python, 'python') }),
  };
}

/** Two lineups joined value by value; the Python handler's only when both have it. */
export function zipLineups<A, B, C>(a: Lineup<A>, b: Lineup<B>, join: (a: A, b: B) => C): Lineup<C> {
  return {
    ours: join(a.ours, b.ours),
    naive: join(a.naive, b.naive),
    dialect: join(a.dialect, b.dialect),
    builder: join(a.builder, b.builder),
    ...(a.python !== undefined && b.python !== undefined && { python: join(a.python, b.python) }),
  };
}

/** The values in the order the report lists them. */
export const lineupValues = <T>(lineup: Lineup<T>): T[] =>
  [lineup.ours, lineup.naive, lineup.dialect, lineup.builder, lineup.python].filter(
    (value): value is T => value !== undefined,
  );

/** A lineup's promises, awaited. */
export async function settled<T>(lineup: Lineup<Promise<T>>): Promise<Lineup<T>> {
  const [ours, naive, dialect, builder, python] = await Promise.all([
    lineup.ours,
    lineup.naive,
    lineup.dialect,
    lineup.builder,
    lineup.python,
  ]);
  return { ours, naive, dialect, builder, ...(python !== undefined && { python }) };
}

// The features beside the tutorial's call: a dialect route (QuickChart's GET /qr, its
// chunk loaded on the first call) and a payload builder (wifi, POSTed).
const DIALECT_EVENT = JSON.stringify({
  version: '2.0',
  routeKey: 'GET /qr',
  rawPath: '/qr',
  rawQueryString: `text=${encodeURIComponent(TUTORIAL_URL)}&size=370&ecLevel=L`,
  headers: {},
  requestContext: { http: { method: 'GET', path: '/qr' }, stage: '$default' },
  isBase64Encoded: false,
});
const BUILDER_EVENT = JSON.stringify({
  body: JSON.stringify({ type: 'wifi', ssid: 'qr-lambda guests', password: 'correct horse battery' }),
});

/** A Node implementation: the worker running `module`'s handler on `event`. */
const nodeWorker = (key: ImplementationKey, label: string, module: string, event: string): Implementation => ({
  key,
  label,
  command: process.execPath,
  args: ['bench/workers/node-worker.mjs', module, event],
});

/** Who is measured; the Python handler when `withPython`. */
export function implementations(withPython: boolean): Lineup<Implementation> {
  return {
    ours: nodeWorker('ours', 'qr-lambda (build/lambda/index.mjs)', 'build/lambda/index.mjs', EVENT),
    naive: nodeWorker('naive', 'naive Node port (qrcode.toBuffer)', 'bench/baselines/naive-node/index.mjs', EVENT),
    dialect: nodeWorker('dialect', 'qr-lambda, GET /qr (QuickChart dialect)', 'build/lambda/index.mjs', DIALECT_EVENT),
    builder: nodeWorker(
      'builder',
      'qr-lambda, POST type wifi (payload builder)',
      'build/lambda/index.mjs',
      BUILDER_EVENT,
    ),
    ...(withPython && {
      python: {
        key: 'python',
        label: 'tutorial Python (qrcode + Pillow)',
        command: PYTHON,
        args: ['bench/workers/python_worker.py', 'bench/baselines/python', EVENT],
      },
    }),
  };
}
