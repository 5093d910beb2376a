// Lambda in the hashicorp/aws stand-in: the function (with its published versions), its
// permission and its alias.
import { statSync } from 'node:fs';
import { UNKNOWN, type ObjectValue } from '../cty.js';
import { stringOf } from '../definition.js';
import type { AwsContext } from './context.js';
import { arn, regionOf, resource, timestamp, type AwsResource } from './resource.js';

/** The arguments of a resource that differ between its prior state and its plan. */
const changedArguments = (prior: ObjectValue, next: ObjectValue, computedOnly: readonly string[]): string[] =>
  Object.keys(next).filter(
    (name) =>
      !computedOnly.includes(name) && JSON.stringify(prior[name] ?? null) !== JSON.stringify(next[name] ?? null),
  );

// What a function's published version is made of: a change to anything else (ids, ARNs,
// timestamps, the version itself) publishes nothing.
const FUNCTION_COMPUTED = [
  'arn',
  'id',
  'invoke_arn',
  'qualified_arn',
  'qualified_invoke_arn',
  'version',
  'last_modified',
  'code_sha256',
  'source_code_size',
  'signing_job_arn',
  'signing_profile_version_arn',
  'tags_all',
  'region',
  'response_streaming_invoke_arn',
];

/** The ARN API Gateway invokes a function (or a version or alias of it) by. */
const invokeArn = (state: ObjectValue, context: AwsContext, target: string): string =>
  `arn:${context.partition}:apigateway:${regionOf(state, context)}:lambda:path/2015-03-31/functions/${target}/invocations`;

export const lambdaResources: Record<string, AwsResource> = {
  aws_lambda_function: resource(
    (state, context, prior) => {
      const functionArn = arn(context, 'lambda', regionOf(state, context), `function:${String(state.function_name)}`);
      const filename = stringOf(state.filename);
      // Published versions count up from 1; without publish, $LATEST.
      const previous = Number(stringOf(prior?.version) ?? '0');
      const version = state.publish === true ? String(Number.isInteger(previous) ? previous + 1 : 1) : '$LATEST';
      return {
        id: String(state.function_name),
        arn: functionArn,
        invoke_arn: invokeArn(state, context, functionArn),
        qualified_arn: `${functionArn}:${version}`,
        qualified_invoke_arn: invokeArn(state, context, `${functionArn}:${version}`),
        version,
        last_modified: timestamp(),
        code_sha256: stringOf(state.source_code_hash) ?? '',
        source_code_size: filename ? (statSync(filename, { throwIfNoEntry: false })?.size ?? 0) : 0,
      };
    },
    {
      // The provider's defaults for what this project may leave out.
      defaults: {
        memory_size: 128,
        timeout: 3,
        package_type: 'Zip',
        publish: false,
        reserved_concurrent_executions: -1,
      },
      replacedOnChange: ['function_name'],
      // With publish, any change to the function publishes a version: version and the
      // qualified ARNs are unknown until apply, as the provider's CustomizeDiff plans them.
      planned: (next, _context, _config, prior): ObjectValue =>
        next.publish === true && prior !== null && changedArguments(prior, next, FUNCTION_COMPUTED).length > 0
          ? { version: UNKNOWN, qualified_arn: UNKNOWN, qualified_invoke_arn: UNKNOWN }
          : {},
    },
  ),
  aws_lambda_permission: resource((state) => ({ id: String(state.statement_id) }), {
    replacedOnChange: ['statement_id', 'function_name', 'principal', 'source_arn', 'action'],
  }),
  aws_lambda_alias: resource(
    (state, context) => {
      const aliasArn = arn(
        context,
        'lambda',
        regionOf(state, context),
        `function:${String(state.function_name)}:${String(state.name)}`,
      );
      return { id: aliasArn, arn: aliasArn, invoke_arn: invokeArn(state, context, aliasArn) };
    },
    { replacedOnChange: ['name', 'function_name'] },
  ),
};
