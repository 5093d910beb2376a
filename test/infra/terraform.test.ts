import t from 'tap';
import { parse } from '@cdktf/hcl2json';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateValue } from '../../local/terraform/expression.js';
import { checkValidations, moduleScope, readModule, variableType, variableValues, type Block } from '../../local/terraform/module.js';
import { loadStackConfig } from '../../local/terraform/stack-config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const module = await readModule(root);
const defaults = variableValues(module);
const scope = moduleScope(module, defaults);
const resource = (type: string, name: string): Block => {
  const block = module.resources[type]?.[name];
  if (!block) throw new Error(`missing resource ${type}.${name}`);
  return block;
};
const nested = (block: Block, name: string): Block => (block[name] as Block[])[0]!;

t.test('every .tf file parses; the expected files are there', async (t) => {
  t.same(module.files, ['main.tf', 'outputs.tf', 'variables.tf']);
});

t.test('terraform block: version and providers', async (t) => {
  const [terraform] = module.terraform;
  t.equal(terraform?.required_version, '>= 1.5');
  const providers = (terraform?.required_providers as Block[])[0]!;
  t.same(providers.aws, { source: 'hashicorp/aws', version: '~> 6.49' });
  t.same(providers.archive, { source: 'hashicorp/archive', version: '~> 2.7' });
});

t.test('the lock file covers every required provider with matching constraints', async (t) => {
  const lock = (await parse('.terraform.lock.hcl', await readFile(join(root, '.terraform.lock.hcl'), 'utf8'))) as {
    provider: Record<string, [{ version: string; constraints: string; hashes: string[] }]>;
  };
  const required = (module.terraform[0]!.required_providers as Block[])[0] as Record<string, { source: string; version: string }>;
  t.same(Object.keys(lock.provider).sort(), Object.values(required).map((p) => `registry.terraform.io/${p.source}`).sort());
  for (const { source, version } of Object.values(required)) {
    const [entry] = lock.provider[`registry.terraform.io/${source}`]!;
    t.equal(entry.constraints, version, `${source} constraints = required_providers version`);
    t.match(entry.version, /^\d+\.\d+\.\d+$/);
    const [major, minor] = version.replace('~> ', '').split('.').map(Number);
    const [lockMajor, lockMinor] = entry.version.split('.').map(Number);
    t.ok(lockMajor === major && lockMinor! >= minor!, `${source} ${entry.version} satisfies ${version}`);
    t.ok(entry.hashes.some((h) => /^zh:[0-9a-f]{64}$/.test(h)), `${source} has zh: hashes`);
    t.ok(entry.hashes.some((h) => /^h1:[A-Za-z0-9+/]{43}=$/.test(h)), `${source} has h1: hashes`);
    t.ok(entry.hashes.every((h) => /^(zh:[0-9a-f]{64}|h1:[A-Za-z0-9+/]{43}=)$/.test(h)), 'every hash well-formed');
  }
});

const reference = join(root, '..', 'shared', 'reference', 'terraform.lock.hcl');
t.test('the lock file is the cross-checked reference, byte for byte', { skip: existsSync(reference) ? false : `no reference lock file at ${reference} (only on the team's machines)` }, async (t) => {
  t.equal(await readFile(join(root, '.terraform.lock.hcl'), 'utf8'), await readFile(reference, 'utf8'));
});

t.test('every variable is typed, described, defaulted, and its default passes its validation', async (t) => {
  for (const [name, variable] of Object.entries(module.variables)) {
    t.ok(variableType(variable), `${name}: type`);
    t.type(variable.description, 'string', `${name}: description`);
    t.ok(String(variable.description).length > 10, `${name}: a real description`);
    t.ok(Object.hasOwn(variable, 'default'), `${name}: default`);
  }
  t.doesNotThrow(() => checkValidations(module, defaults), 'defaults are valid');
  t.same(defaults.region, 'us-east-1');
  t.same(defaults.function_name, 'qr-code-generator');
  t.same(defaults.runtime, 'nodejs20.x');
  t.same(defaults.memory_size, 256);
  t.same(defaults.timeout, 10);
  t.same(defaults.reserved_concurrency, null, 'no reserved concurrency by default');
  t.same(defaults.cors_allow_origins, ['*']);
});

t.test('validations refuse what AWS or API Gateway would', async (t) => {
  const refused: Record<string, string> = {
    TF_VAR_runtime: 'nodejs18.x',
    TF_VAR_timeout: '31',
    TF_VAR_memory_size: '100',
    TF_VAR_log_retention_days: '10',
    TF_VAR_function_name: 'has space',
    TF_VAR_reserved_concurrency: '-1',
    TF_VAR_cors_allow_origins: '["https://example.com/path"]',
    TF_VAR_environment_variables: '{ AWS_REGION = "x" }',
    TF_VAR_throttling_rate_limit: '0',
    TF_VAR_region: 'mars',
    TF_VAR_tags: '{ "aws:x" = "y" }',
  };
  for (const [name, value] of Object.entries(refused)) {
    t.throws(() => checkValidations(module, variableValues(module, { [name]: value })), /invalid variable values/, `${name}=${value}`);
  }
  for (const [name, value] of Object.entries({ TF_VAR_runtime: 'nodejs24.x', TF_VAR_timeout: '30', TF_VAR_reserved_concurrency: '5', TF_VAR_log_retention_days: '0', TF_VAR_cors_allow_origins: '["https://a.example", "http://localhost:3000"]' })) {
    t.doesNotThrow(() => checkValidations(module, variableValues(module, { [name]: value })), `${name}=${value} accepted`);
  }
});

t.test('every output is described', async (t) => {
  for (const name of ['api_endpoint', 'generate_url', 'function_name', 'function_arn', 'function_log_group', 'access_log_group', 'curl_command', 'invoke_command', 'region']) {
    t.ok(module.outputs[name], `output ${name}`);
  }
  for (const [name, output] of Object.entries(module.outputs)) t.type(output.description, 'string', `${name}: description`);
});

t.test('the function: arm64, runtime, handler ↔ the built file and its export, code from the build folder', async (t) => {
  const config = await loadStackConfig(root);
  t.same(config.architectures, ['arm64']);
  t.equal(config.function.runtime, 'nodejs20.x');
  t.equal(config.function.memorySize, 256);
  t.equal(config.function.timeoutSeconds, 10);
  t.equal(config.function.logFormat, 'JSON');
  t.equal(config.function.reservedConcurrency, null);
  t.equal(config.function.codeDir, join(root, 'build/lambda'), 'archive_file zips the folder build.mjs writes');
  const [file, exportName] = config.function.handler.split('.');
  const built = join(config.function.codeDir, `${file}.mjs`);
  t.ok(existsSync(built), `${file}.mjs is built (make build)`);
  const bundle = (await import(built)) as Record<string, unknown>;
  t.type(bundle[exportName!], 'function', `${built} exports ${exportName}`);

  const fn = resource('aws_lambda_function', 'qr');
  t.equal(fn.source_code_hash, '${data.archive_file.function.output_base64sha256}', 'redeploys exactly when the zip changes');
  t.equal(fn.reserved_concurrent_executions, '${var.reserved_concurrency}');
  const archive = module.data.archive_file!.function!;
  t.equal(archive.type, 'zip');
  t.equal(archive.output_file_mode, '0666', 'same zip hash on every machine');
  t.equal(evaluateValue(archive.output_path, scope), join(root, 'build/lambda.zip'), 'the zip sits outside the folder it zips');
});

t.test('logging: JSON format into a log group created first, with retention', async (t) => {
  const fn = resource('aws_lambda_function', 'qr');
  const logging = nested(fn, 'logging_config');
  t.equal(logging.log_format, 'JSON');
  t.equal(logging.log_group, '${aws_cloudwatch_log_group.function.name}');
  t.ok((fn.depends_on as string[]).includes('${aws_cloudwatch_log_group.function}'), 'function depends_on its log group');
  for (const name of ['function', 'access']) {
    t.equal(resource('aws_cloudwatch_log_group', name).retention_in_days, '${var.log_retention_days}', `${name} log group retention`);
  }
  t.equal(evaluateValue(resource('aws_cloudwatch_log_group', 'function').name, scope), '/aws/lambda/qr-code-generator');
});

t.test('IAM: the function may write its own log streams and nothing else', async (t) => {
  t.notOk(module.resources.aws_iam_role_policy_attachment, 'no managed policies attached');
  t.notMatch(JSON.stringify(module), /AWSLambdaBasicExecutionRole/);
  const assume = nested(module.data.aws_iam_policy_document!.assume_role!, 'statement');
  t.same(assume.actions, ['sts:AssumeRole']);
  t.same(nested(assume, 'principals'), { type: 'Service', identifiers: ['lambda.amazonaws.com'] });

  const policies = Object.values(module.data.aws_iam_policy_document!).filter((doc) => doc !== module.data.aws_iam_policy_document!.assume_role);
  t.equal(policies.length, 1, 'one permissions policy');
  for (const statement of policies[0]!.statement as Block[]) {
    t.equal(statement.effect, 'Allow');
    t.same([...(statement.actions as string[])].sort(), ['logs:CreateLogStream', 'logs:PutLogEvents']);
    for (const action of statement.actions as string[]) t.notMatch(action, /\*/, `no wildcard action: ${action}`);
    for (const arn of statement.resources as string[]) {
      t.equal(arn, '${aws_cloudwatch_log_group.function.arn}:*', 'only the streams of the function log group');
    }
  }
  t.equal(resource('aws_iam_role_policy', 'function_logs').policy, '${data.aws_iam_policy_document.function_logs.json}');
  t.equal(resource('aws_lambda_function', 'qr').role, '${aws_iam_role.function.arn}');
});

t.test('HTTP API: payload 2.0 proxy integration, routes, $default stage with throttling and access logs', async (t) => {
  const api = resource('aws_apigatewayv2_api', 'http');
  t.equal(api.protocol_type, 'HTTP');
  const integration = resource('aws_apigatewayv2_integration', 'qr');
  t.equal(integration.integration_type, 'AWS_PROXY');
  t.equal(integration.payload_format_version, '2.0', 'not Terraform’s default 1.0');
  t.equal(integration.integration_uri, '${aws_lambda_function.qr.invoke_arn}');
  const config = await loadStackConfig(root);
  t.same([...config.http.routeKeys].sort(), ['GET /', 'GET /generate', 'POST /generate']);
  t.equal(resource('aws_apigatewayv2_route', 'qr').target, 'integrations/${aws_apigatewayv2_integration.qr.id}');
  const stage = resource('aws_apigatewayv2_stage', 'default');
  t.equal(stage.name, '${local.stage_name}');
  t.equal(config.http.stage, '$default');
  t.equal(stage.auto_deploy, true);
  t.same(config.http.throttling, { rateLimit: 20, burstLimit: 40 }, 'throttled by default');
  const accessLogs = nested(stage, 'access_log_settings');
  t.equal(accessLogs.destination_arn, '${aws_cloudwatch_log_group.access.arn}');
  const format = JSON.parse(String(evaluateValue(accessLogs.format, scope))) as Record<string, string>;
  t.equal(format.requestId, '$context.requestId');
  t.equal(format.status, '$context.status');
  t.same(config.http.cors?.allowOrigins, ['*']);
  t.equal(nested(api, 'cors_configuration').allow_origins, '${var.cors_allow_origins}', 'CORS origins come from a variable');
});

t.test('the invoke permission is scoped to this API', async (t) => {
  const permission = resource('aws_lambda_permission', 'api_gateway');
  t.equal(permission.action, 'lambda:InvokeFunction');
  t.equal(permission.principal, 'apigateway.amazonaws.com');
  t.equal(permission.function_name, '${aws_lambda_function.qr.function_name}');
  t.match(permission.source_arn, /^\$\{aws_apigatewayv2_api\.http\.execution_arn\}\//);
});

t.test('provider default_tags come from var.tags', async (t) => {
  const provider = module.providers.aws![0]!;
  t.equal(provider.region, '${var.region}');
  t.same(nested(provider, 'default_tags'), { tags: '${var.tags}' });
});

const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
t.test('terraform fmt finds nothing to change', { skip: terraform.status === 0 ? false : 'no terraform binary on PATH: formatting is checked where one exists' }, async (t) => {
  const check = spawnSync('terraform', ['fmt', '-check', '-diff'], { cwd: root, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
  t.equal(check.status, 0, check.stdout);
});
