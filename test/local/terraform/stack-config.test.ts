// The aliases of the function, from the plan: what an Invoke qualifier may name besides $LATEST.
import t from 'tap';
import type { ResourceValues } from '../../../local/terraform/plan.js';
import { stackConfigOf } from '../../../local/terraform/stack-config.js';

const resource = (type: string, name: string, values: Record<string, unknown>): ResourceValues => ({
  address: `${type}.${name}`,
  mode: 'managed',
  type,
  name,
  values,
});
const plan = (extra: ResourceValues[]) => ({
  planned_values: {
    root_module: {
      resources: [
        resource('aws_lambda_function', 'qr', {
          function_name: 'qr',
          filename: 'build/lambda.zip',
          handler: 'index.handler',
          runtime: 'nodejs24.x',
        }),
        resource('aws_apigatewayv2_api', 'http', {}),
        resource('aws_apigatewayv2_integration', 'qr', {}),
        resource('aws_apigatewayv2_stage', 'default', { name: '$default' }),
        ...extra,
      ],
    },
  },
});

t.test('aws_lambda_alias resources become the function’s aliases; none without them', async (t) => {
  t.same(stackConfigOf(plan([]), '/project').function.aliases, new Map());
  const config = stackConfigOf(
    plan([
      resource('aws_lambda_alias', 'live', { name: 'live', function_version: '$LATEST' }),
      resource('aws_lambda_alias', 'next', { name: 'next', function_version: null }),
    ]),
    '/project',
  );
  t.same(
    config.function.aliases,
    new Map([
      ['live', '$LATEST'],
      ['next', '$LATEST'],
    ]),
    'a version not known before apply is the code as built',
  );
});
