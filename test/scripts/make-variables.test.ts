// Every variable a make target documents reaches its recipes as data: the targets run, in a
// copy of the project, with terraform, aws, node, npx and curl answering from a script on
// PATH, and a `$(shell …)`, a backquote or a `;` typed in a variable runs nothing. VERSION and
// APPLY_FLAGS are checked before anything runs: a bad one is refused in one line.
import t from 'tap';
import { existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The variables a stub writes down when it is called, as it sees them in its environment. */
const SEEN = [
  'QR_TEXT',
  'URL',
  'OUT',
  'VERSION',
  'APPLY_FLAGS',
  'PORT',
  'LAMBDA_PORT',
  'LAMBDA_MAX_ENVIRONMENTS',
  'LAMBDA_PLATFORM_LOGS',
  'FUZZ_SEED',
  'CHROMIUM_PATH',
  'TF_VAR_function_name',
  'ANY_NAME',
];

/**
 * A stub for terraform, aws, node, npx and curl: one line per call with its arguments (one
 * per line after it, each prefixed), then the SEEN variables it has; and the answers a
 * deployed stack gives (live version STUB_LIVE, latest 3).
 */
const STUB = `#!/usr/bin/env bash
name=$(basename "$0")
{
  printf 'call %s\\n' "$name"
  for arg in "$@"; do printf 'arg %s\\n' "$arg"; done
  for v in ${SEEN.join(' ')}; do [ -n "\${!v+x}" ] && printf 'env %s=%s\\n' "$v" "\${!v}"; done
} >>"$STUB_LOG"
case "$name $*" in
  "terraform version"*) echo "Terraform v1.11.4" ;;
  "terraform output -json"*) echo '{"function_name": {"value": "qr"}}' ;;
  "terraform output -raw live_version"*) printf '%s' "\${STUB_LIVE:-3}" ;;
  "terraform output -raw latest_version"*) printf 3 ;;
  "terraform output -raw region"*) printf us-east-1 ;;
  "terraform output -raw"*) printf 'x' ;;
  "aws --version"*) echo "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64" ;;
  "aws sts"*) echo "arn:aws:iam::123456789012:user/ci" ;;
esac
exit 0
`;

/** A copy of the Makefile and scripts with up-to-date install stamps, and the stubs first on PATH. */
async function sandbox(): Promise<{ dir: string; log: string; env: NodeJS.ProcessEnv }> {
  const dir = await mkdtemp(join(tmpdir(), 'make-variables-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const file of ['Makefile', 'main.tf', 'package.json', 'package-lock.json', 'build.mjs'])
    await copyFile(join(root, file), join(dir, file));
  await cp(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true });
  // The tools the local stack needs are not what is tested here.
  await writeFile(join(dir, 'scripts/system-deps.sh'), '#!/bin/sh\nexit 0\n');
  await mkdir(join(dir, 'node_modules'));
  for (const stamp of ['.build-stamp', '.install-stamp', '.tap-plugins-stamp'])
    await writeFile(join(dir, 'node_modules', stamp), '');
  await mkdir(join(dir, 'build/host-deps/node_modules'), { recursive: true });
  await writeFile(join(dir, 'build/host-deps/node_modules/.host-deps-stamp'), '');
  const bin = join(dir, 'bin');
  await mkdir(bin);
  for (const tool of ['terraform', 'aws', 'node', 'npx', 'curl']) {
    await writeFile(join(bin, tool), STUB);
    await chmod(join(bin, tool), 0o755);
  }
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|TF_|MAKE|MFLAGS$|QR_)/.test(name) && !SEEN.includes(name)),
  );
  const log = join(dir, 'stub.log');
  const env = { ...inherited, PATH: `${bin}:${process.env.PATH}`, STUB_LOG: log, AWS_REGION: 'us-east-1' };
  return { dir, log, env };
}

const make = (dir: string, env: NodeJS.ProcessEnv, target: string, variables: Record<string, string>) =>
  run(
    'make',
    ['--no-print-directory', target, ...Object.entries(variables).map(([name, value]) => `${name}=${value}`)],
    dir,
    env,
  );

/** What the stubs were called with, and the SEEN variables each saw. */
async function calls(log: string): Promise<{ tool: string; args: string[]; env: Record<string, string> }[]> {
  const text = existsSync(log) ? await readFile(log, 'utf8') : '';
  const result: { tool: string; args: string[]; env: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('call ')) result.push({ tool: line.slice(5), args: [], env: {} });
    else if (line.startsWith('arg ')) result.at(-1)?.args.push(line.slice(4));
    else if (line.startsWith('env ')) {
      const [name, ...value] = line.slice(4).split('=');
      result.at(-1)!.env[name!] = value.join('=');
    }
  }
  return result;
}

/** What a person might type to run a command through a variable; `marker` is the file it would create. */
const attacks = (marker: string): string[] => [
  `$(shell touch ${marker})`,
  `\`touch ${marker}\``,
  `x; touch ${marker}`,
  `$$(touch ${marker})`,
  `'"; touch ${marker}; echo "'`,
];

/** The files a command would have made in the sandbox. */
const markers = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((name) => name.startsWith('pwned-'));

// Variables that are data for a program: each reaches it as typed, and nothing runs.
for (const [target, names, program] of [
  ['invoke', ['URL', 'OUT'], 'aws'],
  ['curl', ['URL', 'OUT'], 'curl'],
  ['dev', ['PORT', 'LAMBDA_PORT', 'LAMBDA_MAX_ENVIRONMENTS', 'LAMBDA_PLATFORM_LOGS', 'TF_VAR_function_name'], 'node'],
  ['fuzz', ['FUZZ_SEED'], 'npx'],
  ['screenshots', ['CHROMIUM_PATH'], 'node'],
  ['outputs', ['ANY_NAME'], 'terraform'],
] as const) {
  t.test(`make ${target} ${names.join(' ')}: the text as typed, and nothing runs`, async (t) => {
    const { dir, log, env } = await sandbox();
    for (let i = 0; i < attacks('x').length; i++) {
      await rm(log, { force: true });
      const variables = Object.fromEntries(names.map((name) => [name, attacks(`pwned-${name}`)[i]!]));
      const result = await make(dir, env, target, variables);
      t.equal(result.code, 0, `${target} ran (${result.stderr.slice(-300)})`);
      t.same(await markers(dir), [], `${JSON.stringify(variables)}: nothing ran`);
      const last = (await calls(log)).filter((call) => call.tool === program).at(-1);
      for (const name of names) {
        // URL reaches the recipes as QR_TEXT alone.
        const seenAs = name === 'URL' ? 'QR_TEXT' : name;
        t.equal(last?.env[seenAs], variables[name], `${program} sees ${seenAs} as typed`);
      }
      if (target === 'invoke' || target === 'curl') {
        t.equal(last?.env.URL, undefined, 'URL itself is not exported');
        t.ok(
          last?.args.some((arg) => arg === `${variables.OUT}/${target}.json`),
          'OUT is one argument, as typed',
        );
      }
    }
  });
}

const ALLOWED = ['-auto-approve', '-lock=false', '-lock-timeout=30s', '-parallelism=4', '-no-color'];

// APPLY_FLAGS: the flags of docs/deploy.md reach terraform one by one; anything else is
// refused by name before terraform runs.
for (const [target, live] of [
  ['deploy', '3'],
  ['destroy', '3'],
  ['certificate', '3'],
  ['rollback', '3'],
  ['rollforward', '2'],
] as const) {
  t.test(`make ${target} APPLY_FLAGS: the allowed flags as arguments, anything else refused`, async (t) => {
    const { dir, log, env } = await sandbox();
    const withLive = { ...env, STUB_LIVE: live };
    const applies = async () =>
      (await calls(log)).filter(
        (call) => call.tool === 'terraform' && (call.args[0] === 'apply' || call.args[0] === 'destroy'),
      );

    const ok = await make(dir, withLive, target, { APPLY_FLAGS: ALLOWED.join('  ') });
    t.equal(ok.code, 0, ok.stderr);
    const [apply] = await applies();
    t.same(apply?.args.slice(-ALLOWED.length), ALLOWED, 'each flag one argument, in order');

    for (const flags of [
      ...attacks('pwned-flags').map((attack) => `-auto-approve ${attack}`),
      '-auto-approve; touch pwned-flags',
      '-target=aws_lambda_function.qr',
      '-destroy',
      'tfplan',
      '*',
    ]) {
      await rm(log, { force: true });
      const refused = await make(dir, withLive, target, { APPLY_FLAGS: flags });
      t.not(refused.code, 0, `${flags}: refused`);
      const errors = refused.stderr.split('\n').filter((line) => line.startsWith('error:'));
      t.equal(errors.length, 1, 'in one line');
      t.match(errors[0], /^error: APPLY_FLAGS takes -auto-approve, .*; not '.+' \(docs\/deploy\.md/);
      const first = flags.split(/\s+/).find((flag) => !ALLOWED.includes(flag));
      t.match(errors[0], `not '${first}'`, 'naming the flag');
      t.same(await applies(), [], 'terraform applies nothing');
      t.same(await markers(dir), [], 'and nothing ran');
    }
  });
}

t.test('make rollback VERSION: a version number goes to the pin; anything else refused first', async (t) => {
  const { dir, log, env } = await sandbox();
  const ok = await make(dir, env, 'rollback', { VERSION: '2' });
  t.equal(ok.code, 0, ok.stderr);
  t.same(JSON.parse(await readFile(join(dir, 'rollback.auto.tfvars.json'), 'utf8')), { live_version: '2' });

  for (const version of [
    ...attacks('pwned-version'),
    `2; touch pwned-version`,
    `$(shell touch pwned-version)2`,
    '02',
  ]) {
    await rm(log, { force: true });
    const refused = await make(dir, env, 'rollback', { VERSION: version });
    t.not(refused.code, 0, `${version}: refused`);
    const errors = refused.stderr.split('\n').filter((line) => line.startsWith('error:'));
    t.same(errors, [`error: VERSION must be a version number such as VERSION=3, not '${version}'`], 'in one line');
    t.same(
      (await calls(log)).filter((call) => call.tool === 'terraform' || call.tool === 'aws'),
      [],
      'before terraform or aws is asked anything',
    );
    t.same(await markers(dir), [], 'and nothing ran');
  }
});

t.test('make -n deploy prints no variable’s text into a command', async (t) => {
  const { dir, env } = await sandbox();
  const result = await run(
    'make',
    ['--no-print-directory', '-n', 'deploy', 'APPLY_FLAGS=-auto-approve; touch pwned-n'],
    dir,
    env,
  );
  t.notMatch(result.stdout, 'touch pwned-n');
  t.same(await markers(dir), []);
});
