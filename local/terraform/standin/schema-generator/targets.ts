// What the schema generator writes: per provider, the npm package of its bindings, the
// provider release the package must say it was built from, and the resource and data
// source types this project uses. Add a type name here and rerun to extend the schema.
// The facts the bindings do not carry, taken from the provider's source, are here too.

export interface ProviderTarget {
  /** The provider's type name, and the name of the file written: aws → aws.json. */
  readonly name: string;
  /** Its source address, the key of `provider_schemas`. */
  readonly source: string;
  /** The npm package of its bindings, and which release of it. */
  readonly bindingPackage: string;
  readonly bindingVersion: string;
  /** The provider release the package says it was generated from (checked), or null to take whatever it says. */
  readonly generatedFrom: string | null;
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

export const PROVIDER_TARGETS: readonly ProviderTarget[] = [
  {
    name: 'aws',
    source: 'registry.terraform.io/hashicorp/aws',
    bindingPackage: '@cdktn/provider-aws',
    bindingVersion: '25.5.0',
    generatedFrom: '6.64.0',
    resources: [
      'aws_acm_certificate',
      'aws_acm_certificate_validation',
      'aws_apigatewayv2_api',
      'aws_apigatewayv2_api_mapping',
      'aws_apigatewayv2_domain_name',
      'aws_apigatewayv2_integration',
      'aws_apigatewayv2_route',
      'aws_apigatewayv2_stage',
      'aws_cloudfront_cache_policy',
      'aws_cloudfront_distribution',
      'aws_cloudwatch_dashboard',
      'aws_cloudwatch_log_group',
      'aws_cloudwatch_log_metric_filter',
      'aws_cloudwatch_metric_alarm',
      'aws_iam_role',
      'aws_iam_role_policy',
      'aws_lambda_alias',
      'aws_lambda_function',
      'aws_lambda_permission',
      'aws_route53_record',
      'aws_wafv2_web_acl',
    ],
    dataSources: ['aws_caller_identity', 'aws_iam_policy_document', 'aws_partition', 'aws_region', 'aws_route53_zone'],
  },
  {
    name: 'archive',
    source: 'registry.terraform.io/hashicorp/archive',
    bindingPackage: '@cdktf/provider-archive',
    bindingVersion: '11.0.1',
    generatedFrom: '2.7.1',
    resources: [],
    dataSources: ['archive_file'],
  },
];

// Provider configuration blocks are always arrays in the bindings, so their
// max_items cannot be read from them. From the provider source (internal/provider):
// default_tags, ignore_tags and assume_role_with_web_identity are TypeList MaxItems 1;
// assume_role has no MaxItems since role chaining (aws 5.67); endpoints is a set.
export const PROVIDER_BLOCK_MAX_ITEMS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'aws',
    new Map([
      ['default_tags', 1],
      ['ignore_tags', 1],
      ['assume_role_with_web_identity', 1],
    ]),
  ],
]);

// Resource schema versions are not in the bindings. All types above are at 0 except
// these (SDKv2 SchemaVersion in the provider source). Checked in the source for the types
// of the first deployment and for aws_cloudfront_distribution, aws_route53_record and
// aws_wafv2_web_acl (0); the other production-edge types are taken as 0 unchecked, which
// matters only to the stand-in's own state.
export const SCHEMA_VERSIONS: ReadonlyMap<string, number> = new Map([
  ['aws_cloudfront_distribution', 1],
  ['aws_cloudwatch_metric_alarm', 1],
  ['aws_route53_record', 2],
]);

/** Arguments the bindings add to a provider's configuration that are Terraform's, not the schema's. */
export const PROVIDER_META_ARGUMENTS: ReadonlySet<string> = new Set(['alias']);
