// `make dev`'s program: starts on the given ports, prints ready-to-paste commands,
// and leaves nothing running when stopped — by Ctrl-C or by force.
import t, { type Test } from 'tap';
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { processesGone } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function start(env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/cli.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LAMBDA_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ httpUrl: string; lambdaUrl: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const http = /HTTP API\s+(http:\/\/\S+)/.exec(output);
      const lambda = /Lambda\s+(http:\/\/\S+)/.exec(output);
      if (http && lambda && output.includes('Ctrl-C')) resolve({ httpUrl: http[1]!, lambdaUrl: lambda[1]! });
    });
    child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
  return { child, ready, output: () => output };
}

/**
 * The banner's commands, pasted into a shell in a folder that is not the project's: each must
 * succeed, and the files they write must be what they say.
 */
async function pastedElsewhere(t: Test, banner: string): Promise<void> {
  const commands = banner
    .slice(banner.indexOf('  curl '), banner.indexOf('\n\n  Watching'))
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  t.equal(commands.length, 3, 'two curl commands and the aws one');
  const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
  t.teardown(() => rmSync(elsewhere, { recursive: true, force: true }));
  const written = [...commands.join('\n').matchAll(/(\/\S+\/out\/[\w.]+)/g)].map((match) => match[1]!);
  t.same(
    written.map((path) => path.replace(root, '')),
    ['out/qr.png', 'out/invoke.json'],
    'written to out/ by absolute path',
  );
  for (const path of written) rmSync(path, { force: true });
  for (const command of commands) {
    const run = spawnSync('sh', ['-c', command], { cwd: elsewhere, encoding: 'utf8', timeout: 60_000 });
    t.equal(run.status, 0, `pasted elsewhere, succeeds: ${command.slice(0, 40)}…${run.stderr}`);
  }
  t.same([...readFileSync(written[0]!).subarray(1, 4)], [...Buffer.from('PNG')], 'out/qr.png is a PNG');
  t.equal(JSON.parse(readFileSync(written[1]!, 'utf8')).statusCode, 200, 'out/invoke.json holds the answer');
}

/**
 * docs/api.md's direct invocation against the local stack, as written there but for the port the
 * stack chose and the AWS CLI v2 the banner found.
 */
async function docsLocalInvoke(t: Test, lambdaUrl: string, banner: string): Promise<void> {
  const docs = readFileSync(join(root, 'docs/api.md'), 'utf8');
  const example = /```sh\n(aws lambda invoke --endpoint-url http:\/\/127\.0\.0\.1:3001 [\s\S]*?)```/.exec(docs)?.[1];
  t.ok(example, 'docs/api.md shows the local invocation');
  const awsCli = /# AWS CLI v2:\n {2}(\S+) lambda invoke/.exec(banner)?.[1] ?? 'aws';
  const command = example!.replace('http://127.0.0.1:3001', lambdaUrl).replace(/^aws /, `${awsCli} `);
  const folder = mkdtempSync(join(tmpdir(), 'docs-invoke-'));
  t.teardown(() => rmSync(folder, { recursive: true, force: true }));
  const run = spawnSync('sh', ['-c', command], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
  t.equal(run.status, 0, `the docs' local invocation succeeds${run.stderr}`);
  const answer = JSON.parse(readFileSync(join(folder, 'out.json'), 'utf8')) as { statusCode: number; body: string };
  t.equal(answer.statusCode, 200, 'and answers 200');
  t.equal(JSON.parse(answer.body).url, 'https://www.youtube.com/@RayanSlim087', 'for the documented URL');
}

/** Process ids whose parent is `pid`. */
const childrenOf = (pid: number): number[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter(Boolean);

for (const signal of ['SIGINT', 'SIGKILL'] as const) {
  t.test(`serves, prints the commands, and ${signal} leaves no process behind`, async (t) => {
    const { child, ready, output } = start();
    const { httpUrl, lambdaUrl } = await ready;
    t.match(output(), /curl -sS -X POST http:\/\/127\.0\.0\.1:\d+\/generate/);
    t.match(output(), new RegExp(`aws lambda invoke --endpoint-url ${lambdaUrl}`));
    t.match(output(), /# AWS CLI v2:\n {2}(\/\S+\/)?aws lambda invoke/, 'the v2 CLI by its path when one is found');
    t.match(
      output(),
      /Function\s+qr-code-generator\s+\(nodejs24\.x on Node\.js 24\.\d+\.\d+, 256 MB, 10 s/,
      'configuration from the .tf files, and the Node that runs it',
    );
    t.match(output(), new RegExp(`Page\\s+${httpUrl}/\\s`), 'the page by its URL');
    const page = await fetch(`${httpUrl}/`);
    t.match(
      [page.status, page.headers.get('content-type'), await page.text()],
      [200, /^text\/html/, /<form/],
      'and the page is there',
    );
    const response = await fetch(`${httpUrl}/generate?url=cli`);
    t.equal(response.status, 200);
    if (signal === 'SIGINT') {
      await pastedElsewhere(t, output());
      await docsLocalInvoke(t, lambdaUrl, output());
    }
    const environments = childrenOf(child.pid!);
    t.ok(environments.length >= 1, 'an execution environment is running');
    child.kill(signal);
    await once(child, 'exit');
    t.ok(await processesGone(environments), 'every environment ended with it');
  });
}

/** Resolves once the output holds `count` matches of `pattern` (tap's timeout fails a run where it never does). */
async function printed(child: ReturnType<typeof start>, pattern: RegExp, count: number): Promise<void> {
  while ((child.output().match(new RegExp(pattern, 'g')) ?? []).length < count) await once(child.child.stdout, 'data');
}

t.test(
  'Lambda’s own lines (START, END, REPORT) only with LAMBDA_PLATFORM_LOGS=1; the function’s lines always',
  async (t) => {
    for (const [env, shown] of [
      [{}, false],
      [{ LAMBDA_PLATFORM_LOGS: '1' }, true],
    ] as const) {
      const cli = start(env);
      t.teardown(() => cli.child.kill('SIGKILL'));
      const { httpUrl } = await cli.ready;
      for (const request of [1, 2]) {
        t.equal((await fetch(`${httpUrl}/generate?url=platform-${request}`)).status, 200);
        // The function's line of each request: stdout keeps its order, so once the second is
        // printed, every line written before it (the first REPORT among them) is too.
        await printed(cli, /\[qr-code-generator\] \{"level":"INFO"/, request);
      }
      // Text (START / END / REPORT) or JSON (platform.start / platform.report), as the .tf files set the log format.
      const platformLines = (
        cli.output().match(/(START|END|REPORT) RequestId: |"type":"platform\.(start|report)"/g) ?? []
      ).length;
      if (shown) t.ok(platformLines >= 2, `LAMBDA_PLATFORM_LOGS=1: Lambda's lines printed (${platformLines} lines)`);
      else t.equal(platformLines, 0, 'by default: none printed');
      cli.child.kill('SIGINT');
      await once(cli.child, 'exit');
    }
  },
);
