// iam/deploy-policy.json is the policy the identity that runs `make deploy` needs. What it
// must allow is derived here from the deployment itself: every resource an apply creates
// (against the stand-in, alarms on), with the API calls terraform-provider-aws makes for it
// — create, read, update, delete and tags — on that resource's own ARN. A resource type the
// table below does not know fails the test, so a new one in the .tf files needs its entry
// (and the policy its actions) before it lands.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin.js';
import { copyOfModule } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Statement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string>>;
}
interface Policy {
  readonly Version: string;
  readonly Statement: Statement[];
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
/** IAM's wildcards: `*` any run of characters, `?` one. */
const glob = (pattern: string, flags = ''): RegExp => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags);

/** Whether an Allow statement of `policy` grants `action` on `resource` in `context` (StringEquals conditions only). */
function allows(policy: Policy, action: string, resource: string, context: Record<string, string> = {}): boolean {
  return policy.Statement.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      list(statement.Action).some((pattern) => glob(pattern, 'i').test(action)) &&
      list(statement.Resource).some((pattern) => glob(pattern).test(resource)) &&
      Object.entries(statement.Condition ?? {}).every(
        ([operator, keys]) => operator === 'StringEquals' && Object.entries(keys).every(([key, value]) => context[key] === value),
      ),
  );
}

interface ResourceState {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly values: Record<string, unknown>;
}
interface Need {
  readonly actions: readonly string[];
  readonly resource: string;
  readonly context?: Record<string, string>;
}

// The provider's calls, by resource type (internal/service/<service>/<type>.go of
// terraform-provider-aws v6): what plan, apply, a later update and destroy call.
const LAMBDA_FUNCTION = [
  'lambda:CreateFunction', 'lambda:GetFunction', 'lambda:GetFunctionCodeSigningConfig', 'lambda:ListVersionsByFunction',
  'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:DeleteFunction',
  'lambda:PutFunctionConcurrency', 'lambda:DeleteFunctionConcurrency',
  // GetFunction returns the tags only to a caller allowed ListTags.
  'lambda:TagResource', 'lambda:UntagResource', 'lambda:ListTags',
];
const IAM_ROLE = [
  'iam:CreateRole', 'iam:GetRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRole',
  'iam:TagRole', 'iam:UntagRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole',
];
const LOG_GROUP = [
  'logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:DescribeLogGroups', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy',
  'logs:TagResource', 'logs:UntagResource', 'logs:ListTagsForResource',
];
const ALARM = ['cloudwatch:PutMetricAlarm', 'cloudwatch:DescribeAlarms', 'cloudwatch:DeleteAlarms', 'cloudwatch:TagResource', 'cloudwatch:UntagResource', 'cloudwatch:ListTagsForResource'];
// API Gateway authorises by HTTP method on the resource's path.
const READ_WRITE = ['apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'];
// What API Gateway checks of the caller when a stage sends access logs to CloudWatch
// ("Configure logging for HTTP APIs", AWS's API Gateway developer guide).
const LOG_DELIVERY = ['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies'];
const LOG_READ = ['logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'];

type Needs = (values: Record<string, unknown>, all: readonly ResourceState[]) => Need[];
const apiPath = (region: string, path: string): string => `arn:aws:apigateway:${region}::${path}`;
const regionOf = (values: Record<string, unknown>): string => String(values.region);
const arnOf = (all: readonly ResourceState[], type: string, match: (values: Record<string, unknown>) => boolean = () => true): string =>
  String(all.find((r) => r.mode === 'managed' && r.type === type && match(r.values))?.values.arn);

const MANAGED: Record<string, Needs> = {
  aws_lambda_function: (values) => [
    { actions: LAMBDA_FUNCTION, resource: String(values.arn) },
    { actions: ['iam:PassRole'], resource: String(values.role), context: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
  ],
  aws_lambda_permission: (_values, all) => [{ actions: ['lambda:AddPermission', 'lambda:RemovePermission', 'lambda:GetPolicy'], resource: arnOf(all, 'aws_lambda_function') }],
  aws_iam_role: (values) => [{ actions: IAM_ROLE, resource: String(values.arn) }],
  aws_iam_role_policy: (values, all) => [
    { actions: ['iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy'], resource: arnOf(all, 'aws_iam_role', (role) => role.name === values.role) },
  ],
  aws_cloudwatch_log_group: (values) => [{ actions: LOG_GROUP, resource: String(values.arn) }],
  aws_cloudwatch_metric_alarm: (values) => [{ actions: ALARM, resource: String(values.arn) }],
  aws_apigatewayv2_api: (values) => [
    { actions: ['apigateway:POST'], resource: apiPath(regionOf(values), '/apis') },
    { actions: READ_WRITE, resource: apiPath(regionOf(values), `/apis/${String(values.id)}`) },
    { actions: ['apigateway:GET', 'apigateway:POST', 'apigateway:DELETE'], resource: apiPath(regionOf(values), `/tags/${encodeURIComponent(String(values.arn))}`) },
  ],
  aws_apigatewayv2_integration: (values) => [
    { actions: ['apigateway:POST'], resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}/integrations`) },
    { actions: READ_WRITE, resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}/integrations/${String(values.id)}`) },
  ],
  aws_apigatewayv2_route: (values) => [
    { actions: ['apigateway:POST'], resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}/routes`) },
    { actions: READ_WRITE, resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}/routes/${String(values.id)}`) },
  ],
  aws_apigatewayv2_stage: (values) => [
    { actions: ['apigateway:POST'], resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}/stages`) },
    { actions: ['apigateway:GET'], resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}`) },
    { actions: READ_WRITE, resource: String(values.arn) },
    { actions: ['apigateway:GET', 'apigateway:POST', 'apigateway:DELETE'], resource: apiPath(regionOf(values), `/tags/${encodeURIComponent(String(values.arn))}`) },
    { actions: LOG_DELIVERY, resource: '*' },
    { actions: LOG_READ, resource: String((values.access_log_settings as { destination_arn: string }[])[0]!.destination_arn) },
  ],
  // Terraform's own: nothing in AWS.
  terraform_data: () => [],
};
// Data sources that call no AWS API that needs a permission (sts:GetCallerIdentity needs none).
const DATA_WITHOUT_PERMISSIONS = new Set(['aws_caller_identity', 'aws_iam_policy_document', 'aws_partition', 'aws_region', 'archive_file']);
/** Actions that have no resource-level permissions, so the policy may grant them on every resource. */
const ANY_RESOURCE = new Set([...LOG_DELIVERY, 'cloudwatch:DescribeAlarms'].map((action) => action.toLowerCase()));

const policy = JSON.parse(await readFile(join(root, 'iam/deploy-policy.json'), 'utf8')) as Policy;

t.test('the policy file is an IAM policy document, allowing only', async (t) => {
  t.equal(policy.Version, '2012-10-17');
  t.ok(policy.Statement.length >= 5);
  const sids = policy.Statement.map((statement) => statement.Sid);
  t.same([...new Set(sids)], sids, 'every statement has its own Sid');
  for (const statement of policy.Statement) {
    t.equal(statement.Effect, 'Allow', statement.Sid);
    t.ok(list(statement.Action).every((action) => /^[a-z0-9-]+:[A-Za-z*]+$/.test(action) && !action.endsWith(':*')), `${statement.Sid}: actions by name, no service-wide wildcard`);
    if (list(statement.Resource).includes('*')) {
      t.ok(list(statement.Action).every((action) => ANY_RESOURCE.has(action.toLowerCase())), `${statement.Sid}: Resource "*" only for actions without resource-level permissions`);
    }
  }
});

t.test("the policy allows every call the provider makes for every resource the deployment creates", async (t) => {
  const dir = await copyOfModule();
  const env = {
    ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')),
    AWS_REGION: 'eu-west-1',
    TF_VAR_alarm_sns_topic_arn: 'arn:aws:sns:eu-west-1:000000000000:alerts',
  };
  for (const args of [['init', '-input=false', '-no-color'], ['apply', '-input=false', '-no-color', '-auto-approve']]) {
    const step = await run('terraform', args, dir, env);
    t.equal(step.code, 0, `terraform ${args[0]}${step.code === 0 ? '' : `: ${step.stderr.slice(-600)}`}`);
  }
  const shown = await run('terraform', ['show', '-json', '-no-color'], dir, env);
  const state = JSON.parse(shown.stdout) as { values: { root_module: { resources: ResourceState[] } } };
  const resources = state.values.root_module.resources;
  const managedTypes = new Set(resources.filter((r) => r.mode === 'managed').map((r) => r.type));
  t.ok(managedTypes.has('aws_cloudwatch_metric_alarm') && managedTypes.has('aws_lambda_function'), 'the apply had the alarms and the function');

  for (const resource of resources) {
    if (resource.mode === 'data') {
      t.ok(DATA_WITHOUT_PERMISSIONS.has(resource.type), `data ${resource.type}: known to need no permission`);
      continue;
    }
    const needs = MANAGED[resource.type];
    if (!needs) {
      t.fail(`${resource.address}: no entry for ${resource.type} in this test's table; add the provider's calls for it here and to iam/deploy-policy.json`);
      continue;
    }
    const missing = needs(resource.values, resources).flatMap(({ actions, resource: arn, context }) =>
      actions.filter((action) => !allows(policy, action, arn, context)).map((action) => `${action} on ${arn}`),
    );
    t.same(missing, [], `${resource.address}: every call allowed`);
  }
});

t.test('and scopes it to this deployment: another function, role or log group is not allowed', async (t) => {
  t.notOk(allows(policy, 'lambda:UpdateFunctionCode', 'arn:aws:lambda:eu-west-1:123456789012:function:payments'), 'another function');
  t.notOk(allows(policy, 'iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/admin'), 'another role');
  t.notOk(allows(policy, 'iam:PassRole', 'arn:aws:iam::123456789012:role/qr-code-generator-eu-west-1', { 'iam:PassedToService': 'ec2.amazonaws.com' }), 'the role, to another service');
  t.notOk(allows(policy, 'logs:DeleteLogGroup', 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/payments'), 'another log group');
  t.notOk(allows(policy, 'cloudwatch:DeleteAlarms', 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-errors'), 'another alarm');
});
