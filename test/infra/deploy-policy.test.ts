// iam/deploy-policy.json is the policy the identity that runs `make deploy` needs. What it
// must allow is derived here from the deployment itself: every resource an apply creates
// (against the stand-in, alarms on, then every production-edge option on), with the API calls terraform-provider-aws makes for it
// — create, read, update, delete and tags — on that resource's own ARN. A resource type the
// table below does not know fails the test, so a new one in the .tf files needs its entry
// (and the policy its actions) before it lands.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { copyOfModule } from '../helpers/clone.js';
import { runServed, servedTerraform } from '../helpers/served-terraform.js';

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
const glob = (pattern: string, flags = ''): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    flags,
  );

/** Whether an Allow statement of `policy` grants `action` on `resource` in `context` (StringEquals conditions only). */
function allows(policy: Policy, action: string, resource: string, context: Record<string, string> = {}): boolean {
  return policy.Statement.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      list(statement.Action).some((pattern) => glob(pattern, 'i').test(action)) &&
      list(statement.Resource).some((pattern) => glob(pattern).test(resource)) &&
      Object.entries(statement.Condition ?? {}).every(
        ([operator, keys]) =>
          operator === 'StringEquals' && Object.entries(keys).every(([key, value]) => context[key] === value),
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
  'lambda:CreateFunction',
  'lambda:GetFunction',
  'lambda:GetFunctionCodeSigningConfig',
  'lambda:ListVersionsByFunction',
  'lambda:PublishVersion',
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
  'lambda:DeleteFunction',
  'lambda:PutFunctionConcurrency',
  'lambda:DeleteFunctionConcurrency',
  // GetFunction returns the tags only to a caller allowed ListTags.
  'lambda:TagResource',
  'lambda:UntagResource',
  'lambda:ListTags',
];
const IAM_ROLE = [
  'iam:CreateRole',
  'iam:GetRole',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteRole',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:ListRolePolicies',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
];
const LOG_GROUP = [
  'logs:CreateLogGroup',
  'logs:DeleteLogGroup',
  'logs:DescribeLogGroups',
  'logs:PutRetentionPolicy',
  'logs:DeleteRetentionPolicy',
  'logs:TagResource',
  'logs:UntagResource',
  'logs:ListTagsForResource',
];
const ALARM = [
  'cloudwatch:PutMetricAlarm',
  'cloudwatch:DescribeAlarms',
  'cloudwatch:DeleteAlarms',
  'cloudwatch:TagResource',
  'cloudwatch:UntagResource',
  'cloudwatch:ListTagsForResource',
];
// API Gateway authorises by HTTP method on the resource's path.
const READ_WRITE = ['apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'];
// What API Gateway checks of the caller when a stage sends access logs to CloudWatch
// ("Configure logging for HTTP APIs", AWS's API Gateway developer guide).
const LOG_DELIVERY = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
];
const LOG_READ = ['logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'];

type Needs = (values: Record<string, unknown>, all: readonly ResourceState[]) => Need[];
const apiPath = (region: string, path: string): string => `arn:aws:apigateway:${region}::${path}`;
/** API Gateway's calls for a resource: POST on its collection, GET, PATCH and DELETE on it, and its tags when it has any. */
const apiGatewayNeeds = (region: string, collection: string, id: string, taggedArn?: string): Need[] => [
  { actions: ['apigateway:POST'], resource: apiPath(region, collection) },
  { actions: READ_WRITE, resource: apiPath(region, `${collection}/${id}`) },
  ...(taggedArn
    ? [
        {
          actions: ['apigateway:GET', 'apigateway:POST', 'apigateway:DELETE'],
          resource: apiPath(region, `/tags/${encodeURIComponent(taggedArn)}`),
        },
      ]
    : []),
];
const API_GATEWAY_SERVICE_LINKED_ROLE =
  'arn:aws:iam::000000000000:role/aws-service-role/ops.apigateway.amazonaws.com/AWSServiceRoleForAPIGateway';
const regionOf = (values: Record<string, unknown>): string => String(values.region);
const arnOf = (
  all: readonly ResourceState[],
  type: string,
  match: (values: Record<string, unknown>) => boolean = () => true,
): string => String(all.find((r) => r.mode === 'managed' && r.type === type && match(r.values))?.values.arn);

const MANAGED: Record<string, Needs> = {
  aws_lambda_function: (values) => [
    { actions: LAMBDA_FUNCTION, resource: String(values.arn) },
    {
      actions: ['iam:PassRole'],
      resource: String(values.role),
      context: { 'iam:PassedToService': 'lambda.amazonaws.com' },
    },
  ],
  // On the alias when it has a qualifier: the permission is the alias's.
  aws_lambda_permission: (values, all) => [
    {
      actions: ['lambda:AddPermission', 'lambda:RemovePermission', 'lambda:GetPolicy'],
      resource: `${arnOf(all, 'aws_lambda_function')}${values.qualifier ? `:${String(values.qualifier)}` : ''}`,
    },
  ],
  aws_lambda_alias: (values) => [
    {
      actions: ['lambda:CreateAlias', 'lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:DeleteAlias'],
      resource: String(values.arn),
    },
  ],
  aws_acm_certificate: (values) => [
    { actions: ['acm:RequestCertificate'], resource: '*' },
    {
      actions: [
        'acm:DescribeCertificate',
        'acm:ListTagsForCertificate',
        'acm:AddTagsToCertificate',
        'acm:RemoveTagsFromCertificate',
        'acm:DeleteCertificate',
      ],
      resource: String(values.arn),
    },
  ],
  aws_acm_certificate_validation: (values) => [
    { actions: ['acm:DescribeCertificate'], resource: String(values.certificate_arn) },
  ],
  aws_route53_record: (values) => [
    {
      actions: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets', 'route53:GetHostedZone'],
      resource: `arn:aws:route53:::hostedzone/${String(values.zone_id)}`,
    },
    { actions: ['route53:GetChange'], resource: 'arn:aws:route53:::change/C0000000000000' },
  ],
  // A custom domain needs API Gateway's service-linked role, which CreateDomainName creates
  // in an account that has none yet, as the caller ("Using service-linked roles for API
  // Gateway", AWS's API Gateway developer guide; without it: "Caller does not have
  // permissions to create a Service Linked Role"). Only the one role, only for API Gateway.
  aws_apigatewayv2_domain_name: (values) => [
    ...apiGatewayNeeds(regionOf(values), '/domainnames', String(values.domain_name), String(values.arn)),
    {
      actions: ['iam:CreateServiceLinkedRole'],
      resource: API_GATEWAY_SERVICE_LINKED_ROLE,
      context: { 'iam:AWSServiceName': 'ops.apigateway.amazonaws.com' },
    },
  ],
  aws_apigatewayv2_api_mapping: (values) =>
    apiGatewayNeeds(regionOf(values), `/domainnames/${String(values.domain_name)}/apimappings`, String(values.id)),
  aws_cloudfront_cache_policy: (values) => [
    {
      actions: [
        'cloudfront:CreateCachePolicy',
        'cloudfront:GetCachePolicy',
        'cloudfront:UpdateCachePolicy',
        'cloudfront:DeleteCachePolicy',
      ],
      resource: String(values.arn),
    },
  ],
  aws_cloudfront_distribution: (values) => [
    {
      actions: [
        'cloudfront:CreateDistribution',
        'cloudfront:GetDistribution',
        'cloudfront:UpdateDistribution',
        'cloudfront:DeleteDistribution',
        'cloudfront:TagResource',
        'cloudfront:UntagResource',
        'cloudfront:ListTagsForResource',
      ],
      resource: String(values.arn),
    },
    // make rollback and make rollforward invalidate what the edges cached (scripts/rollback.sh).
    { actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], resource: String(values.arn) },
    // CloudFront reads the web ACL it is given.
    ...(values.web_acl_id ? [{ actions: ['wafv2:GetWebACL'], resource: String(values.web_acl_id) }] : []),
  ],
  aws_wafv2_web_acl: (values) => [
    {
      actions: [
        'wafv2:CreateWebACL',
        'wafv2:GetWebACL',
        'wafv2:UpdateWebACL',
        'wafv2:DeleteWebACL',
        'wafv2:ListTagsForResource',
        'wafv2:TagResource',
        'wafv2:UntagResource',
      ],
      resource: String(values.arn),
    },
  ],
  aws_cloudwatch_dashboard: (values) => [
    {
      actions: ['cloudwatch:PutDashboard', 'cloudwatch:GetDashboard', 'cloudwatch:DeleteDashboards'],
      resource: String(values.dashboard_arn),
    },
  ],
  aws_iam_role: (values) => [{ actions: IAM_ROLE, resource: String(values.arn) }],
  aws_iam_role_policy: (values, all) => [
    {
      actions: ['iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy'],
      resource: arnOf(all, 'aws_iam_role', (role) => role.name === values.role),
    },
  ],
  aws_cloudwatch_log_group: (values) => [{ actions: LOG_GROUP, resource: String(values.arn) }],
  aws_cloudwatch_metric_alarm: (values) => [{ actions: ALARM, resource: String(values.arn) }],
  // On the log group it reads (internal/service/logs/metric_filter.go: PutMetricFilter,
  // DescribeMetricFilters by log group and name prefix, DeleteMetricFilter).
  aws_cloudwatch_log_metric_filter: (values, all) => [
    {
      actions: ['logs:PutMetricFilter', 'logs:DescribeMetricFilters', 'logs:DeleteMetricFilter'],
      resource: arnOf(all, 'aws_cloudwatch_log_group', (group) => group.name === values.log_group_name),
    },
  ],
  aws_apigatewayv2_api: (values) => apiGatewayNeeds(regionOf(values), '/apis', String(values.id), String(values.arn)),
  aws_apigatewayv2_integration: (values) =>
    apiGatewayNeeds(regionOf(values), `/apis/${String(values.api_id)}/integrations`, String(values.id)),
  aws_apigatewayv2_route: (values) =>
    apiGatewayNeeds(regionOf(values), `/apis/${String(values.api_id)}/routes`, String(values.id)),
  aws_apigatewayv2_stage: (values) => [
    { actions: ['apigateway:POST'], resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}/stages`) },
    { actions: ['apigateway:GET'], resource: apiPath(regionOf(values), `/apis/${String(values.api_id)}`) },
    { actions: READ_WRITE, resource: String(values.arn) },
    {
      actions: ['apigateway:GET', 'apigateway:POST', 'apigateway:DELETE'],
      resource: apiPath(regionOf(values), `/tags/${encodeURIComponent(String(values.arn))}`),
    },
    { actions: LOG_DELIVERY, resource: '*' },
    {
      actions: LOG_READ,
      resource: String((values.access_log_settings as { destination_arn: string }[])[0]!.destination_arn),
    },
  ],
  // Terraform's own: nothing in AWS.
  terraform_data: () => [],
};
// Data sources that call no AWS API that needs a permission (sts:GetCallerIdentity needs none).
const DATA_WITHOUT_PERMISSIONS = new Set([
  'aws_caller_identity',
  'aws_iam_policy_document',
  'aws_partition',
  'aws_region',
  'archive_file',
]);
// Data sources that do, and what.
const DATA: Record<string, Needs> = {
  aws_route53_zone: (values) => [
    {
      actions: ['route53:GetHostedZone', 'route53:ListTagsForResource'],
      resource: `arn:aws:route53:::hostedzone/${String(values.zone_id)}`,
    },
  ],
};
/** Actions that have no resource-level permissions, so the policy may grant them on every resource. */
const ANY_RESOURCE = new Set(
  [...LOG_DELIVERY, 'cloudwatch:DescribeAlarms', 'acm:RequestCertificate'].map((action) => action.toLowerCase()),
);

/**
 * For each of `resources`, in order, the calls the provider makes for it that `policy` does
 * not allow; `missing` is null for a type this test's tables do not know.
 */
function refusedCalls(
  policy: Policy,
  resources: readonly ResourceState[],
): { address: string; missing: string[] | null }[] {
  const refused: { address: string; missing: string[] | null }[] = [];
  for (const resource of resources) {
    const needs =
      resource.mode === 'data'
        ? (DATA[resource.type] ?? (DATA_WITHOUT_PERMISSIONS.has(resource.type) ? () => [] : undefined))
        : MANAGED[resource.type];
    refused.push({
      address: resource.address,
      missing: needs
        ? needs(resource.values, resources).flatMap(({ actions, resource: arn, context }) =>
            actions.filter((action) => !allows(policy, action, arn, context)).map((action) => `${action} on ${arn}`),
          )
        : null,
    });
  }
  return refused;
}

const policy = JSON.parse(await readFile(join(root, 'iam/deploy-policy.json'), 'utf8')) as Policy;

t.test('the policy file is an IAM policy document, allowing only', async (t) => {
  t.equal(policy.Version, '2012-10-17');
  t.ok(policy.Statement.length >= 5);
  const sids = policy.Statement.map((statement) => statement.Sid);
  t.same([...new Set(sids)], sids, 'every statement has its own Sid');
  for (const statement of policy.Statement) {
    t.equal(statement.Effect, 'Allow', statement.Sid);
    t.ok(
      list(statement.Action).every((action) => /^[a-z0-9-]+:[A-Za-z*]+$/.test(action) && !action.endsWith(':*')),
      `${statement.Sid}: actions by name, no service-wide wildcard`,
    );
    if (list(statement.Resource).includes('*')) {
      t.ok(
        list(statement.Action).every((action) => ANY_RESOURCE.has(action.toLowerCase())),
        `${statement.Sid}: Resource "*" only for actions without resource-level permissions`,
      );
    }
  }
});

t.test('the policy allows every call the provider makes for every resource the deployment creates', async (t) => {
  const dir = await copyOfModule();
  const env = {
    ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')),
    AWS_REGION: 'eu-west-1',
    TF_VAR_alarm_sns_topic_arn: 'arn:aws:sns:eu-west-1:000000000000:alerts',
  };
  for (const args of [
    ['init', '-input=false', '-no-color'],
    ['apply', '-input=false', '-no-color', '-auto-approve'],
  ]) {
    const step = await servedTerraform(dir, env)(args);
    t.equal(step.code, 0, `terraform ${args[0]}${step.code === 0 ? '' : `: ${step.stderr.slice(-600)}`}`);
  }
  const stateNow = async (): Promise<ResourceState[]> =>
    (
      JSON.parse((await runServed('terraform', ['show', '-json', '-no-color'], dir, env)).stdout) as {
        values: { root_module: { resources: ResourceState[] } };
      }
    ).values.root_module.resources;
  const resources = await stateNow();
  // Then the production edge, which adds resources of types of their own: the domain on
  // API Gateway, then on the CDN with every other option.
  const domain = {
    TF_VAR_domain_name: 'qr.example.com',
    TF_VAR_hosted_zone_id: 'Z0EXAMPLE0000000000A',
    QR_STANDIN_ROUTE53_ZONES: 'Z0EXAMPLE0000000000A=example.com',
  };
  const variants = {
    'a domain on the API': domain,
    'the CDN, WAF, alias and dashboard': {
      ...domain,
      TF_VAR_cdn_enabled: 'true',
      TF_VAR_waf_rate_limit: '600',
      TF_VAR_rollback_enabled: 'true',
      TF_VAR_dashboard_enabled: 'true',
    },
  };
  for (const [name, variables] of Object.entries(variants)) {
    const edge = await runServed('terraform', ['apply', '-input=false', '-no-color', '-auto-approve'], dir, {
      ...env,
      ...variables,
    });
    t.equal(edge.code, 0, `terraform apply with ${name}${edge.code === 0 ? '' : `: ${edge.stderr.slice(-600)}`}`);
    resources.push(...(await stateNow()));
  }
  const managedTypes = new Set(resources.filter((r) => r.mode === 'managed').map((r) => r.type));
  t.ok(
    managedTypes.has('aws_cloudwatch_metric_alarm') && managedTypes.has('aws_lambda_function'),
    'the apply had the alarms and the function',
  );
  t.ok(
    [
      'aws_apigatewayv2_domain_name',
      'aws_apigatewayv2_api_mapping',
      'aws_cloudfront_distribution',
      'aws_wafv2_web_acl',
      'aws_lambda_alias',
      'aws_acm_certificate',
      'aws_route53_record',
      'aws_cloudwatch_dashboard',
    ].every((type) => managedTypes.has(type)),
    'and the edge',
  );

  for (const { address, missing } of refusedCalls(policy, resources)) {
    if (missing === null) {
      t.fail(
        `${address}: no entry for its type in this test's table; add the provider's calls for it here and to iam/deploy-policy.json`,
      );
      continue;
    }
    t.same(missing, [], `${address}: every call allowed`);
  }
});

t.test('and scopes it to this deployment: another function, role or log group is not allowed', async (t) => {
  t.notOk(
    allows(policy, 'lambda:UpdateFunctionCode', 'arn:aws:lambda:eu-west-1:123456789012:function:payments'),
    'another function',
  );
  t.notOk(allows(policy, 'iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/admin'), 'another role');
  t.notOk(
    allows(policy, 'iam:PassRole', 'arn:aws:iam::123456789012:role/qr-code-generator-eu-west-1', {
      'iam:PassedToService': 'ec2.amazonaws.com',
    }),
    'the role, to another service',
  );
  t.notOk(
    allows(policy, 'logs:DeleteLogGroup', 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/payments'),
    'another log group',
  );
  t.notOk(
    allows(policy, 'cloudwatch:DeleteAlarms', 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-errors'),
    'another alarm',
  );
  t.notOk(
    allows(
      policy,
      'iam:CreateServiceLinkedRole',
      'arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing',
      { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' },
    ),
    "another service's service-linked role",
  );
});

// docs/deploy.md: the real-account runs of test/terraform/deployment.tftest.hcl create
// qr-tftest-* resources, which iam/deploy-policy.json (qr-code-generator's names) refuses;
// they run with the same policy for their names, made by the substitution the doc shows.
t.test('the real-account test runs need the deploy policy for their names, as docs/deploy.md says', async (t) => {
  const deployDoc = await readFile(join(root, 'docs/deploy.md'), 'utf8');
  const substitution = /^sed 's\/qr-code-generator\/([^/]+)\/g' iam\/deploy-policy\.json > (\S+)$/m.exec(deployDoc);
  t.ok(substitution, 'the doc shows how the test policy is made');
  const names = substitution?.[1] ?? '';
  const testPolicy = JSON.parse(JSON.stringify(policy).replaceAll('qr-code-generator', names)) as Policy;

  // The function names of the runs that apply (no `command = plan`), which create resources.
  const tests = await readFile(join(root, 'test/terraform/deployment.tftest.hcl'), 'utf8');
  const applied = tests
    .split(/^run "/m)
    .slice(1)
    .filter((block) => !/^\s*command\s*=\s*plan\s*$/m.test(block))
    .map((block) => /^\s*function_name\s*=\s*"([^"]+)"/m.exec(block)?.[1]);
  t.ok(applied.length >= 2, `${applied.length} apply runs`);
  for (const name of applied) {
    t.ok(name && glob(names).test(name), `an apply run names its function ${name}, within ${names}`);
  }

  // The alarm run's resources: the plain deployment with the alarms and the metric filter.
  const dir = await copyOfModule();
  const env = {
    ...terraformEnv(join(root, 'build/terraform-standin/mirror.tfrc')),
    AWS_REGION: 'eu-west-1',
    TF_VAR_function_name: applied.at(-1) ?? 'qr-tftest-alarms',
    TF_VAR_alarm_sns_topic_arn: 'arn:aws:sns:eu-west-1:000000000000:qr-tftest-alerts',
  };
  for (const args of [
    ['init', '-input=false', '-no-color'],
    ['apply', '-input=false', '-no-color', '-auto-approve'],
  ]) {
    const step = await servedTerraform(dir, env)(args);
    t.equal(step.code, 0, `terraform ${args[0]}${step.code === 0 ? '' : `: ${step.stderr.slice(-600)}`}`);
  }
  const resources = (
    JSON.parse((await runServed('terraform', ['show', '-json', '-no-color'], dir, env)).stdout) as {
      values: { root_module: { resources: ResourceState[] } };
    }
  ).values.root_module.resources;
  t.ok(
    resources.some((r) => r.type === 'aws_cloudwatch_metric_alarm'),
    'the apply had the alarms',
  );
  for (const { address, missing } of refusedCalls(testPolicy, resources)) {
    t.same(missing, [], `${address}: every call allowed by the test policy`);
  }
  const byDeployPolicy = refusedCalls(policy, resources).filter(({ missing }) => missing && missing.length > 0);
  t.ok(
    byDeployPolicy.some(({ address }) => address === 'aws_iam_role.function') &&
      byDeployPolicy.some(({ address }) => address === 'aws_lambda_function.qr'),
    'and iam/deploy-policy.json itself refuses them, as the doc says',
  );
});
