// No input poisons the stack: what the Runtime API cannot deliver ends one invocation, not
// the environment pool; a runtime that dies takes its Runtime API with it and is named as
// Lambda names it; a second poller is refused; every line written before an answer is kept.
import t from 'tap';
import { request } from 'node:http';
import { ExecutionEnvironment } from '../../../local/runtime/instance.js';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { RuntimeApi } from '../../../local/runtime/runtime-api.js';
import { fixtureFunction } from '../../helpers/target.js';

const json = (payload: Buffer): Record<string, unknown> =>
  JSON.parse(payload.toString('utf8')) as Record<string, unknown>;

/** POSTs `body` to the Runtime API; the status it answers. */
function post(address: string, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`http://${address}${path}`, { method: 'POST' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function get(
  address: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`http://${address}${path}`, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const invocation = (requestId: string, clientContext?: string) => ({
  requestId,
  deadlineMs: Date.now() + 3000,
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
  traceId: 'Root=1-0-0',
  payload: Buffer.from('{}'),
  clientContext,
});

t.test('Runtime API: a client context of any characters arrives as equal JSON in a header', async (t) => {
  const api = await RuntimeApi.start();
  t.teardown(() => api.close());
  const context = { custom: { emoji: '🎉', accents: 'ünï', newline: 'a\r\nb', latin1: 'ÿ' }, env: { locale: 'ja-JP' } };
  const outcome = api.invoke(invocation('req-1', JSON.stringify(context, null, 2)));
  const next = await get(api.address, '/2018-06-01/runtime/invocation/next');
  t.equal(next.status, 200);
  const header = String(next.headers['lambda-runtime-client-context']);
  t.match(header, /^[\x20-\x7e]+$/, 'printable ASCII only');
  t.same(JSON.parse(header), context, 'the same JSON value');
  t.equal(await post(api.address, '/2018-06-01/runtime/invocation/req-1/response', '{"ok":true}'), 202);
  const done = await outcome;
  t.match(done, { kind: 'response' }, 'the invocation was handed over and answered');
});

t.test('Runtime API: an invocation that cannot be delivered ends with an error, not a stuck environment', async (t) => {
  const api = await RuntimeApi.start();
  t.teardown(() => api.close());
  const poll = get(api.address, '/2018-06-01/runtime/invocation/next').catch((error: Error) => error);
  // A request id no header can carry: writing the headers throws.
  await new Promise((resolve) => api.onReady(() => resolve(undefined)));
  const outcome = await api.invoke(invocation('bad\r\nid'));
  t.match(outcome, { kind: 'undelivered', message: /Invalid character|header/i });
  t.type(await poll, Error, 'the poll is dropped, not answered with a half-written invocation');
  // The API is free again: the next invocation is taken.
  const next = get(api.address, '/2018-06-01/runtime/invocation/next');
  const second = api.invoke(invocation('req-2'));
  t.equal((await next).headers['lambda-runtime-aws-request-id'], 'req-2');
  void second;
});

t.test('Runtime API: a second poller is refused, while one waits and while an invocation is out', async (t) => {
  const api = await RuntimeApi.start();
  t.teardown(() => api.close());
  const first = get(api.address, '/2018-06-01/runtime/invocation/next');
  await new Promise((resolve) => api.onReady(() => resolve(undefined)));
  const second = await get(api.address, '/2018-06-01/runtime/invocation/next');
  t.equal(second.status, 403, 'a poller while one waits');
  t.match(JSON.parse(second.body), { errorType: 'InvalidStateTransition' });
  const outcome = api.invoke(invocation('req-3'));
  t.equal((await first).headers['lambda-runtime-aws-request-id'], 'req-3', 'the first poller has it');
  const third = await get(api.address, '/2018-06-01/runtime/invocation/next');
  t.equal(third.status, 403, 'a poller while the invocation is out');
  const forged = await post(api.address, '/2018-06-01/runtime/invocation/req-other/response', '{"forged":true}');
  t.equal(forged, 400, 'a response for another request id is refused');
  const answered = await post(api.address, '/2018-06-01/runtime/invocation/req-3/response', '{"ok":true}');
  t.equal(answered, 202);
  t.match(await outcome, { kind: 'response' });
});

t.test('a client context with an emoji: the function gets it, and every later call answers', async (t) => {
  const pool = new FunctionPool(fixtureFunction('env-dump'));
  t.teardown(() => pool.close());
  const context = { custom: { note: 'déjà vu 🎉\r\n' } };
  const first = await pool.invoke(Buffer.from('{}'), { clientContext: JSON.stringify(context) });
  t.equal(first.functionError, undefined);
  t.match(
    (json(first.payload).context as { clientContext: { custom: unknown } }).clientContext,
    { custom: context.custom },
    'as sent',
  );
  for (const attempt of [1, 2]) {
    const next = await pool.invoke(Buffer.from('{}'));
    t.equal(next.functionError, undefined, `call ${attempt} after it answers`);
  }
});

t.test(
  'a runtime killed by a signal: named as Lambda names it, its Runtime API closed, the next call answers',
  async (t) => {
    const fn = fixtureFunction('crash');
    const pool = new FunctionPool(fn);
    t.teardown(() => pool.close());
    for (const [signal, words] of [
      ['SIGKILL', 'signal: killed'],
      ['SIGSEGV', 'signal: segmentation fault'],
    ] as const) {
      const result = await pool.invoke(Buffer.from(JSON.stringify({ signal })));
      t.equal(result.functionError, 'Unhandled', signal);
      t.match(json(result.payload), {
        errorType: 'Runtime.ExitError',
        errorMessage: new RegExp(`Error: Runtime exited with error: ${words}$`),
      });
      t.equal(pool.size, 0, 'the environment is gone from the pool');
    }
    const exited = await pool.invoke(Buffer.from(JSON.stringify({ exit: 3 })));
    t.match(json(exited.payload), { errorMessage: /Runtime exited with error: exit status 3$/ });
    const fine = await pool.invoke(Buffer.from('{}'));
    t.equal(fine.functionError, undefined, 'the next call answers');

    const environment = await ExecutionEnvironment.start(fn, fn.code, () => {});
    t.teardown(() => environment.stop());
    t.equal(environment.runtimeApiListening, true);
    await environment.invoke(Buffer.from(JSON.stringify({ signal: 'SIGKILL' })));
    t.equal(environment.runtimeApiListening, false, 'no Runtime API listener left behind, before anyone stops it');
  },
);

t.test('every line the function wrote before it answered is in its log', async (t) => {
  const pool = new FunctionPool(fixtureFunction('crash'));
  t.teardown(() => pool.close());
  for (const lines of [1, 500, 5000]) {
    const result = await pool.invoke(Buffer.from(JSON.stringify({ lines })));
    const logged = result.log.split('\n').filter((line) => line.includes(` of ${lines}`));
    t.equal(logged.length, lines, `${lines} lines`);
    t.match(result.log.trim().split('\n').at(-1), /^REPORT /, 'REPORT last');
  }
});

t.test('output the function left without a newline is kept as a line of its own', async (t) => {
  const pool = new FunctionPool(fixtureFunction('crash'));
  t.teardown(() => pool.close());
  const result = await pool.invoke(Buffer.from(JSON.stringify({ unterminated: 'no newline here' })));
  const lines = result.log.trim().split('\n');
  t.ok(lines.includes('no newline here'), 'the text, alone on its line');
  t.notOk(result.log.includes('lambda-local-drain'), 'the stack’s marker never shows');
  t.match(lines.at(-1), /^REPORT|"type":"platform.report"/);
});
