import { isAbsolute, join } from 'node:path';
import { UNKNOWN, evaluateValue, type Scope, type Value } from './expression.js';
import type { FunctionDefinition } from '../runtime/function.js';
import { checkValidations, eachScope, moduleScope, readModule, variableValues, type Block, type TerraformModule } from './module.js';

/** What the local stack needs to know, all of it read from the .tf files. */
export interface StackConfig {
  readonly region: string;
  readonly function: FunctionDefinition;
  readonly architectures: readonly string[];
  readonly http: {
    readonly routeKeys: readonly string[];
    readonly stage: string;
    readonly payloadFormatVersion: string;
    readonly integrationTimeoutMs: number;
    readonly cors: CorsConfig | undefined;
    readonly throttling: { readonly rateLimit: number; readonly burstLimit: number } | undefined;
  };
}

export interface CorsConfig {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number | undefined;
  readonly allowCredentials: boolean;
}

/**
 * Reads the Terraform configuration in `dir` with variables at their defaults, or at
 * `TF_VAR_*` from `env` as Terraform would take them, checked against their validations.
 */
export async function loadStackConfig(dir: string, env: NodeJS.ProcessEnv = {}): Promise<StackConfig> {
  const module = await readModule(dir);
  const values = variableValues(module, env);
  checkValidations(module, values);
  return stackConfigOf(module, values);
}

export function stackConfigOf(module: TerraformModule, values: Record<string, Value>): StackConfig {
  const scope = moduleScope(module, values);
  const [fnName, fn] = single(module, 'aws_lambda_function');
  const attr = (block: Block, name: string): Value | undefined =>
    Object.hasOwn(block, name) ? evaluateValue(block[name], scope) : undefined;

  const filename = known(attr(fn, 'filename'), `aws_lambda_function.${fnName}.filename`);
  const archive = Object.values(module.data.archive_file ?? {}).find((block) => attr(block, 'output_path') === filename);
  if (!archive) throw new Error(`aws_lambda_function.${fnName}.filename (${String(filename)}) is not the output of a data "archive_file"`);
  const sourceDir = String(known(attr(archive, 'source_dir'), 'archive_file.source_dir'));

  const logging = firstBlock(fn, 'logging_config');
  const environment = dynamicOrStatic(fn, 'environment', scope)?.variables;
  const [, api] = single(module, 'aws_apigatewayv2_api');
  const [, integration] = single(module, 'aws_apigatewayv2_integration');
  const [, stage] = single(module, 'aws_apigatewayv2_stage');
  const cors = firstBlock(api, 'cors_configuration');
  const routeSettings = firstBlock(stage, 'default_route_settings');
  const provider = module.providers.aws?.[0];

  const region = String(provider ? known(attr(provider, 'region'), 'provider aws region') : 'us-east-1');
  const name = String(known(attr(fn, 'function_name'), 'function_name'));
  const reserved = attr(fn, 'reserved_concurrent_executions');
  const optionalString = (block: Block | undefined, key: string): string | undefined =>
    block && Object.hasOwn(block, key) ? String(known(attr(block, key), key)) : undefined;
  return {
    region,
    function: {
      name,
      region,
      handler: String(known(attr(fn, 'handler'), 'handler')),
      runtime: String(known(attr(fn, 'runtime'), 'runtime')),
      memorySize: Number(attr(fn, 'memory_size') ?? 128),
      timeoutSeconds: Number(attr(fn, 'timeout') ?? 3),
      environment: (environment ?? {}) as Record<string, string>,
      codeDir: isAbsolute(sourceDir) ? sourceDir : join(module.dir, sourceDir),
      logGroupName: optionalString(logging, 'log_group') ?? `/aws/lambda/${name}`,
      logFormat: optionalString(logging, 'log_format') === 'JSON' ? 'JSON' : 'Text',
      applicationLogLevel: optionalString(logging, 'application_log_level'),
      systemLogLevel: optionalString(logging, 'system_log_level'),
      reservedConcurrency: typeof reserved === 'number' && reserved >= 0 ? reserved : null,
    },
    architectures: (attr(fn, 'architectures') as string[] | undefined) ?? ['x86_64'],
    http: {
      routeKeys: routeKeys(module, scope),
      stage: String(known(attr(stage, 'name'), 'stage name')),
      payloadFormatVersion: String(attr(integration, 'payload_format_version') ?? '1.0'),
      integrationTimeoutMs: Number(attr(integration, 'timeout_milliseconds') ?? 30000),
      cors: cors && {
        allowOrigins: (attr(cors, 'allow_origins') as string[] | undefined) ?? [],
        allowMethods: (attr(cors, 'allow_methods') as string[] | undefined) ?? [],
        allowHeaders: (attr(cors, 'allow_headers') as string[] | undefined) ?? [],
        exposeHeaders: (attr(cors, 'expose_headers') as string[] | undefined) ?? [],
        maxAge: attr(cors, 'max_age') as number | undefined,
        allowCredentials: attr(cors, 'allow_credentials') === true,
      },
      throttling: routeSettings && {
        rateLimit: Number(attr(routeSettings, 'throttling_rate_limit')),
        burstLimit: Number(attr(routeSettings, 'throttling_burst_limit')),
      },
    },
  };
}

function routeKeys(module: TerraformModule, scope: Scope): string[] {
  const keys: string[] = [];
  for (const block of Object.values(module.resources.aws_apigatewayv2_route ?? {})) {
    if (!Object.hasOwn(block, 'for_each')) {
      keys.push(String(known(evaluateValue(block.route_key, scope), 'route_key')));
      continue;
    }
    const forEach = known(evaluateValue(block.for_each, scope), 'route for_each');
    const entries: [Value, Value][] = Array.isArray(forEach)
      ? forEach.map((v) => [v, v])
      : Object.entries(forEach as Record<string, Value>);
    for (const [key, value] of entries) keys.push(String(known(evaluateValue(block.route_key, eachScope(scope, key, value)), 'route_key')));
  }
  return keys;
}

function single(module: TerraformModule, type: string): [string, Block] {
  const entries = Object.entries(module.resources[type] ?? {});
  if (entries.length !== 1) throw new Error(`expected exactly one ${type} in ${module.dir}, found ${entries.length}`);
  return entries[0]!;
}

function firstBlock(block: Block, name: string): Block | undefined {
  const nested = block[name];
  return Array.isArray(nested) ? (nested[0] as Block | undefined) : undefined;
}

/** A nested block written plainly, or as `dynamic` over a for_each of at most one element. */
function dynamicOrStatic(block: Block, name: string, scope: Scope): Record<string, Value> | undefined {
  const plain = firstBlock(block, name);
  if (plain) return evaluateValue(plain, scope) as Record<string, Value>;
  const dynamic = firstBlock(block, 'dynamic')?.[name];
  const spec = Array.isArray(dynamic) ? (dynamic[0] as Block) : undefined;
  if (!spec) return undefined;
  const forEach = known(evaluateValue(spec.for_each, scope), `dynamic "${name}" for_each`);
  const items = Array.isArray(forEach) ? forEach : Object.values(forEach as Record<string, Value>);
  if (items.length === 0) return undefined;
  const content = firstBlock(spec, 'content')!;
  const inner: Scope = { lookup: (n) => (n === name ? { key: 0, value: items[0]! } : scope.lookup(n)) };
  return evaluateValue(content, inner) as Record<string, Value>;
}

function known(value: Value | undefined, what: string): Value {
  if (value === UNKNOWN || value === undefined) throw new Error(`${what} is not known before apply; the local stack needs it literally or from variables`);
  return value;
}
