// IAM in the hashicorp/aws stand-in: the role, its inline policy, and the policy document
// data source, which renders real policy JSON.
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { stringOf, type DataSourceBehaviour } from '../definition.js';
import { renderPolicyDocument } from '../policy-document.js';
import type { AwsContext } from './context.js';
import { arn, lowerAlnum, resource, type AwsResource } from './resource.js';

export const iamResources: Record<string, AwsResource> = {
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
    {
      defaults: { path: '/', max_session_duration: 3600, force_detach_policies: false },
      replacedOnChange: ['name', 'path'],
    },
  ),
  aws_iam_role_policy: resource((state) => ({ id: `${String(state.role)}:${String(state.name)}` })),
};

export const iamDataSources: Record<string, DataSourceBehaviour<AwsContext>> = {
  aws_iam_policy_document: {
    read: (config) => {
      const rendered = renderPolicyDocument(config);
      // The provider's id for a policy document: the CRC-32 of its JSON.
      return { ...rendered, id: String(crc32(rendered.json)) };
    },
  },
};
