// API Gateway v2 in the hashicorp/aws stand-in: the HTTP API, its integration, routes and
// stage, and the custom domain name with its API mapping.
import type { AwsContext } from './context.js';
import { arn, lowerAlnum, regionOf, resource, type AwsResource } from './resource.js';

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

const apiEndpoint = (id: string, region: string, context: AwsContext): string =>
  context.apiEndpoint ?? `https://${id}.execute-api.${region}.${context.dnsSuffix}`;

export const apiGatewayV2Resources: Record<string, AwsResource> = {
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
    defaults: { payload_format_version: '1.0', timeout_milliseconds: 30000, connection_type: 'INTERNET' },
  }),
  aws_apigatewayv2_route: resource(() => ({ id: lowerAlnum(7) }), {
    defaults: { authorization_type: 'NONE', api_key_required: false },
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
    { replacedOnChange: ['domain_name'] },
  ),
  aws_apigatewayv2_api_mapping: resource(() => ({ id: lowerAlnum(6) }), {
    replacedOnChange: ['api_id', 'domain_name'],
  }),
};
