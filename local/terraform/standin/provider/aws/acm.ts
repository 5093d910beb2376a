// ACM in the hashicorp/aws stand-in: a DNS-validated certificate, issued at once (the
// stand-in has no DNS to wait for), and its validation.
import { randomUUID } from 'node:crypto';
import { arn, hex, lowerAlnum, regionOf, resource, type AwsResource } from './resource.js';

export const acmResources: Record<string, AwsResource> = {
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
    { replacedOnChange: ['domain_name', 'validation_method', 'key_algorithm'] },
  ),
  aws_acm_certificate_validation: resource(() => ({ id: new Date().toISOString() }), {
    replacedOnChange: ['certificate_arn', 'validation_record_fqdns'],
  }),
};
