// The hashicorp/aws stand-in: what a real apply would return for the resources this
// project deploys — ids, ARNs in account 000000000000, endpoints — and what its data
// sources read. Nothing here calls AWS.
import { randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { UNKNOWN, isObject, isWhollyKnown, type ObjectValue } from './cty.js';
import { DiagnosticError, stringOf, type ProviderDefinition, type ResourceBehaviour } from './definition.js';
import { renderPolicyDocument } from './policy-document.js';
import { loadProviderSchema } from './schema-data.js';
import { LOCAL_ACCOUNT_ID as ACCOUNT_ID } from '../../../runtime/function.js';
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
  const defaultTags =
    Array.isArray(config.default_tags) && isObject(config.default_tags[0]!) ? config.default_tags[0].tags : null;
  return contextFor(
    region,
    isObject(defaultTags)
      ? (Object.fromEntries(Object.entries(defaultTags).map(([k, v]) => [k, String(v)])) as Record<string, string>)
      : {},
  );
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
const upperAlnum = (length: number): string => lowerAlnum(length).toUpperCase();
const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/**
 * Every resource in a provider v6 has a `region` (the provider's unless set) and, where it
 * takes tags, `tags_all`: the provider's default_tags overlaid by its own. Both are
 * known at plan time, as the real provider plans them.
 */
function plannedCommon(planned: ObjectValue, context: AwsContext, config: ObjectValue): ObjectValue {
  const result: ObjectValue = {};
  if ('region' in planned && (config.region ?? null) === null) result.region = context.region;
  if (
    'tags_all' in planned &&
    (isObject(planned.tags) || planned.tags === null) &&
    isWhollyKnown(planned.tags ?? null)
  ) {
    result.tags_all = { ...context.defaultTags, ...(isObject(planned.tags) ? planned.tags : {}) } as ObjectValue;
  }
  return result;
}

/** A resource of provider v6: in the provider's region unless it names its own, moved only by replacing it. */
const resource = (
  applied: ResourceBehaviour<AwsContext>['applied'],
  defaults?: ObjectValue,
  replacedOnChange: string[] = [],
  planned?: ResourceBehaviour<AwsContext>['planned'],
): ResourceBehaviour<AwsContext> => ({
  defaults,
  planned: (next, context, config, prior) => ({
    ...plannedCommon(next, context, config),
    ...planned?.(next, context, config, prior),
  }),
  applied,
  replacedOnChange: ['region', ...replacedOnChange],
});

/** The arguments of a resource that differ between its prior state and its plan. */
const changedArguments = (prior: ObjectValue, next: ObjectValue, computedOnly: readonly string[]): string[] =>
  Object.keys(next).filter(
    (name) =>
      !computedOnly.includes(name) && JSON.stringify(prior[name] ?? null) !== JSON.stringify(next[name] ?? null),
  );

// What a function's published version is made of: a change to anything else (ids, ARNs,
// timestamps, the version itself) publishes nothing.
const FUNCTION_COMPUTED = [
  'arn',
  'id',
  'invoke_arn',
  'qualified_arn',
  'qualified_invoke_arn',
  'version',
  'last_modified',
  'code_sha256',
  'source_code_size',
  'signing_job_arn',
  'signing_profile_version_arn',
  'tags_all',
  'region',
  'response_streaming_invoke_arn',
];

// Route 53's zone id for API Gateway regional domain names, per region (API Gateway
// endpoints and quotas, "Regional endpoints" table); others fall back to a placeholder.
const API_GATEWAY_ZONES: Readonly<Record<string, string>> = {
  'us-east-1': 'Z1UJRXOUMOOFQ8',
  'us-east-2': 'ZOJJZC49E0EPZ',
  'us-west-1': 'Z2MUQ32089INYE',
  'us-west-2': 'Z2OJLYMUO9EFXC',
  'eu-west-1': 'ZLY8HYME6SFDD',
  'eu-central-1': 'Z1U9ULNL0V5AJ3',
};
// Every CloudFront distribution's alias target zone.
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

/**
 * Route 53 zones the stand-in knows, as QR_STANDIN_ROUTE53_ZONES="Z123=example.com,Z456=example.org"
 * (a rehearsal names its own); a zone it does not know is not found, as with the real provider.
 */
function knownZones(): Map<string, string> {
  const entries = (process.env.QR_STANDIN_ROUTE53_ZONES ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]);
  return new Map(entries.map(([id, name]) => [id.trim(), (name ?? '').trim().replace(/\.$/, '')]));
}

const apiEndpoint = (id: string, region: string, context: AwsContext): string =>
  context.apiEndpoint ?? `https://${id}.execute-api.${region}.${context.dnsSuffix}`;

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
    (state, context, prior) => {
      const functionArn = arn(context, 'lambda', regionOf(state, context), `function:${String(state.function_name)}`);
      const invokeArn = (target: string): string =>
        `arn:${context.partition}:apigateway:${regionOf(state, context)}:lambda:path/2015-03-31/functions/${target}/invocations`;
      const filename = stringOf(state.filename);
      // Published versions count up from 1; without publish, $LATEST.
      const previous = Number(stringOf(prior?.version) ?? '0');
      const version = state.publish === true ? String(Number.isInteger(previous) ? previous + 1 : 1) : '$LATEST';
      return {
        id: String(state.function_name),
        arn: functionArn,
        invoke_arn: invokeArn(functionArn),
        qualified_arn: `${functionArn}:${version}`,
        qualified_invoke_arn: invokeArn(`${functionArn}:${version}`),
        version,
        last_modified: timestamp(),
        code_sha256: stringOf(state.source_code_hash) ?? '',
        source_code_size: filename ? (statSync(filename, { throwIfNoEntry: false })?.size ?? 0) : 0,
      };
    },
    // The provider's defaults for what this project may leave out.
    { memory_size: 128, timeout: 3, package_type: 'Zip', publish: false, reserved_concurrent_executions: -1 },
    ['function_name'],
    // With publish, any change to the function publishes a version: version and the
    // qualified ARNs are unknown until apply, as the provider's CustomizeDiff plans them.
    (next, _context, _config, prior): ObjectValue =>
      next.publish === true && prior !== null && changedArguments(prior, next, FUNCTION_COMPUTED).length > 0
        ? { version: UNKNOWN, qualified_arn: UNKNOWN, qualified_invoke_arn: UNKNOWN }
        : {},
  ),
  aws_lambda_permission: resource((state) => ({ id: String(state.statement_id) }), undefined, [
    'statement_id',
    'function_name',
    'principal',
    'source_arn',
    'action',
  ]),
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
  aws_apigatewayv2_integration: resource(() => ({ id: lowerAlnum(7) }), {
    payload_format_version: '1.0',
    timeout_milliseconds: 30000,
    connection_type: 'INTERNET',
  }),
  aws_apigatewayv2_route: resource(() => ({ id: lowerAlnum(7) }), {
    authorization_type: 'NONE',
    api_key_required: false,
  }),
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
  // The provider's id for a metric filter is its name; a new name or log group is a new filter.
  aws_cloudwatch_log_metric_filter: resource((state) => ({ id: String(state.name) }), undefined, [
    'name',
    'log_group_name',
  ]),
  aws_cloudwatch_metric_alarm: resource((state, context) => ({
    id: String(state.alarm_name),
    arn: arn(context, 'cloudwatch', regionOf(state, context), `alarm:${String(state.alarm_name)}`),
  })),
  aws_cloudwatch_dashboard: resource(
    (state, context) => ({
      id: String(state.dashboard_name),
      dashboard_arn: arn(context, 'cloudwatch', '', `dashboard/${String(state.dashboard_name)}`),
    }),
    undefined,
    ['dashboard_name'],
  ),
  aws_lambda_alias: resource(
    (state, context) => {
      const aliasArn = arn(
        context,
        'lambda',
        regionOf(state, context),
        `function:${String(state.function_name)}:${String(state.name)}`,
      );
      return {
        id: aliasArn,
        arn: aliasArn,
        invoke_arn: `arn:${context.partition}:apigateway:${regionOf(state, context)}:lambda:path/2015-03-31/functions/${aliasArn}/invocations`,
      };
    },
    undefined,
    ['name', 'function_name'],
  ),
  // A DNS-validated certificate, issued at once: the stand-in has no DNS to wait for.
  aws_acm_certificate: resource(
    (state, context) => {
      const domain = String(state.domain_name);
      const id = arn(context, 'acm', regionOf(state, context), `certificate/${randomUUID()}`);
      return {
        id,
        arn: id,
        domain_validation_options: [
          {
            domain_name: domain,
            resource_record_name: `_${hex(16)}.${domain}.`,
            resource_record_type: 'CNAME',
            resource_record_value: `_${hex(16)}.${lowerAlnum(10)}.acm-validations.aws.`,
          },
        ],
        subject_alternative_names: [domain],
        status: 'ISSUED',
        type: 'AMAZON_ISSUED',
        key_algorithm: 'RSA_2048',
        renewal_eligibility: 'INELIGIBLE',
        pending_renewal: false,
        not_before: new Date().toISOString(),
        not_after: new Date(Date.now() + 395 * 86_400_000).toISOString(),
      };
    },
    undefined,
    ['domain_name', 'validation_method', 'key_algorithm'],
  ),
  aws_acm_certificate_validation: resource(() => ({ id: new Date().toISOString() }), undefined, [
    'certificate_arn',
    'validation_record_fqdns',
  ]),
  aws_route53_record: resource(
    (state) => {
      const name = String(state.name).replace(/\.$/, '').toLowerCase();
      return { id: `${String(state.zone_id)}_${name}_${String(state.type)}`, fqdn: name };
    },
    undefined,
    ['name', 'type', 'zone_id'],
  ),
  aws_apigatewayv2_domain_name: resource(
    (state, context) => {
      const region = regionOf(state, context);
      return {
        id: String(state.domain_name),
        arn: `arn:${context.partition}:apigateway:${region}::/domainnames/${String(state.domain_name)}`,
        api_mapping_selection_expression: '$request.basepath',
        domain_name_configuration: [
          {
            target_domain_name: `d-${lowerAlnum(10)}.execute-api.${region}.${context.dnsSuffix}`,
            hosted_zone_id: API_GATEWAY_ZONES[region] ?? 'ZSTANDINAPIGATEWAY',
          },
        ],
      };
    },
    undefined,
    ['domain_name'],
  ),
  aws_apigatewayv2_api_mapping: resource(() => ({ id: lowerAlnum(6) }), undefined, ['api_id', 'domain_name']),
  aws_cloudfront_cache_policy: resource(
    (_state, context) => {
      const id = randomUUID();
      return { id, etag: upperAlnum(14), arn: `arn:${context.partition}:cloudfront::${ACCOUNT_ID}:cache-policy/${id}` };
    },
    undefined,
    ['name'],
  ),
  aws_cloudfront_distribution: resource(
    (_state, context) => {
      const id = `E${upperAlnum(13)}`;
      return {
        id,
        arn: `arn:${context.partition}:cloudfront::${ACCOUNT_ID}:distribution/${id}`,
        domain_name: `d${lowerAlnum(13)}.cloudfront.net`,
        hosted_zone_id: CLOUDFRONT_ZONE,
        status: 'Deployed',
        etag: upperAlnum(14),
        caller_reference: `terraform-${Date.now()}`,
        last_modified_time: new Date().toISOString(),
        in_progress_validation_batches: 0,
      };
    },
    {
      retain_on_delete: false,
      wait_for_deployment: true,
      http_version: 'http2',
      is_ipv6_enabled: false,
      price_class: 'PriceClass_All',
      staging: false,
    },
  ),
  aws_wafv2_web_acl: resource(
    (state, context) => {
      const id = randomUUID();
      const region = regionOf(state, context);
      const scope = state.scope === 'CLOUDFRONT' ? 'global' : 'regional';
      return {
        id,
        arn: arn(context, 'wafv2', region, `${scope}/webacl/${String(state.name)}/${id}`),
        capacity: 2,
        lock_token: randomUUID(),
      };
    },
    undefined,
    ['name', 'scope'],
  ),
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
      return {
        id: region,
        name: region,
        region,
        endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}`,
        description: region,
      };
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
  aws_route53_zone: {
    read: (config) => {
      const id = stringOf(config.zone_id) ?? '';
      const name = knownZones().get(id);
      if (name === undefined) {
        throw new DiagnosticError(
          'no matching Route 53 Hosted Zone found',
          `zone ${id} is not one the stand-in knows (QR_STANDIN_ROUTE53_ZONES="${id}=example.com" names it)`,
        );
      }
      return {
        id,
        zone_id: id,
        name,
        private_zone: false,
        arn: `arn:aws:route53:::hostedzone/${id}`,
        name_servers: ['ns-1.awsdns-00.com', 'ns-2.awsdns-00.net'],
        primary_name_server: 'ns-1.awsdns-00.com',
        resource_record_set_count: 2,
      };
    },
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
