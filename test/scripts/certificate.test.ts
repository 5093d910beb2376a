// `make certificate`, the first step for a domain whose DNS is not in Route 53, from a fresh
// clone (never built) against the stand-in provider: it must request the certificate and
// print its validation record, or the next `make deploy` waits 75 minutes for a record the
// user was never shown. Two rules of Terraform's -target make that fail silently:
//   - every dependency of the target is planned too, so a certificate that depended on the
//     zip would need a build (the zip's precondition fails on a fresh clone);
//   - only the outputs whose resources were all targeted are written
//     (hashicorp/terraform, internal/terraform/transform_targets.go), so an output that also
//     reaches the distribution or the API's domain stays empty.
import t from 'tap';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { cloneOfProject } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('make certificate in a fresh clone prints the validation record, without a build', async (t) => {
  const clone = await cloneOfProject();
  // The stand-in is installed from a filesystem mirror, as make rehearse does; the project's
  // lock file holds the real provider's hashes.
  await rm(join(clone, '.terraform.lock.hcl'));
  const env = {
    ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')),
    QR_REHEARSAL: '1',
    AWS_REGION: 'eu-west-1',
    TF_VAR_domain_name: 'qr.example.com',
    MAKEFLAGS: '',
  };
  const result = await run('make', ['certificate', 'APPLY_FLAGS=-auto-approve'], clone, env);
  t.equal(result.code, 0, `make certificate succeeds${result.code === 0 ? '' : `: ${result.stderr.slice(-800)}`}`);
  t.match(
    result.stdout,
    /purpose"? = "certificate validation[\s\S]*name"? = "_[0-9a-f]{32}\.qr\.example\.com\.[\s\S]*type"? = "CNAME"[\s\S]*value"? = "_[0-9a-f]{32}\.[a-z0-9]+\.acm-validations\.aws\."/,
    'the validation record: name, CNAME and value',
  );
  t.notOk(existsSync(join(clone, 'build/lambda.zip')), 'nothing was built or zipped');
  const state = await run('terraform', ['state', 'list'], clone, env);
  t.same(
    state.stdout
      .trim()
      .split('\n')
      .filter((address) => !address.startsWith('data.')),
    ['aws_acm_certificate.domain[0]'],
    'the certificate alone was created',
  );
});
