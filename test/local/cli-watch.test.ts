// `make dev` in a copy of the project, edited the ways editors save: every save rebuilds
// while the servers keep answering, and a failed build leaves the previous one serving.
import t from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneOfProject } from '../helpers/clone.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('saves rebuild and reload; a broken save keeps the previous build serving', async (t) => {
  const clone = await cloneOfProject();
  await symlink(join(root, 'node_modules'), join(clone, 'node_modules'));
  const built = spawn(process.execPath, ['build.mjs'], { cwd: clone, stdio: 'ignore' });
  t.equal((await once(built, 'close'))[0], 0, 'the clone builds');

  const child = spawn(process.execPath, ['--import', 'tsx', 'local/cli.ts'], {
    cwd: clone,
    env: { ...process.env, PORT: '0', LAMBDA_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => child.kill('SIGKILL'));
  let output = '';
  const waiters: { pattern: RegExp; from: number; resolve: () => void }[] = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    check();
  });
  /** Resolves when `pattern` appears in what the program prints from now on. */
  const printed = (pattern: RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never printed ${pattern}:\n${output}`)), 60_000);
      waiters.push({
        pattern,
        from: output.length,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      check();
    });

  await printed(/Ctrl-C stops/);
  const httpUrl = /HTTP API\s+(http:\/\/\S+)/.exec(output)![1]!;
  const message = async (): Promise<unknown> =>
    (
      (await (await fetch(`${httpUrl}/generate`, { method: 'POST', body: '{"url": "x"}' })).json()) as {
        message: unknown;
      }
    ).message;
  t.equal(await message(), 'QR Code generated successfully');

  const route = join(clone, 'lambda/generate/route.ts');
  const original = await readFile(route, 'utf8');
  const edited = original.replace("'QR Code generated successfully'", "'QR Code generated, edited'");

  let rebuilt = printed(/rebuilt in [\d.]+ s/);
  await writeFile(`${route}.tmp`, edited);
  await rename(`${route}.tmp`, route); // vim's and JetBrains' way
  await rebuilt;
  t.equal(await message(), 'QR Code generated, edited', 'renamed over: rebuilt and reloaded');

  const failed = printed(/build failed after [\d.]+ s: the previous build is still serving/);
  await writeFile(route, `${edited}\nexport const broken = ;\n`); // in place, and wrong
  await failed;
  t.equal(await message(), 'QR Code generated, edited', 'the previous build answers');

  rebuilt = printed(/rebuilt in [\d.]+ s/);
  await unlink(route);
  await writeFile(route, original); // deleted and created
  await rebuilt;
  t.equal(await message(), 'QR Code generated successfully', 'fixed: rebuilt again after the failure');

  child.kill('SIGINT');
  t.equal((await once(child, 'exit'))[0], 0, 'Ctrl-C stops it cleanly');
});
