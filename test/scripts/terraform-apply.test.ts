// scripts/terraform-apply.sh (make deploy, plan, destroy): Terraform's output unchanged, and
// after the AWS errors whose fix is known, that fix. Terraform here is a stand-in script that
// prints what the real one prints for each error (its diagnostics, colours and all) and fails.
// And scripts/preflight.sh region: no deploy starts without a region.
import t from 'tap';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A PATH whose `terraform` prints `stderr`, "plan output" on stdout, and exits `code`. */
async function fakeTerraform(stderr: string, code: number): Promise<NodeJS.ProcessEnv> {
  const bin = await mkdtemp(join(tmpdir(), 'fake-terraform-'));
  t.teardown(() => rm(bin, { recursive: true, force: true }));
  await writeFile(join(bin, 'stderr.txt'), stderr);
  await writeFile(
    join(bin, 'terraform'),
    `#!/bin/sh\necho "plan output: $*"\ncat '${join(bin, 'stderr.txt')}' >&2\nexit ${code}\n`,
  );
  await chmod(join(bin, 'terraform'), 0o755);
  return { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
}

/** A diagnostic as Terraform prints it to stderr. */
const diagnostic = (message: string, address: string): string =>
  `\x1b[31m╷\x1b[0m\n\x1b[31m│\x1b[0m \x1b[1m\x1b[31mError: \x1b[0m${message}\n│\n│   with ${address},\n│   on main.tf line 1\n╵\n`;

const script = join(root, 'scripts/terraform-apply.sh');

t.test('success: the output as Terraform wrote it, the exit status 0, no hint', async (t) => {
  const result = await run(script, ['apply', '-input=false'], root, await fakeTerraform('', 0));
  t.equal(result.code, 0);
  t.equal(result.stdout, 'plan output: apply -input=false\n', 'the arguments as given');
  t.equal(result.stderr, '');
});

t.test('AccessDenied names the deploy policy file, and keeps the exit status', async (t) => {
  const error = diagnostic(
    'creating Lambda Function (qr-code-generator): operation error Lambda: CreateFunction, https response error StatusCode: 403, RequestID: 1, api error AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:CreateFunction',
    'aws_lambda_function.qr',
  );
  const result = await run(script, ['apply'], root, await fakeTerraform(error, 1));
  t.equal(result.code, 1);
  t.match(result.stderr, 'is not authorized to perform: lambda:CreateFunction', "Terraform's own message first");
  t.match(result.stderr, `${join(root, 'iam/deploy-policy.json')} is a policy with every action this deployment needs`);
  t.notMatch(result.stderr, /log group|IAM role with this name/);
});

t.test('a log group that exists already: the import command for it', async (t) => {
  const error = diagnostic(
    'creating CloudWatch Logs Log Group (/aws/lambda/qr-code-generator): operation error CloudWatch Logs: CreateLogGroup, https response error StatusCode: 400, RequestID: 2, ResourceAlreadyExistsException: The specified log group already exists',
    'aws_cloudwatch_log_group.function',
  );
  const result = await run(script, ['apply'], root, await fakeTerraform(error, 1));
  t.equal(result.code, 1);
  t.match(
    result.stderr,
    /the log group \/aws\/lambda\/qr-code-generator already exists in this region, outside this state/,
  );
  t.match(result.stderr, "terraform import 'aws_cloudwatch_log_group.function' '/aws/lambda/qr-code-generator'");
});

t.test('a role that exists already: why, and the two ways out', async (t) => {
  const error = diagnostic(
    'creating IAM Role (qr-code-generator-eu-west-1): operation error IAM: CreateRole, https response error StatusCode: 409, RequestID: 3, EntityAlreadyExists: Role with name qr-code-generator-eu-west-1 already exists.',
    'aws_iam_role.function',
  );
  const result = await run(script, ['apply'], root, await fakeTerraform(error, 1));
  t.equal(result.code, 1);
  t.match(result.stderr, /an IAM role with this name already exists in the account/);
  t.match(result.stderr, /TF_VAR_function_name=/);
});

t.test('any other failure: Terraform’s words alone', async (t) => {
  const result = await run(
    script,
    ['apply'],
    root,
    await fakeTerraform(diagnostic('Invalid count argument', 'aws_lambda_function.qr'), 1),
  );
  t.equal(result.code, 1);
  t.notMatch(result.stderr, /hint:/);
});

t.test('preflight region: a clear refusal when no region resolves, and each way of naming one', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'preflight-region-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const bare = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('TF_VAR_')),
  );
  // No profile with a region either.
  const env = {
    ...bare,
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  };
  const preflight = join(root, 'scripts/preflight.sh');
  const none = await run(preflight, ['region'], dir, env);
  t.equal(none.code, 1, 'no region anywhere: refused');
  t.match(none.stderr, /no AWS region is set, so Terraform cannot tell where to deploy/);
  t.match(none.stderr, /export AWS_REGION=/);
  for (const [name, extra] of [
    ['AWS_REGION', { AWS_REGION: 'eu-west-1' }],
    ['AWS_DEFAULT_REGION', { AWS_DEFAULT_REGION: 'eu-west-1' }],
    ['TF_VAR_region', { TF_VAR_region: 'eu-west-1' }],
  ] as const) {
    t.equal((await run(preflight, ['region'], dir, { ...env, ...extra })).code, 0, `${name} names it`);
  }
  await writeFile(join(dir, 'terraform.tfvars'), 'region = "eu-west-1"\n');
  t.equal((await run(preflight, ['region'], dir, env)).code, 0, 'terraform.tfvars names it');
  await rm(join(dir, 'terraform.tfvars'));
  await writeFile(join(dir, 'profile'), '[default]\nregion = eu-west-1\n');
  t.equal(
    (await run(preflight, ['region'], dir, { ...env, AWS_CONFIG_FILE: join(dir, 'profile') })).code,
    0,
    "the profile's region names it",
  );
});

// WAF's AssociateWebACL reference: a web ACL just created may not be available yet, and the
// provider retries CreateDistribution only on InvalidViewerCertificate. The first apply with
// waf_rate_limit can then fail with InvalidWebACLId; the web ACL exists by the second.
t.test('InvalidWebACLId on apply: one more apply, saying why; never on plan or destroy', async (t) => {
  const bin = await mkdtemp(join(tmpdir(), 'fake-terraform-'));
  t.teardown(() => rm(bin, { recursive: true, force: true }));
  // Fails the first time with CloudFront's error, succeeds the second.
  await writeFile(
    join(bin, 'terraform'),
    `#!/bin/sh\necho "$*" >>'${join(bin, 'calls')}'\nif [ ! -f '${join(bin, 'failed')}' ]; then touch '${join(bin, 'failed')}'; echo 'Error: creating CloudFront Distribution: operation error CloudFront: CreateDistributionWithTags, api error InvalidWebACLId: Web ACL is not accessible by the requester.' >&2; exit 1; fi\n`,
  );
  await chmod(join(bin, 'terraform'), 0o755);
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, QR_WAF_RETRY_SECONDS: '0' };
  const result = await run(script, ['apply', '-input=false'], root, env);
  t.equal(result.code, 0, 'the second apply succeeds');
  t.match(result.stderr, /CloudFront does not see the new web ACL yet \(InvalidWebACLId/);
  t.equal(await readFile(join(bin, 'calls'), 'utf8'), 'apply -input=false\napply -input=false\n', 'applied twice');

  const plan = await run(script, ['plan', '-input=false'], root, {
    ...(await fakeTerraform('Error: InvalidWebACLId\n', 1)),
    QR_WAF_RETRY_SECONDS: '0',
  });
  t.equal(plan.code, 1, 'a plan is not retried');
  t.notMatch(plan.stderr, /applying once more/);
});
