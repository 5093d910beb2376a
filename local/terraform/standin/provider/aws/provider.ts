// The hashicorp/aws stand-in: what a real apply would return for the resources this
// project deploys — ids, ARNs in account 000000000000, endpoints — and what its data
// sources read, one file per AWS service. Nothing here calls AWS.
import type { ProviderDefinition } from '../definition.js';
import { loadProviderSchema } from '../schema-data.js';
import { accountDataSources } from './account.js';
import { acmResources } from './acm.js';
import { apiGatewayV2Resources } from './apigatewayv2.js';
import { cloudFrontResources } from './cloudfront.js';
import { cloudWatchResources } from './cloudwatch.js';
import { configure, unconfiguredContext, type AwsContext } from './context.js';
import { iamDataSources, iamResources } from './iam.js';
import { lambdaResources } from './lambda.js';
import { route53DataSources, route53Resources } from './route53.js';
import { wafV2Resources } from './wafv2.js';

export const awsProvider: ProviderDefinition<AwsContext> = {
  address: 'registry.terraform.io/hashicorp/aws',
  schema: loadProviderSchema('aws'),
  unconfigured: unconfiguredContext(),
  configure,
  resources: {
    ...acmResources,
    ...apiGatewayV2Resources,
    ...cloudFrontResources,
    ...cloudWatchResources,
    ...iamResources,
    ...lambdaResources,
    ...route53Resources,
    ...wafV2Resources,
  },
  dataSources: { ...accountDataSources, ...iamDataSources, ...route53DataSources },
};
