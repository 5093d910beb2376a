// The deploy path as a user without Debian's tools meets it: `make build` installs only
// what building needs and compiles nothing, the deploy rehearses on that alone, the
// targets that need a deployment say so before there is one, and any text reaches the
// deployed API intact.
import t, { type Test } from 'tap';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '../../local/stack.js';
import { runOnArm64 } from '../helpers/arm64.js';
import { needsRegistry } from '../helpers/registry.js';
import { elfMachineOf } from '../helpers/elf.js';
import { cloneOfProject } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';
import { decodeQrText } from '../helpers/qr-decode.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// A fresh clone's install and build, then two full rehearsals: about two minutes alone,
// more beside another test file. The file's own time limit, in place of the suite's 120 s.
t.setTimeout(300_000);
// The other tests here each take seconds and share nothing with the rehearsal: they run
// beside it rather than after it, so the file ends with the rehearsal.
t.jobs = 2;
/** What a machine without Debian's package tools, a C toolchain for autotools, or Chromium lacks. */
const HIDDEN = new Set(['apt-get', 'apt', 'dpkg', 'dpkg-query', 'cmake', 'autoreconf', 'chromium', 'chromium-browser']);

/** A folder of links to every command on PATH but the hidden ones. */
async function barePath(): Promise<string> {
  const bin = await mkdtemp(join(tmpdir(), 'bare-path-'));
  t.teardown(() => rm(bin, { recursive: true, force: true }));
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (HIDDEN.has(name) || existsSync(join(bin, name))) continue;
      await symlink(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

// Terraform without the user's CLI configuration, data folder or workspace.
const baseEnv = (path: string): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('TF_') && !name.startsWith('AWS_') && !name.startsWith('QR_'),
    ),
  );
  return { ...env, PATH: path, CHECKPOINT_DISABLE: '1', MAKEFLAGS: '' };
};

t.test(
  'without apt-get, dpkg-query, cmake, autoreconf or Chromium: make build, then make rehearse from a fresh clone',
  async (t) => {
    if (!needsRegistry(t)) return; // npm ci in the clone, and Node.js for linux/arm64
    const [clone, bin] = await Promise.all([cloneOfProject(), barePath()]);
    const env = baseEnv(bin);
    const started = Date.now();
    const build = await run('make', ['build'], clone, env);
    t.equal(build.code, 0, `make build succeeds${build.code === 0 ? '' : `: ${build.stderr.slice(-500)}`}`);
    t.comment(`make build on a fresh clone: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    t.notMatch(
      build.stdout + build.stderr,
      /system-deps|apt-get|gyp|cmake/,
      'nothing from the system, nothing compiled',
    );
    const installed = await readdir(join(clone, 'node_modules'));
    t.ok(installed.includes('esbuild'), 'what building needs');
    t.notOk(installed.includes('qrcode'), 'and not qrcode, which only the tests compare with');
    t.notOk(
      installed.includes('aws-lambda-ric') || installed.includes('tap') || installed.includes('playwright-core'),
      'and none of the local stack or the tests',
    );
    const bundle = await readFile(join(clone, 'build/lambda/index.mjs'));
    const ours = await readFile(join(root, 'build/lambda/index.mjs'));
    t.equal(
      createHash('sha256').update(bundle).digest('hex'),
      createHash('sha256').update(ours).digest('hex'),
      'the same bundle, byte for byte, as the project built elsewhere',
    );

    const rehearsing = Date.now();
    const scratch = await mkdtemp(join(tmpdir(), 'planned-zip-'));
    const planned = join(scratch, 'lambda.zip');
    const logFile = join(scratch, 'rehearse.log');
    const rehearse = await run('make', ['rehearse'], clone, {
      ...env,
      REHEARSE_KEEP_ZIP: planned,
      REHEARSE_LOG: logFile,
    });
    t.equal(
      rehearse.code,
      0,
      `make rehearse passes there${rehearse.code === 0 ? '' : `: ${rehearse.stderr.slice(-800)}`}`,
    );
    t.comment(
      `make rehearse on that clone, the stand-in built there: ${((Date.now() - rehearsing) / 1000).toFixed(1)} s`,
    );
    t.match(
      rehearse.stdout,
      /stand-in provider: .*\/build\/terraform-standin \(hashicorp\/aws, hashicorp\/archive\)/,
      'the clone built its own stand-in',
    );
    // The terminal gets a line a step; the log gets every step's output, and neither a colour code.
    const log = await readFile(logFile, 'utf8');
    const summary = rehearse.stdout.slice(rehearse.stdout.indexOf('rehearse: make deploy'));
    t.ok(summary.split('\n').length <= 20, `a short summary (${summary.split('\n').length} lines)`);
    t.match(summary, /^rehearse: make deploy APPLY_FLAGS=-auto-approve +ok \(\d+ s\)$/m, 'a step and how long it took');
    t.match(summary, `rehearse: every step's output is in ${logFile}`, 'and where the rest is');
    t.notMatch(rehearse.stdout + log, /\x1b\[/, 'no colour codes, in a pipe or in the log');
    t.notMatch(
      rehearse.stdout + rehearse.stderr + log,
      /system-deps|apt-get|gyp|cmake/,
      'still nothing from the system',
    );
    for (const step of ['make deploy', 'make outputs', 'make destroy']) t.match(log, `==> rehearse: ${step}`);
    t.match(log, /data\.archive_file\.function: Read complete/, 'Terraform zipped the bundle');
    t.match(log, /Apply complete! Resources: 19 added/);
    t.match(log, /role_name = "qr-code-generator-us-east-1"/, 'in the region the shell names');
    t.notMatch(log + rehearse.stderr, /runtime_not_blocked_soon/, 'the default runtime is far from its block');
    await lambdaRunsTheZip(t, planned);
    // Then with every production-edge option on.
    t.match(log, /Apply complete! Resources: 30 added/, 'the edge: 11 more resources');
    t.match(log, /rollback: the live alias goes from version 2 to 1/);
    t.match(log, /rollforward: the live alias goes from version 1 to the newest, 2/);
    t.match(log, /back: rehearsal: the invalidation of every path of distribution \S+ is not sent/);
    t.match(
      rehearse.stdout,
      /rehearse: the production edge \(domain, CDN, WAF, dashboard, rollback\) deployed, rolled back and forward, and destroyed/,
    );
  },
);

/**
 * The very zip Terraform planned, on Lambda's platform: its native code is linux/arm64 only
 * (ELF headers), and Node.js 24 for linux/arm64 runs it, answering the documented payload and
 * a styled request with codes that decode.
 */
async function lambdaRunsTheZip(t: Test, zip: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'planned-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const files = unzipSync(await readFile(zip));
  const natives: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
    const machine = elfMachineOf(bytes);
    if (machine !== undefined) natives.push(`${name}: e_machine 0x${machine.toString(16)}`);
  }
  t.same(
    natives,
    ['node_modules/@resvg/resvg-js-linux-arm64-gnu/resvgjs.linux-arm64-gnu.node: e_machine 0xb7'],
    'the zip holds native code for linux/arm64 (aarch64, 0xB7) only',
  );
  const started = Date.now();
  const ran = await runOnArm64([join(root, 'test/fixtures/arm64/invoke.mjs'), dir]);
  t.equal(
    ran.status,
    0,
    `Node.js for linux/arm64 runs the zip${ran.status === 0 ? '' : `: ${ran.stderr.slice(-500)}`}`,
  );
  t.comment(`the planned zip on arm64 Node.js, emulated: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const answers = JSON.parse(ran.stdout) as {
    platform: string;
    version: string;
    plain: { status: number; body: { qr_code: string } };
    styled: { status: number; headers: Record<string, string>; body: { qr_code: string } };
  };
  t.equal(answers.platform, 'linux/arm64');
  t.match(answers.version, /^v24\./, 'Node.js 24, as nodejs24.x');
  t.equal(answers.plain.status, 200);
  t.equal(
    await decodeQrText(Buffer.from(answers.plain.body.qr_code, 'base64')),
    'https://www.youtube.com/@RayanSlim087',
  );
  t.equal(answers.styled.status, 200, 'a styled code, drawn by the arm64 resvg');
  t.equal(answers.styled.headers['x-qr-verified'], 'zxing-wasm, jsqr');
  t.equal(await decodeQrText(Buffer.from(answers.styled.body.qr_code, 'base64')), 'https://example.com/arm64');
}

t.test('before any deploy, the targets that need one say to run make deploy', async (t) => {
  const clone = await cloneOfProject();
  const env = baseEnv(process.env.PATH ?? '');
  for (const target of ['outputs', 'invoke', 'curl', 'smoke', 'destroy']) {
    const result = await run('make', ['--no-print-directory', target], clone, env);
    t.not(result.code, 0, `make ${target} fails`);
    t.match(result.stderr, /nothing is deployed yet — run `make deploy` first/, `make ${target} says why`);
    t.match(result.stderr, /`make dev` serves it/, `make ${target} names the local stack`);
    t.notMatch(result.stderr + result.stdout, /Invalid endpoint|HTTP 000|terraform init/, 'not the tools’ confusion');
  }
  t.notOk(existsSync(join(clone, 'node_modules')), 'and installs nothing first');
});

t.test("the credentials check shows the AWS CLI's own reason", async (t) => {
  const env = {
    ...baseEnv(process.env.PATH ?? ''),
    AWS_PROFILE: 'qr-no-such-profile',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  };
  const result = await run(join(root, 'scripts/preflight.sh'), ['aws'], root, env);
  t.equal(result.code, 1);
  t.match(result.stderr, /aws sts get-caller-identity failed/);
  t.match(result.stderr, /The config profile \(qr-no-such-profile\) could not be found/);
});

t.test('make curl sends any text, quotes and all, and saves the code it gets back', async (t) => {
  const clone = await cloneOfProject();
  const stack = await startStack({ dir: root, env: {} });
  t.teardown(() => stack.close());
  const env = {
    ...baseEnv(process.env.PATH ?? ''),
    TF_CLI_CONFIG_FILE: join(root, 'build/terraform-standin/mirror.tfrc'),
    QR_STANDIN_API_ENDPOINT: stack.httpUrl,
  };
  // A deployment whose endpoint is the local stack: the stand-in, applied in the clone.
  await symlink(join(root, 'build'), join(clone, 'build'));
  await rm(join(clone, '.terraform.lock.hcl'));
  for (const args of [
    ['init', '-input=false'],
    ['apply', '-input=false', '-auto-approve'],
  ]) {
    const step = await run('terraform', args, clone, env);
    t.equal(step.code, 0, `terraform ${args[0]}${step.code === 0 ? '' : `: ${step.stderr.slice(-300)}`}`);
  }
  const text = `it's "here" & $HOME \\ 100%`;
  const curl = await run('make', ['--no-print-directory', 'curl', `URL=${text}`], clone, env);
  t.equal(curl.code, 0, `make curl${curl.code === 0 ? '' : `: ${curl.stderr.slice(-300)}`}`);
  t.match(curl.stdout, /HTTP 200/);
  t.equal(
    await decodeQrText(await readFile(join(clone, 'out/curl.png'))),
    text,
    'the saved PNG decodes to the text, unchanged',
  );
  const outputs = await run('make', ['--no-print-directory', 'outputs'], clone, env);
  t.equal(outputs.code, 0);
  t.match(outputs.stdout, new RegExp(`api_endpoint = "${stack.httpUrl}"`));

  // An AWS CLI v1 first on PATH, as pip installs it: invoke_command names the v2 by its path.
  const v1 = await mkdtemp(join(tmpdir(), 'aws-v1-'));
  t.teardown(() => rm(v1, { recursive: true, force: true }));
  await writeFile(join(v1, 'aws'), "#!/bin/sh\necho 'aws-cli/1.45.11 Python/3.11.7 Linux botocore/1.43.11'\n", {
    mode: 0o755,
  });
  const shadowed = { ...env, PATH: `${v1}${delimiter}${process.env.PATH ?? ''}` };
  const v2 = (await run(join(root, 'scripts/preflight.sh'), ['awscli-path'], root, shadowed)).stdout.trim();
  t.match(v2, /^\/\S+\/aws$/, 'a v2 elsewhere');
  const withV1 = await run('make', ['--no-print-directory', 'outputs'], clone, shadowed);
  t.equal(withV1.code, 0);
  t.match(withV1.stdout, `invoke_command = "${v2} lambda invoke --region `, 'invoke_command runs the v2 by its path');
  t.notMatch(withV1.stdout, /invoke_command = "aws /);
});
