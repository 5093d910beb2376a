// A save under load loses nothing: invocations under way finish on the old code, every
// later one cold-starts on the new, and no environment serves a copy that was replaced.
import t from 'tap';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { openGate } from '../../helpers/gate.js';
import { fixtureFunction } from '../../helpers/target.js';

const handlerOf = (version: number): string => `
export const handler = async (event) => {
  if (event.holdMs) await new Promise((resolve) => setTimeout(resolve, event.holdMs));
  if (event.gate) await (await fetch(event.gate)).text();
  return { version: ${version}, pid: process.pid };
};
`;

async function codeFolder(t: { teardown(fn: () => unknown): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reload-code-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'index.mjs'), handlerOf(1));
  return dir;
}

type Answer = { version: number; pid: number };
const answerOf = (payload: Buffer): Answer => JSON.parse(payload.toString('utf8')) as Answer;

t.test('saves during a steady load: zero failed invocations, and the new code answers after each', async (t) => {
  const code = await codeFolder(t);
  const pool = new FunctionPool(fixtureFunction('counter', { name: 'reload-load', code }), () => {}, 6);
  t.teardown(() => pool.close());
  let stop = false;
  let answered = 0;
  const failures: string[] = [];
  const worker = async (): Promise<void> => {
    while (!stop) {
      try {
        const result = await pool.invoke(Buffer.from(JSON.stringify({ holdMs: 5 })));
        if (result.functionError) failures.push(result.payload.toString());
        else answered++;
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const workers = Array.from({ length: 4 }, () => worker());
  for (const version of [2, 3, 4]) {
    const before = answered;
    // Load is running: wait until a few more invocations have been answered on the old code.
    while (answered < before + 8) await pool.invoke(Buffer.from('{}'));
    await writeFile(join(code, 'index.mjs'), handlerOf(version));
    await pool.reload();
    t.equal(
      answerOf((await pool.invoke(Buffer.from('{}'))).payload).version,
      version,
      `after save ${version - 1}: the new code answers`,
    );
  }
  stop = true;
  await Promise.all(workers);
  t.same(failures, [], `no failed invocation among ${answered}`);
  t.equal((await pool.taskRoots()).length, 1, 'only the newest copy of the code is left');
});

t.test('a busy environment finishes on the old code, then retires; its copy goes with it', async (t) => {
  const code = await codeFolder(t);
  const pool = new FunctionPool(fixtureFunction('counter', { name: 'reload-busy', code }));
  t.teardown(() => pool.close());
  const warm = answerOf((await pool.invoke(Buffer.from('{}'))).payload);
  const [oldRoot] = await pool.taskRoots();
  const gate = await openGate();
  t.teardown(() => gate.close());
  const busy = pool.invoke(Buffer.from(JSON.stringify({ gate: gate.url })));
  await gate.arrival(1); // it is running
  await writeFile(join(code, 'index.mjs'), handlerOf(2));
  await pool.reload();
  t.ok(existsSync(oldRoot!), 'the old copy stays while an invocation runs on it');
  const fresh = answerOf((await pool.invoke(Buffer.from('{}'))).payload);
  t.equal(fresh.version, 2, 'a new invocation cold-starts on the new code');
  t.not(fresh.pid, warm.pid);
  gate.release();
  const finished = await busy;
  t.equal(finished.functionError, undefined, 'the busy one was not killed');
  t.same(
    answerOf(finished.payload),
    { version: 1, pid: warm.pid },
    'it finished on the old code, in its own environment',
  );
  t.notOk(existsSync(oldRoot!), 'then its environment retired and the old copy was removed');
  t.equal(pool.size, 1);
});

t.test('an environment still starting when the code changes never serves the replaced copy', async (t) => {
  const code = await codeFolder(t);
  const pool = new FunctionPool(fixtureFunction('counter', { name: 'reload-starting', code }));
  t.teardown(() => pool.close());
  const cold = pool.invoke(Buffer.from('{}')); // starting: no environment exists yet
  await writeFile(join(code, 'index.mjs'), handlerOf(2));
  await pool.reload();
  const answer = await cold;
  t.equal(answer.functionError, undefined);
  t.equal(answerOf(answer.payload).version, 2, 'it answered on the new code');
  t.equal((await pool.taskRoots()).length, 1, 'the replaced copy is gone');
});
