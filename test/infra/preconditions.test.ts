// What the plan and the apply refuse, with the words an operator reads: a runtime AWS
// blocks, a region other than the deployment's, a saved plan applied with another zip.
// Terraform itself evaluates every condition here, against the stand-in providers, in a
// copy of the module with a build of its own (the zip test rewrites it).
import t from 'tap';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { terraformFiles } from '../helpers/clone.js';
import type { Finished } from '../helpers/processes.js';
import { servedTerraform } from '../helpers/served-terraform.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The module and the bundle in a folder of their own, initialised against the stand-in. */
async function module(): Promise<{
  dir: string;
  terraform: (args: string[], env?: NodeJS.ProcessEnv) => Promise<Finished>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'preconditions-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const file of terraformFiles()) await cp(join(root, file), join(dir, file));
  await cp(join(root, 'build/lambda'), join(dir, 'build/lambda'), { recursive: true });
  const base = { ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')), AWS_REGION: 'eu-west-1' };
  const served = servedTerraform(dir, base);
  const terraform = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> =>
    served([...args, '-no-color'], env);
  const init = await terraform(['init', '-input=false']);
  if (init.code !== 0) throw new Error(`terraform init: ${init.stderr}`);
  return { dir, terraform };
}

/** Terraform's words, lines joined: its messages wrap at 80 columns. */
const words = (result: Finished): string =>
  (result.stdout + result.stderr).replace(/[│╷╵├─]/g, ' ').replace(/\s+/g, ' ');

t.test('a runtime AWS has blocked fails the plan, naming the date, the page and the fix', async (t) => {
  const { terraform } = await module();
  const plan = await terraform(['plan', '-input=false'], { TF_VAR_runtime: 'nodejs20.x' });
  t.not(plan.code, 0, 'the plan fails');
  t.match(words(plan), /nodejs20\.x is blocked by AWS: no function can be created or updated with it since 2026-09-30/);
  t.match(words(plan), /docs\.aws\.amazon\.com\/lambda\/latest\/dg\/lambda-nodejs\.html/);
  t.match(
    words(plan),
    /runs unchanged on nodejs24\.x: runtime = "nodejs24\.x" in terraform\.tfvars, or TF_VAR_runtime=nodejs24\.x/,
  );
});

t.test(
  'the default runtime plans without a warning; one within 60 days of its block warns, one past it fails',
  async (t) => {
    const { dir, terraform } = await module();
    const clean = await terraform(['plan', '-input=false']);
    t.equal(clean.code, 0, 'the default plans');
    t.notMatch(words(clean), /Check block assertion failed/, 'with nothing to warn of');

    const main = await readFile(join(dir, 'main.tf'), 'utf8');
    const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const dated = (create: string, update: string): string =>
      main.replace(
        /"nodejs24\.x" = \{ deprecated = "[^"]+", create_blocked = "[^"]+", update_blocked = "[^"]+" \}/,
        `"nodejs24.x" = { deprecated = "${day(-30)}", create_blocked = "${create}", update_blocked = "${update}" }`,
      );
    t.not(dated(day(30), day(60)), main, 'the runtime dates are a map in main.tf');

    await writeFile(join(dir, 'main.tf'), dated(day(30), day(60)));
    const soon = await terraform(['plan', '-input=false']);
    t.equal(soon.code, 0, 'a block 30 days away still plans');
    t.match(
      words(soon),
      new RegExp(
        `Check block assertion failed.*nodejs24\\.x: AWS blocks new functions on it from ${day(30)} and updates from ${day(60)}`,
      ),
    );

    await writeFile(join(dir, 'main.tf'), dated(day(-1), day(30)));
    const blocked = await terraform(['plan', '-input=false']);
    t.not(blocked.code, 0, 'a create block that has passed fails the plan');
    t.match(
      words(blocked),
      new RegExp(`no new function can be created with it since ${day(-1)}, and updates are blocked from ${day(30)}`),
    );
  },
);

t.test('after the first apply, a plan from a shell in another region is refused', async (t) => {
  const { terraform } = await module();
  t.equal((await terraform(['apply', '-input=false', '-auto-approve'])).code, 0, 'deployed in eu-west-1');
  const elsewhere = await terraform(['plan', '-input=false'], { AWS_REGION: 'us-west-2' });
  t.not(elsewhere.code, 0, 'the plan fails');
  t.match(words(elsewhere), /This deployment is in eu-west-1, but the AWS provider now resolves us-west-2/);
  t.match(words(elsewhere), /Deploy with TF_VAR_region=eu-west-1/);
  const home = await terraform(['plan', '-input=false', '-detailed-exitcode']);
  t.equal(home.code, 0, 'in its own region: no changes');
});

t.test('a saved plan applied with another build/lambda.zip stops before anything is created', async (t) => {
  const { dir, terraform } = await module();
  t.equal((await terraform(['plan', '-input=false', '-out=tfplan'])).code, 0, 'planned, and the zip written');
  const zip = join(dir, 'build/lambda.zip');
  const planned = await readFile(zip);
  await writeFile(zip, Buffer.concat([planned, Buffer.from('another build')]));
  const applied = await terraform(['apply', '-input=false', 'tfplan']);
  t.not(applied.code, 0, 'the apply fails');
  t.match(
    words(applied),
    /build\/lambda\.zip is not the zip this plan was made with \(base64 sha256 [A-Za-z0-9+/]{43}=\): copy the build\/lambda\.zip the plan wrote along with the plan file/,
  );
  const state = await terraform(['state', 'list']);
  t.same(
    state.stdout.split('\n').filter((line) => line.startsWith('aws_') || line.startsWith('terraform_data')),
    [],
    'and nothing was created',
  );

  t.equal((await terraform(['plan', '-input=false', '-out=tfplan'])).code, 0, 'planned again');
  const again = await terraform(['apply', '-input=false', 'tfplan']);
  t.equal(again.code, 0, `the zip the plan wrote applies${again.code === 0 ? '' : `: ${again.stderr.slice(-400)}`}`);
});

t.test('an alarm topic in another region fails the plan with both regions named', async (t) => {
  const { terraform } = await module();
  const plan = await terraform(['plan', '-input=false'], {
    TF_VAR_alarm_sns_topic_arn: 'arn:aws:sns:us-east-1:123456789012:alerts',
  });
  t.not(plan.code, 0);
  t.match(
    words(plan),
    /alarm_sns_topic_arn arn:aws:sns:us-east-1:123456789012:alerts is in us-east-1 \(partition aws\), but the alarms are in eu-west-1 \(partition aws\)/,
  );
});
