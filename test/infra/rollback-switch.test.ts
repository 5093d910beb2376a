// Turning rollback_enabled on moves the API's integration to the live alias and replaces the
// permission to invoke (a qualifier is a new permission: the provider's qualifier is ForceNew).
// Destroyed first, the old permission would leave the API invoking a function it may not for
// the seconds between, every request a 500. The plan must create the alias's permission before
// it deletes the old one, and move the integration only after that.
import t from 'tap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { copyOfModule } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';
import { runServed } from '../helpers/served-terraform.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Plan {
  resource_changes: { address: string; change: { actions: string[] } }[];
  configuration: { root_module: { resources: { address: string; depends_on?: string[] }[] } };
}

t.test('turning rollback on creates the new permission before the old one goes', async (t) => {
  const dir = await copyOfModule();
  const env = { ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')), AWS_REGION: 'eu-west-1' };
  t.equal((await run('terraform', ['init', '-input=false', '-no-color'], dir, env)).code, 0, 'init');
  const applied = await runServed('terraform', ['apply', '-input=false', '-no-color', '-auto-approve'], dir, env);
  t.equal(applied.code, 0, `the deployment without rollback${applied.code === 0 ? '' : `: ${applied.stderr}`}`);
  const on = { ...env, TF_VAR_rollback_enabled: 'true' };
  const plan = await runServed('terraform', ['plan', '-input=false', '-no-color', '-out=tfplan'], dir, on);
  t.equal(plan.code, 0, 'the plan that turns it on');
  const shown = JSON.parse((await runServed('terraform', ['show', '-json', 'tfplan'], dir, on)).stdout) as Plan;
  const actions = (address: string): string[] | undefined =>
    shown.resource_changes.find((change) => change.address === address)?.change.actions;
  t.same(actions('aws_lambda_permission.api_gateway'), ['create', 'delete'], 'create, then delete');
  t.same(actions('aws_apigatewayv2_integration.qr'), ['update'], 'the integration moves');
  const integration = shown.configuration.root_module.resources.find(
    (resource) => resource.address === 'aws_apigatewayv2_integration.qr',
  );
  t.ok(
    integration?.depends_on?.includes('aws_lambda_permission.api_gateway'),
    'after the permission to invoke the alias exists',
  );
});
