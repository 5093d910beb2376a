// CloudFront in the hashicorp/aws stand-in: the cache policy and the distribution.
import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID, lowerAlnum, resource, upperAlnum, type AwsResource } from './resource.js';

// Every CloudFront distribution's alias target zone.
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

export const cloudFrontResources: Record<string, AwsResource> = {
  aws_cloudfront_cache_policy: resource(
    (_state, context) => {
      const id = randomUUID();
      return { id, etag: upperAlnum(14), arn: `arn:${context.partition}:cloudfront::${ACCOUNT_ID}:cache-policy/${id}` };
    },
    { replacedOnChange: ['name'] },
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
      defaults: {
        retain_on_delete: false,
        wait_for_deployment: true,
        http_version: 'http2',
        is_ipv6_enabled: false,
        price_class: 'PriceClass_All',
        staging: false,
      },
    },
  ),
};
