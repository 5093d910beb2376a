import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { FunctionDefinition } from '../runtime/function.js';
import { planModule, type PlanJson, type ResourceValues } from './plan.js';

/** What the local stack needs to know, all of it from Terraform's plan of the .tf files. */
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
 * The stack `terraform plan` of `dir` describes, with variables as Terraform takes them
 * (TF_VAR_* from `env`, tfvars files, defaults) and checked against their validations.
 */
export async function loadStackConfig(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<StackConfig> {
  return stackConfigOf(await planModule(dir, env), resolve(dir));
}

type Values = Readonly<Record<string, unknown>>;

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const firstBlock = (value: unknown): Values | undefined =>
  Array.isArray(value) && value.length > 0 ? (value[0] as Values) : undefined;
const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Where `make host-deps` installs the bundle's native packages for this machine. */
export const HOST_MODULES = 'build/host-deps/node_modules';

export function stackConfigOf(plan: PlanJson, dir: string): StackConfig {
  const planned = plan.planned_values?.root_module?.resources ?? [];
  const read = plan.prior_state?.values?.root_module?.resources ?? [];
  const all = [...planned, ...read];
  const ofType = (type: string, mode: ResourceValues['mode'] = 'managed'): ResourceValues[] =>
    all.filter((r) => r.type === type && r.mode === mode);
  const single = (type: string): Values => {
    const found = ofType(type);
    if (found.length !== 1) throw new Error(`the plan has ${found.length} ${type}; the local stack serves exactly one`);
    return found[0]!.values;
  };
  const known = (values: Values, name: string, what: string): unknown => {
    if (values[name] === undefined || values[name] === null)
      throw new Error(`${what}.${name} is not known before apply; the local stack needs it from the configuration`);
    return values[name];
  };

  const fn = single('aws_lambda_function');
  const name = String(known(fn, 'function_name', 'aws_lambda_function'));
  const filename = String(known(fn, 'filename', 'aws_lambda_function'));
  const region = String(fn.region ?? 'us-east-1');
  const logging = firstBlock(fn.logging_config);
  const api = single('aws_apigatewayv2_api');
  const integration = single('aws_apigatewayv2_integration');
  const stage = single('aws_apigatewayv2_stage');
  const cors = firstBlock(api.cors_configuration);
  const routeSettings = firstBlock(stage.default_route_settings);
  const reserved = fn.reserved_concurrent_executions;
  // Aliases of the function; a version not known before apply (publish = true) is the code as built.
  const aliases = new Map(
    ofType('aws_lambda_alias').map((alias) => [
      String(known(alias.values, 'name', alias.address)),
      optionalString(alias.values.function_version) ?? '$LATEST',
    ]),
  );

  return {
    region,
    function: {
      name,
      region,
      handler: String(known(fn, 'handler', 'aws_lambda_function')),
      runtime: String(known(fn, 'runtime', 'aws_lambda_function')),
      memorySize: Number(fn.memory_size ?? 128),
      timeoutSeconds: Number(fn.timeout ?? 3),
      environment: (firstBlock(fn.environment)?.variables ?? {}) as Record<string, string>,
      // The plan ran in a scratch copy whose build/ is this folder's.
      code: isAbsolute(filename) ? filename : join(dir, filename),
      // The native packages the zip carries for Lambda's platform, built for this machine (make host-deps).
      hostModules: existsSync(join(dir, HOST_MODULES)) ? join(dir, HOST_MODULES) : undefined,
      logGroupName: optionalString(logging?.log_group) ?? `/aws/lambda/${name}`,
      logFormat: logging?.log_format === 'JSON' ? 'JSON' : 'Text',
      applicationLogLevel: optionalString(logging?.application_log_level),
      systemLogLevel: optionalString(logging?.system_log_level),
      reservedConcurrency: typeof reserved === 'number' && reserved >= 0 ? reserved : null,
      aliases,
    },
    architectures: fn.architectures ? stringList(fn.architectures) : ['x86_64'],
    http: {
      routeKeys: ofType('aws_apigatewayv2_route').map((route) =>
        String(known(route.values, 'route_key', route.address)),
      ),
      stage: String(known(stage, 'name', 'aws_apigatewayv2_stage')),
      payloadFormatVersion: String(integration.payload_format_version ?? '1.0'),
      integrationTimeoutMs: Number(integration.timeout_milliseconds ?? 30000),
      cors: cors && {
        allowOrigins: stringList(cors.allow_origins),
        allowMethods: stringList(cors.allow_methods),
        allowHeaders: stringList(cors.allow_headers),
        exposeHeaders: stringList(cors.expose_headers),
        maxAge: typeof cors.max_age === 'number' ? cors.max_age : undefined,
        allowCredentials: cors.allow_credentials === true,
      },
      throttling: routeSettings && {
        rateLimit: Number(routeSettings.throttling_rate_limit),
        burstLimit: Number(routeSettings.throttling_burst_limit),
      },
    },
  };
}
