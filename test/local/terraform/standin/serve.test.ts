// serve: the stand-in providers started once, for Terraform to dial through
// TF_REATTACH_PROVIDERS, and ended with the command they serve.
import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureStandIn, terraformEnv, type StandIn } from '../../../../local/terraform/standin/build.js';
import { PROVIDER_ENVIRONMENT } from '../../../../local/terraform/standin/names.js';
import { reattachOf, serveProviders, type ReattachConfig } from '../../../../local/terraform/standin/serve.js';
import { processesGone, run } from '../../../helpers/processes.js';

let standIn: StandIn;
t.before(async () => {
  standIn = await ensureStandIn();
});

t.test('a handshake line becomes the reattach entry Terraform reads', async (t) => {
  t.same(reattachOf('1|6|tcp|127.0.0.1:40123|grpc|\n', 42), {
    Protocol: 'grpc',
    ProtocolVersion: 6,
    Pid: 42,
    Test: true,
    Addr: { Network: 'tcp', String: '127.0.0.1:40123' },
  });
  t.throws(() => reattachOf('1|5|tcp|127.0.0.1:40123|grpc|', 42), /not a tfplugin6 handshake line/, 'protocol 5');
  t.throws(() => reattachOf('1|6|tcp|127.0.0.1:40123|netrpc|', 42), /not a tfplugin6 handshake line/);
  t.throws(() => reattachOf('listening', 42), /"listening"/, 'what was printed is named');
});

t.test('the command runs with both providers reachable, which end with it', async (t) => {
  const script = 'process.stdout.write(process.env.TF_REATTACH_PROVIDERS ?? "")';
  const result = await run(standIn.serve, [process.execPath, '-e', script], process.cwd());
  t.equal(result.code, 0);
  t.equal(result.stderr, '', 'nothing on stderr');
  const reattach = JSON.parse(result.stdout) as Record<string, ReattachConfig>;
  t.same(Object.keys(reattach).sort(), [
    'registry.terraform.io/hashicorp/archive',
    'registry.terraform.io/hashicorp/aws',
  ]);
  for (const [address, config] of Object.entries(reattach)) {
    t.match(config, { Protocol: 'grpc', ProtocolVersion: 6, Test: true, Addr: { Network: 'tcp' } }, address);
    t.match(config.Addr.String, /^127\.0\.0\.1:\d+$/, `${address} listens on loopback only`);
  }
  t.ok(await processesGone(Object.values(reattach).map((config) => config.Pid)), 'the providers have ended');
});

t.test(
  "a provider the user already reattaches to stays beside the stand-in's, which replace only their own",
  async (t) => {
    const debugged: ReattachConfig = {
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: 4242,
      Test: true,
      Addr: { Network: 'unix', String: '/tmp/plugin-being-debugged' },
    };
    const given = {
      'registry.terraform.io/hashicorp/random': debugged,
      'registry.terraform.io/hashicorp/aws': { ...debugged, Pid: 4343 },
    };
    const script =
      'process.stdout.write(JSON.stringify([process.env.TF_REATTACH_PROVIDERS, process.env.QR_STANDIN_SERVED]))';
    const result = await run(standIn.serve, [process.execPath, '-e', script], process.cwd(), {
      ...process.env,
      TF_REATTACH_PROVIDERS: JSON.stringify(given),
    });
    t.equal(result.code, 0, result.stderr);
    const [reattach, marker] = JSON.parse(result.stdout) as [string, string];
    const providers = JSON.parse(reattach) as Record<string, ReattachConfig>;
    t.same(providers['registry.terraform.io/hashicorp/random'], debugged, 'the debugged provider is kept as it was');
    t.not(providers['registry.terraform.io/hashicorp/aws']?.Pid, 4343, 'the stand-in replaces its own address');
    t.match(providers['registry.terraform.io/hashicorp/aws']?.Addr.String, /^127\.0\.0\.1:\d+$/);
    t.ok(providers['registry.terraform.io/hashicorp/archive'], 'and adds the other');
    t.equal(marker, '1', 'what serve runs knows it is served (QR_STANDIN_SERVED)');

    const broken = await run(standIn.serve, ['true'], process.cwd(), {
      ...process.env,
      TF_REATTACH_PROVIDERS: '{not json',
    });
    t.equal(broken.code, 1, 'a TF_REATTACH_PROVIDERS that is not JSON is refused');
    t.match(broken.stderr, /^serve: TF_REATTACH_PROVIDERS is set but is not a JSON object of providers .*\{not json/);
  },
);

t.test("the command's exit status is serve's, and without a command it says how to use it", async (t) => {
  const failed = await run(standIn.serve, ['sh', '-c', 'exit 3'], process.cwd());
  t.equal(failed.code, 3);
  const missing = await run(standIn.serve, ['no-such-command-here'], process.cwd());
  t.equal(missing.code, 1);
  t.match(missing.stderr, /serve: cannot run no-such-command-here: .*ENOENT/);
  const usage = await run(standIn.serve, [], process.cwd());
  t.equal(usage.code, 2);
  t.match(usage.stderr, /^usage: serve COMMAND/);
});

t.test('a SIGTERM to serve reaches the command, and serve ends as it does', async (t) => {
  const child = spawn(standIn.serve, ['sh', '-c', 'trap "exit 7" TERM; echo ready; while :; do sleep 0.1; done'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout, 'data');
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  t.equal(code, 7);
});

t.test('a served set leaves no listener on process.stderr, however many a process serves', async (t) => {
  const events = ['unpipe', 'error', 'close', 'finish'] as const;
  const count = () => events.map((event) => process.stderr.listenerCount(event));
  const before = count();
  const served = await serveProviders(standIn.bundle);
  t.same(
    count(),
    before,
    'what the providers say is written on, not piped (a pipe adds one of each a provider; Node warns past ten)',
  );
  await served.close();
});

t.test('a provider that cannot start is named, and the other is ended', async (t) => {
  await t.rejects(
    serveProviders(join(standIn.dir, 'no-such-bundle.mjs')),
    /the stand-in hashicorp\/(aws|archive) ended \(1\) before its handshake:\n[\s\S]*Cannot find module .*no-such-bundle\.mjs/,
    'with what it said',
  );
});

/** A module of `files` in a folder of its own, applied with the providers served; then its output `name`. */
async function appliedOutput(
  t: Test,
  files: Record<string, string>,
  name: string,
  env: NodeJS.ProcessEnv = terraformEnv(standIn.devConfig),
): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'serve-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  const applied = await run(
    standIn.serve,
    ['terraform', 'apply', '-auto-approve', '-input=false', '-no-color'],
    dir,
    env,
  );
  t.equal(applied.code, 0, applied.stderr);
  return JSON.parse((await run(standIn.serve, ['terraform', 'output', '-json', name], dir, env)).stdout);
}

t.test(
  'the providers run where the command does: a relative path means the same to Terraform and to them',
  async (t) => {
    const zipped = await appliedOutput(
      t,
      {
        'hello.txt': 'hello\n',
        'main.tf': [
          'data "archive_file" "zip" {\n  type        = "zip"\n  source_file = "./hello.txt"\n  output_path = "./out/hello.zip"\n}',
          'output "same" {\n  value = filebase64sha256(data.archive_file.zip.output_path) == data.archive_file.zip.output_base64sha256\n}',
        ].join('\n\n'),
      },
      'same',
    );
    t.equal(zipped, true, "the zip Terraform reads is the one the provider wrote, in the command's folder");
  },
);

t.test('two configurations of one served provider keep their own settings', async (t) => {
  // An alias in another region dials the same process: each connection is configured on its own.
  const regions = await appliedOutput(
    t,
    {
      'main.tf': [
        'provider "aws" {\n  region = "eu-west-1"\n}',
        'provider "aws" {\n  alias  = "virginia"\n  region = "us-east-1"\n}',
        'data "aws_region" "home" {}',
        'data "aws_region" "virginia" {\n  provider = aws.virginia\n}',
        'output "regions" {\n  value = [data.aws_region.home.name, data.aws_region.virginia.name]\n}',
      ].join('\n\n'),
    },
    'regions',
    { ...terraformEnv(standIn.devConfig), AWS_REGION: '' },
  );
  t.same(regions, ['eu-west-1', 'us-east-1']);
});

t.test('PROVIDER_ENVIRONMENT names every variable the providers read, and only those', async (t) => {
  // What keys a served set of providers (test/helpers/served-terraform.ts): a variable missing
  // here would let a command see providers started with another value of it.
  const dir = new URL('../../../../local/terraform/standin/provider/', import.meta.url);
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const read = new Set<string>();
  for (const file of files) {
    const text = await readFile(new URL(file, dir), 'utf8');
    for (const [, name] of text.matchAll(/process\.env\.([A-Z0-9_]+)/g)) read.add(name!);
  }
  // The handshake's, which Terraform sets for every plugin it starts and serve.ts sets itself.
  for (const handshake of ['PLUGIN_PROTOCOL_VERSIONS', 'PLUGIN_CLIENT_CERT']) t.ok(read.delete(handshake), handshake);
  t.same([...read].sort(), [...PROVIDER_ENVIRONMENT].sort());
});
