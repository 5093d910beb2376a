// What the hashicorp/aws stand-in knows once configured: its region and partition, its
// default tags, and the local stack's URL when one stands in for API Gateway.
import { isObject, type ObjectValue } from '../cty.js';
import { stringOf } from '../definition.js';

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

export function partitionOf(region: string): { partition: string; dnsSuffix: string } {
  if (region.startsWith('cn-')) return { partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' };
  if (region.startsWith('eusc-')) return { partition: 'aws-eusc', dnsSuffix: 'amazonaws.eu' };
  if (region.startsWith('us-gov-')) return { partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com' };
  if (region.startsWith('us-isob-')) return { partition: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov' };
  if (region.startsWith('us-iso-')) return { partition: 'aws-iso', dnsSuffix: 'c2s.ic.gov' };
  return { partition: 'aws', dnsSuffix: 'amazonaws.com' };
}

export function contextFor(region: string, defaultTags: Record<string, string>): AwsContext {
  return { region, ...partitionOf(region), defaultTags, apiEndpoint: process.env.QR_STANDIN_API_ENDPOINT || undefined };
}

/** The context before ConfigureProvider: the environment's region. */
export const unconfiguredContext = (): AwsContext =>
  contextFor(process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || FALLBACK_REGION, {});

/** The provider's own order: its `region` argument, then AWS_REGION, then AWS_DEFAULT_REGION. */
export function configure(config: ObjectValue): AwsContext {
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
