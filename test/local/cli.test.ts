// `make dev`'s program: starts on the given ports, prints ready-to-paste commands,
// and leaves nothing running when stopped — by Ctrl-C or by force.
import t from 'tap';
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { processesGone } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function start() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/cli.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LAMBDA_PORT: '0' },
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

/** Process ids whose parent is `pid`. */
const childrenOf = (pid: number): number[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((s) => Number(s.trim())).filter(Boolean);

for (const signal of ['SIGINT', 'SIGKILL'] as const) {
  t.test(`serves, prints the commands, and ${signal} leaves no process behind`, async (t) => {
    const { child, ready, output } = start();
    const { httpUrl, lambdaUrl } = await ready;
    t.match(output(), /curl -sS -X POST http:\/\/127\.0\.0\.1:\d+\/generate/);
    t.match(output(), new RegExp(`aws lambda invoke --endpoint-url ${lambdaUrl}`));
    t.match(output(), /# AWS CLI v2:\n {2}(\/\S+\/)?aws lambda invoke/, 'the v2 CLI by its path when one is found');
    t.match(output(), /Function\s+qr-code-generator\s+\(nodejs24\.x, 256 MB, 10 s/, 'configuration from the .tf files');
    const response = await fetch(`${httpUrl}/generate?url=cli`);
    t.equal(response.status, 200);
    const environments = childrenOf(child.pid!);
    t.ok(environments.length >= 1, 'an execution environment is running');
    child.kill(signal);
    await once(child, 'exit');
    t.ok(await processesGone(environments), 'every environment ended with it');
  });
}
