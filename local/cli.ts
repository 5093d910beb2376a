// `make dev`: the HTTP API and the Lambda Invoke API on 127.0.0.1, in front of the
// function the .tf files deploy (as Terraform plans it), running build/lambda as Lambda would. Rebuilds and
// reloads when lambda/ changes; Ctrl-C stops everything it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onNodeDownload } from './runtime/node-release.js';
import { startStack, type LocalStack } from './stack.js';
import { watchTree } from './watch.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const lambdaPort = Number(process.env.LAMBDA_PORT ?? 3001);

const dim = (text: string): string => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
// Lambda's own lines (START, END, REPORT…) only when asked for: the function's lines always.
const platformLogs = /^(1|true|yes|on)$/i.test(process.env.LAMBDA_PLATFORM_LOGS ?? '');

onNodeDownload((message) => console.log(`local stack: ${message}`));
let stack: LocalStack;
try {
  stack = await startStack({
    dir: root,
    env: process.env,
    httpPort: port,
    lambdaPort,
    log: (name, line, source) => {
      if (source === 'function' || platformLogs) process.stdout.write(`${dim(`[${name}]`)} ${line}\n`);
    },
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/.test(message) ? ` (set PORT / LAMBDA_PORT to use other ports)` : '';
  console.error(`local stack: ${message}${hint}`);
  process.exit(1);
}

const { config, httpUrl, lambdaUrl } = stack;
// What the commands below write goes to out/, which git ignores, by its absolute path: they
// work when pasted in a terminal in any folder.
const out = join(root, 'out');
mkdirSync(out, { recursive: true });
/** A path as one shell word: bare when it is plain, else single-quoted. */
const shellWord = (path: string): string => (/^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`);
const fn = config.function;
// The AWS CLI v2 to show: a v1 may come first on PATH, and it does not know --cli-binary-format.
const awsCli =
  spawnSync(join(root, 'scripts/preflight.sh'), ['awscli-path'], { encoding: 'utf8' }).stdout?.trim() || 'aws';
console.log(`
  Function  ${fn.name}  (${fn.runtime}${stack.node ? ` on Node.js ${stack.node.version}` : ''}, ${fn.memorySize} MB, ${fn.timeoutSeconds} s, from ${fn.code})
  HTTP API  ${httpUrl}   routes: ${config.http.routeKeys.join(', ')}${
    config.http.throttling
      ? `; throttled to ${config.http.throttling.rateLimit}/s, burst ${config.http.throttling.burstLimit}`
      : ''
  }
  Lambda    ${lambdaUrl}   (Invoke API)
  Page      ${httpUrl}/   (open it in a browser)

  curl -sS -X POST ${httpUrl}/generate -H 'Content-Type: application/json' -d '{"url": "https://example.com"}'
  curl -sS '${httpUrl}/generate?url=https%3A%2F%2Fexample.com' -o ${shellWord(join(out, 'qr.png'))}
  # AWS CLI v2:
  ${awsCli} lambda invoke --endpoint-url ${lambdaUrl} --region ${config.region} --no-sign-request \\
    --function-name ${fn.name} --cli-binary-format raw-in-base64-out \\
    --payload '{"body": "{\\"url\\": \\"https://example.com\\"}"}' ${shellWord(join(out, 'invoke.json'))}

  Watching lambda/ — edits rebuild and reload; restart after editing .tf or .tfvars files. Ctrl-C stops.
`);

/** The build under way, if any: stopping ends it too. */
let buildProcess: ChildProcess | undefined;

/** Runs build.mjs in its own process, so the servers keep answering while it works. */
function build(): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['build.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    buildProcess = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      buildProcess = undefined;
      resolve({ ok: code === 0, output });
    });
  });
}

// One build at a time; saves made during a build are built once it ends.
let building = false;
let again = false;
async function rebuild(): Promise<void> {
  if (building) {
    again = true;
    return;
  }
  building = true;
  const started = performance.now();
  const { ok, output } = await build();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (ok) {
    try {
      await stack.redeploy();
      const total = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        dim(
          `rebuilt in ${seconds} s and zipped by Terraform (${total} s in all): the next invocation cold-starts on the new build`,
        ),
      );
    } catch (error) {
      console.log(`${error instanceof Error ? error.message : String(error)}
terraform plan failed after the build: the previous build is still serving`);
    }
  } else {
    console.log(`${output.trim()}
build failed after ${seconds} s: the previous build is still serving`);
  }
  building = false;
  if (again) {
    again = false;
    void rebuild();
  }
}

const watcher = watchTree(fileURLToPath(new URL('../lambda', import.meta.url)), () => void rebuild());

// The first Ctrl-C stops everything in order; a second one exits at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    stopping = true;
    watcher.close();
    buildProcess?.kill('SIGKILL');
    void stack.close().then(() => process.exit(0));
  });
}
