// The hashicorp/aws stand-in: what a real apply would return for the resources this
// project deploys — ids, ARNs in account 000000000000, endpoints — and what its data
// sources read. Nothing here calls AWS.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { isObject, isWhollyKnown, type ObjectValue } from './cty.js';
import { stringOf, type ProviderDefinition, type ResourceBehaviour } from './definition.js';
import { renderPolicyDocument } from './policy-document.js';
import { loadProviderSchema } from './providers-schema.js';
import { LOCAL_ACCOUNT_ID as ACCOUNT_ID } from '../../runtime/function.js';
/** Where the stand-in's region comes from when neither the configuration nor the environment names one. */
export const FALLBACK_REGION = 'us-east-1';

export interface AwsContext {
  readonly region: string;
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly defaultTags: Readonly<Record<string, string>>;
  /** `api_endpoint` of HTTP APIs: the local stack's URL when QR_STANDIN_API_ENDPOINT names it. */
  readonly apiEndpoint: string | undefined;
}

function partitionOf(region: string): { partition: string; dnsSuffix: string } {
  if (region.startsWith('cn-')) return { partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' };
  if (region.startsWith('eusc-')) return { partition: 'aws-eusc', dnsSuffix: 'amazonaws.eu' };
  if (region.startsWith('us-gov-')) return { partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com' };
  if (region.startsWith('us-isob-')) return { partition: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov' };
  if (region.startsWith('us-iso-')) return { partition: 'aws-iso', dnsSuffix: 'c2s.ic.gov' };
  return { partition: 'aws', dnsSuffix: 'amazonaws.com' };
}

function contextFor(region: string, defaultTags: Record<string, string>): AwsContext {
  return { region, ...partitionOf(region), defaultTags, apiEndpoint: process.env.QR_STANDIN_API_ENDPOINT || undefined };
}

/** The provider's own order: its `region` argument, then AWS_REGION, then AWS_DEFAULT_REGION. */
function configure(config: ObjectValue): AwsContext {
  const region = stringOf(config.region) || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || FALLBACK_REGION;
  const defaultTags = Array.isArray(config.default_tags) && isObject(config.default_tags[0]!) ? config.default_tags[0].tags : null;
  return contextFor(region, isObject(defaultTags) ? (Object.fromEntries(Object.entries(defaultTags).map(([k, v]) => [k, String(v)])) as Record<string, string>) : {});
}

// --- Values only apply knows ---------------------------------------------------

const lowerAlnum = (length: number): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
};
const regionOf = (state: ObjectValue, context: AwsContext): string => stringOf(state.region) ?? context.region;
const arn = (context: AwsContext, service: string, region: string, resource: string, account = ACCOUNT_ID): string =>
  `arn:${context.partition}:${service}:${region}:${account}:${resource}`;
const timestamp = (): string => new Date().toISOString().replace('Z', '+0000');

/**
 * Every resource in a provider v6 has a `region` (the provider's unless set) and, where it
 * takes tags, `tags_all`: the provider's default_tags overlaid by its own. Both are
 * known at plan time, as the real provider plans them.
 */
function plannedCommon(planned: ObjectValue, context: AwsContext, config: ObjectValue): ObjectValue {
  const result: ObjectValue = {};
  if ('region' in planned && (config.region ?? null) === null) result.region = context.region;
  if ('tags_all' in planned && (isObject(planned.tags) || planned.tags === null) && isWhollyKnown(planned.tags ?? null)) {
    result.tags_all = { ...context.defaultTags, ...(isObject(planned.tags) ? planned.tags : {}) } as ObjectValue;
  }
  return result;
}

/** A resource of provider v6: in the provider's region unless it names its own, moved only by replacing it. */
const resource = (applied: ResourceBehaviour<AwsContext>['applied'], defaults?: ObjectValue, replacedOnChange: string[] = []): ResourceBehaviour<AwsContext> => ({
  defaults,
  planned: plannedCommon,
  applied,
  replacedOnChange: ['region', ...replacedOnChange],
});

const apiEndpoint = (id: string, region: string, context: AwsContext): string => context.apiEndpoint ?? `https://${id}.execute-api.${region}.${context.dnsSuffix}`;

const resources: Record<string, ResourceBehaviour<AwsContext>> = {
  aws_cloudwatch_log_group: resource(
    (state, context) => ({
      id: String(state.name),
      arn: arn(context, 'logs', regionOf(state, context), `log-group:${String(state.name)}`),
    }),
    undefined,
    ['name'],
  ),
  aws_iam_role: resource(
    (state, context) => {
      const name = stringOf(state.name) ?? `terraform-${lowerAlnum(20)}`;
      return {
        id: name,
        name,
        arn: arn(context, 'iam', '', `role${stringOf(state.path) ?? '/'}${name}`),
        unique_id: `AROA${randomBytes(8).toString('hex').toUpperCase().slice(0, 17)}`,
        create_date: new Date().toISOString(),
      };
    },
    { path: '/', max_session_duration: 3600, force_detach_policies: false },
    ['name', 'path'],
  ),
  aws_iam_role_policy: resource((state) => ({ id: `${String(state.role)}:${String(state.name)}` })),
  aws_lambda_function: resource(
    (state, context) => {
      const functionArn = arn(context, 'lambda', regionOf(state, context), `function:${String(state.function_name)}`);
      const invokeArn = (target: string): string => `arn:${context.partition}:apigateway:${regionOf(state, context)}:lambda:path/2015-03-31/functions/${target}/invocations`;
      const filename = stringOf(state.filename);
      return {
        id: String(state.function_name),
        arn: functionArn,
        invoke_arn: invokeArn(functionArn),
        qualified_arn: `${functionArn}:$LATEST`,
        qualified_invoke_arn: invokeArn(`${functionArn}:$LATEST`),
        version: '$LATEST',
        last_modified: timestamp(),
        code_sha256: stringOf(state.source_code_hash) ?? '',
        source_code_size: filename ? statSync(filename, { throwIfNoEntry: false })?.size ?? 0 : 0,
      };
    },
    // The provider's defaults for what this project may leave out.
    { memory_size: 128, timeout: 3, package_type: 'Zip', publish: false, reserved_concurrent_executions: -1 },
    ['function_name'],
  ),
  aws_lambda_permission: resource((state) => ({ id: String(state.statement_id) }), undefined, ['statement_id', 'function_name', 'principal', 'source_arn', 'action']),
  aws_apigatewayv2_api: resource((state, context) => {
    const id = lowerAlnum(10);
    const region = regionOf(state, context);
    return {
      id,
      api_endpoint: apiEndpoint(id, region, context),
      arn: `arn:${context.partition}:apigateway:${region}::/apis/${id}`,
      execution_arn: arn(context, 'execute-api', region, id),
    };
  }),
  aws_apigatewayv2_integration: resource(() => ({ id: lowerAlnum(7) }), { payload_format_version: '1.0', timeout_milliseconds: 30000, connection_type: 'INTERNET' }),
  aws_apigatewayv2_route: resource(() => ({ id: lowerAlnum(7) }), { authorization_type: 'NONE', api_key_required: false }),
  aws_apigatewayv2_stage: resource((state, context) => {
    const region = regionOf(state, context);
    const name = String(state.name);
    const apiId = String(state.api_id);
    return {
      id: name,
      arn: `arn:${context.partition}:apigateway:${region}::/apis/${apiId}/stages/${name}`,
      execution_arn: arn(context, 'execute-api', region, `${apiId}/${name}`),
      invoke_url: `${apiEndpoint(apiId, region, context)}/${name === '$default' ? '' : name}`,
    };
  }),
  aws_cloudwatch_metric_alarm: resource((state, context) => ({
    id: String(state.alarm_name),
    arn: arn(context, 'cloudwatch', regionOf(state, context), `alarm:${String(state.alarm_name)}`),
  })),
};

const dataSources: ProviderDefinition<AwsContext>['dataSources'] = {
  aws_iam_policy_document: {
    read: (config) => {
      const rendered = renderPolicyDocument(config);
      // The provider's id for a policy document: the CRC-32 of its JSON.
      return { ...rendered, id: String(crc32(rendered.json)) };
    },
  },
  aws_region: {
    read: (config, context) => {
      const region = stringOf(config.region) ?? stringOf(config.name) ?? context.region;
      return { id: region, name: region, region, endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}`, description: region };
    },
  },
  aws_caller_identity: {
    read: (_config, context) => ({
      id: ACCOUNT_ID,
      account_id: ACCOUNT_ID,
      arn: `arn:${context.partition}:iam::${ACCOUNT_ID}:root`,
      user_id: ACCOUNT_ID,
    }),
  },
  aws_partition: {
    read: (_config, context) => ({
      id: context.partition,
      partition: context.partition,
      dns_suffix: context.dnsSuffix,
      reverse_dns_prefix: context.dnsSuffix.split('.').reverse().join('.'),
    }),
  },
};

export const awsProvider: ProviderDefinition<AwsContext> = {
  address: 'registry.terraform.io/hashicorp/aws',
  schema: loadProviderSchema('aws'),
  unconfigured: contextFor(process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || FALLBACK_REGION, {}),
  configure,
  resources,
  dataSources,
};
