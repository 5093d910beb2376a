// What scripts/preflight.sh says before a target runs: a Terraform too old for the project,
// a network that is down, and credentials that are missing are three different problems,
// each said once.
import t from 'tap';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const preflight = join(root, 'scripts/preflight.sh');

/** The environment without the user's AWS and Terraform settings. */
const cleanEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(AWS_|TF_|HTTPS?_PROXY$|https?_proxy$|NO_PROXY$|no_proxy$)/.test(name),
    ),
  );
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_MAX_ATTEMPTS: '1',
    ...extra,
  };
};

/** A folder whose `terraform` prints the given version, as `terraform version` does. */
async function terraformOfVersion(version: string): Promise<string> {
  const bin = await mkdtemp(join(tmpdir(), 'old-terraform-'));
  t.teardown(() => rm(bin, { recursive: true, force: true }));
  await writeFile(join(bin, 'terraform'), `#!/bin/sh\nprintf 'Terraform v${version}\\non linux_amd64\\n'\n`);
  await chmod(join(bin, 'terraform'), 0o755);
  return bin;
}

t.test('a Terraform older than the project needs is refused, naming the version it needs', async (t) => {
  // 1.9.8 sorts after 1.11 as text: refused only if compared as versions.
  const bin = await terraformOfVersion('1.9.8');
  const old = await run(preflight, ['terraform'], root, cleanEnv({ PATH: `${bin}${delimiter}${process.env.PATH}` }));
  t.equal(old.code, 1);
  t.match(old.stderr, /terraform 1\.9\.8 is too old: this project needs >= 1\.11/);
  t.match(old.stderr, /Install Terraform >= 1\.11: https:\/\/developer\.hashicorp\.com\/terraform\/install/);

  const newer = await terraformOfVersion('1.100.0');
  const ok = await run(preflight, ['terraform'], root, cleanEnv({ PATH: `${newer}${delimiter}${process.env.PATH}` }));
  t.same([ok.code, ok.stderr], [0, ''], '1.100 is newer than 1.11, compared as versions, not as text');
  const least = await terraformOfVersion('1.11.0');
  const same = await run(preflight, ['terraform'], root, cleanEnv({ PATH: `${least}${delimiter}${process.env.PATH}` }));
  t.same([same.code, same.stderr], [0, ''], 'the minimum itself passes');
  const installed = await run(preflight, ['terraform'], root, cleanEnv());
  t.same([installed.code, installed.stderr], [0, ''], 'the Terraform on PATH passes');
});

// The AWS CLI sends its requests through HTTPS_PROXY when it is set
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-proxy.html): a proxy on a
// port nothing listens on is a network that gives no answer, wherever the test runs.
t.test('a network that gives no answer is not blamed on the credentials', async (t) => {
  const env = cleanEnv({
    HTTPS_PROXY: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example',
    AWS_REGION: 'us-east-1',
  });
  const result = await run(preflight, ['aws'], root, env);
  t.equal(result.code, 1);
  t.match(result.stderr, /AWS could not be reached/);
  t.match(result.stderr, /Failed to connect to proxy URL: "http:\/\/127\.0\.0\.1:9"/, "the CLI's own words");
  t.match(result.stderr, /not the credentials/);
  t.notMatch(result.stderr, /credentials are not usable|aws configure/, 'and no advice about credentials');
});

t.test('missing credentials: the advice is given once', async (t) => {
  const result = await run(preflight, ['aws'], root, cleanEnv({ AWS_REGION: 'us-east-1' }));
  t.equal(result.code, 1);
  t.match(result.stderr, /AWS credentials are not usable/);
  t.match(result.stderr, /Unable to locate credentials/, "the CLI's own reason");
  t.equal(result.stderr.split('aws configure').length - 1, 1, '"aws configure" once');
  t.match(result.stderr, /aws sso login/, 'with the other ways to sign in');

  const profile = await run(preflight, ['aws'], root, cleanEnv({ AWS_PROFILE: 'qr-no-such-profile' }));
  t.match(profile.stderr, /The config profile \(qr-no-such-profile\) could not be found/);
  t.equal(profile.stderr.split('aws configure').length - 1, 1, 'once here too, where the CLI did not say it');
});
