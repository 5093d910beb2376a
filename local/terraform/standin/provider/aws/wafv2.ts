// WAFv2 in the hashicorp/aws stand-in: the web ACL.
import { randomUUID } from 'node:crypto';
import { arn, regionOf, resource, type AwsResource } from './resource.js';

export const wafV2Resources: Record<string, AwsResource> = {
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
    { replacedOnChange: ['name', 'scope'] },
  ),
};
