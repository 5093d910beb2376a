// The hashicorp/aws stand-in's data sources about where it runs: the region, the partition
// and the caller's account (000000000000).
import { stringOf, type DataSourceBehaviour } from '../definition.js';
import { partitionOf, type AwsContext } from './context.js';
import { ACCOUNT_ID } from './resource.js';

export const accountDataSources: Record<string, DataSourceBehaviour<AwsContext>> = {
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
  aws_partition: {
    read: (_config, context) => ({
      id: context.partition,
      partition: context.partition,
      dns_suffix: context.dnsSuffix,
      reverse_dns_prefix: context.dnsSuffix.split('.').reverse().join('.'),
    }),
  },
};
