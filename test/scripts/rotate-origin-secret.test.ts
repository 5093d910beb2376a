// make rotate-origin-secret (scripts/rotate-origin-secret.sh) against the stand-in: CloudFront
// sends the new secret only once the function accepts it, the function keeps accepting the
// previous one through that apply (CloudFront's edges take minutes to change; the provider
// waits for all of them, wait_for_deployment), and the second apply retires it. The secret is
// sensitive: no plan or apply prints the one in use.
import t from 'tap';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { copyOfModule } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';
import { runServed } from '../helpers/served-terraform.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The few values of the state this test reads. */
interface StateValues {
  readonly output?: string;
  readonly origin?: { custom_header: { value: string }[] }[];
  readonly environment?: { variables: Record<string, string> }[];
}

interface Seen {
  readonly secret: string;
  readonly header: string;
  readonly accepted: string;
}

t.test('a rotation in two applies: both secrets accepted while CloudFront changes, then only the new', async (t) => {
  const dir = await copyOfModule();
  // A terraform that records, after every apply, the secret, CloudFront's header and what the function accepts.
  const bin = join(dir, 'bin');
  await mkdir(bin);
  const real = (await run('sh', ['-c', 'command -v terraform'], dir)).stdout.trim();
  await writeFile(
    join(bin, 'terraform'),
    `#!/usr/bin/env bash\n"${real}" "$@" || exit $?\nif [ "$1" = apply ]; then "${real}" show -json >>"${dir}/applies.jsonl"; echo >>"${dir}/applies.jsonl"; fi\n`,
  );
  await chmod(join(bin, 'terraform'), 0o755);
  const env = {
    ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')),
    AWS_REGION: 'eu-west-1',
    TF_VAR_cdn_enabled: 'true',
    PATH: `${bin}:${process.env.PATH ?? ''}`,
  };
  t.equal((await run('terraform', ['init', '-input=false', '-no-color'], dir, env)).code, 0, 'init');
  const deploy = await runServed('terraform', ['apply', '-input=false', '-no-color', '-auto-approve'], dir, env);
  t.equal(deploy.code, 0, `deploy${deploy.code === 0 ? '' : `: ${deploy.stderr.slice(-600)}`}`);

  const rotation = await runServed(join(root, 'scripts/rotate-origin-secret.sh'), [], dir, {
    ...env,
    APPLY_FLAGS: '-auto-approve -no-color',
  });
  t.equal(
    rotation.code,
    0,
    `make rotate-origin-secret${rotation.code === 0 ? '' : `: ${rotation.stderr.slice(-600)}`}`,
  );

  const seen: Seen[] = (await readFile(join(dir, 'applies.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const resources = (
        JSON.parse(line) as {
          values: { root_module: { resources: { address: string; values: StateValues }[] } };
        }
      ).values.root_module.resources;
      const values = (address: string) => resources.find((resource) => resource.address === address)!.values;
      return {
        secret: String(values('terraform_data.origin_secret[0]').output),
        header: String(values('aws_cloudfront_distribution.cdn[0]').origin?.[0]?.custom_header[0]?.value),
        accepted: String(values('aws_lambda_function.qr').environment?.[0]?.variables.QR_ORIGIN_SECRET),
      };
    });
  t.equal(seen.length, 3, 'the deploy and two applies');
  const [before, during, after] = seen as [Seen, Seen, Seen];
  t.equal(before.accepted, before.secret, 'before: the function accepts the one secret CloudFront sends');
  t.not(during.secret, before.secret, 'a new secret');
  t.equal(during.header, during.secret, 'CloudFront sends the new one');
  t.equal(during.accepted, `${during.secret} ${before.secret}`, 'while the function accepts the new and the previous');
  t.same(after, { ...during, accepted: during.secret }, 'then the new one alone');
  t.notOk(deploy.stdout.includes(before.secret), 'the deploy prints no secret');
  // The rotation's plan shows the retired secret once, in the origin it removes: Terraform keeps
  // no sensitive mark on a prior set element (CloudFront's origins are a set). The new one never.
  t.notOk(rotation.stdout.includes(during.secret), 'the rotation never prints the new secret');
});

t.test(
  'the distribution waits for the function, so CloudFront never sends a secret the function refuses',
  async (t) => {
    const dir = await copyOfModule();
    const env = { ...terraformEnv(join(root, 'build/terraform-standin/dev.tfrc')), TF_VAR_cdn_enabled: 'true' };
    const plan = await runServed('terraform', ['plan', '-input=false', '-no-color', '-out=tfplan'], dir, env);
    t.equal(plan.code, 0, 'plan');
    const configuration = (
      JSON.parse((await runServed('terraform', ['show', '-json', 'tfplan'], dir, env)).stdout) as {
        configuration: { root_module: { resources: { address: string; depends_on?: string[] }[] } };
      }
    ).configuration.root_module.resources;
    const distribution = configuration.find((resource) => resource.address === 'aws_cloudfront_distribution.cdn');
    t.ok(distribution?.depends_on?.includes('aws_lambda_function.qr'), 'after the function');
    t.ok(distribution?.depends_on?.includes('aws_lambda_alias.live'), 'and after the alias the API invokes');
  },
);
