// Functions on a python3.x runtime: local/runtime/python-bootstrap.py against the Runtime API.
import t from 'tap';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { fixtureFunction } from '../../helpers/target.js';

const python = (overrides = {}) =>
  fixtureFunction('python-counter', {
    runtime: 'python3.12',
    handler: 'handler.lambda_handler',
    memorySize: 256,
    ...overrides,
  });
const json = (payload: Buffer): Record<string, unknown> =>
  JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
const invoke = (pool: FunctionPool, event: unknown) => pool.invoke(Buffer.from(JSON.stringify(event)));

t.test(
  'a Python handler: event in, result out, module state kept warm, an Init Duration on the cold start',
  async (t) => {
    const pool = new FunctionPool(python());
    t.teardown(() => pool.close());
    const first = await invoke(pool, { hello: 'wörld' });
    const second = await invoke(pool, {});
    t.match(json(first.payload), {
      invocations: 1,
      event: { hello: 'wörld' },
      requestId: first.requestId,
      memory: '256',
    });
    t.ok((json(first.payload).remainingMs as number) > 1000, 'the context knows the deadline');
    t.match(json(second.payload), { invocations: 2, pid: json(first.payload).pid });
    t.match(first.log, /REPORT RequestId: .*\tInit Duration: \d+\.\d\d ms/);
    t.notMatch(second.log, /Init Duration/);
  },
);

t.test('the drain: printed lines reach their own log, the marker never does, and its variable is gone', async (t) => {
  const pool = new FunctionPool(python());
  t.teardown(() => pool.close());
  const first = await invoke(pool, {});
  const second = await invoke(pool, {});
  t.equal(json(first.payload).drainVariable, null, 'the bootstrap took the stack’s variable out before the handler');
  t.match(first.log, /^python-counter: invocation 1$/m);
  t.match(second.log, /^python-counter: invocation 2$/m);
  t.notMatch(second.log, /invocation 1/, 'the first invocation’s lines stay in its own log');
  for (const log of [first.log, second.log])
    t.notOk(log.includes('lambda-local-drain'), 'the stack’s marker never shows');
});

t.test('an exception is a function error with the Python error shape', async (t) => {
  const pool = new FunctionPool(python());
  t.teardown(() => pool.close());
  const failed = await invoke(pool, { fail: true });
  t.equal(failed.functionError, 'Unhandled');
  t.match(json(failed.payload), { errorMessage: 'asked to fail', errorType: 'ValueError' });
  t.ok(Array.isArray(json(failed.payload).stackTrace));
  t.match(json((await invoke(pool, {})).payload), { invocations: 2 }, 'the environment lives on');
});

t.test('a handler that cannot be imported is an init error', async (t) => {
  const pool = new FunctionPool(python({ handler: 'missing.lambda_handler' }));
  t.teardown(() => pool.close());
  const failed = await invoke(pool, {});
  t.equal(failed.functionError, 'Unhandled');
  t.match(json(failed.payload), { errorType: 'ModuleNotFoundError', errorMessage: /missing/ });
});
