import { LambdaClient } from '@aws-sdk/client-lambda';
import { fileURLToPath } from 'node:url';
import type { FunctionDefinition } from '../../local/runtime/function.js';
import { startStack, type LocalStack } from '../../local/stack.js';
import { sharedStackConfig } from './shared-plan.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The SDK warns once per process that its releases after January 2027 need Node 22; the
// suite runs on Node 20 by design (the function's runtime), so the warning says nothing here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * What the integration tests talk to: a real deployment when QR_API_URL and
 * QR_FUNCTION_NAME are set (`make smoke` sets them from `terraform output`), else the
 * local stack started here on free ports, with the fixture functions beside it.
 */
export interface Target {
  readonly httpUrl: string;
  readonly functionName: string;
  readonly region: string;
  readonly lambda: LambdaClient;
  /** The Invoke API endpoint for the aws CLI; undefined for a real deployment. */
  readonly lambdaUrl: string | undefined;
  /** The local stack, when that is the target: fixtures exist only there. */
  readonly stack: LocalStack | undefined;
  close(): Promise<void>;
}

export const remote = Boolean(process.env.QR_API_URL && process.env.QR_FUNCTION_NAME);

/** Why a test that needs the local stack's fixture functions does not run against a deployment. */
export const localOnly = remote ? 'needs the local stack’s fixture functions; the target is a real deployment' : false;

export function fixtureFunction(name: string, overrides: Partial<FunctionDefinition> = {}): FunctionDefinition {
  return {
    name: `fixture-${name}`,
    region: 'us-east-1',
    handler: 'index.handler',
    runtime: 'nodejs24.x',
    memorySize: 128,
    timeoutSeconds: 3,
    environment: {},
    code: fileURLToPath(new URL(`../fixtures/functions/${name}/`, import.meta.url)),
    logGroupName: `/aws/lambda/fixture-${name}`,
    logFormat: 'Text',
    applicationLogLevel: undefined,
    systemLogLevel: undefined,
    reservedConcurrency: null,
    ...overrides,
  };
}

export async function openTarget(extraFunctions: readonly FunctionDefinition[] = []): Promise<Target> {
  if (remote) {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    const lambda = new LambdaClient({ region });
    return {
      httpUrl: process.env.QR_API_URL!.replace(/\/$/, ''),
      functionName: process.env.QR_FUNCTION_NAME!,
      region,
      lambda,
      lambdaUrl: undefined,
      stack: undefined,
      close: async () => lambda.destroy(),
    };
  }
  const stack = await startStack({ dir: root, config: await sharedStackConfig(), extraFunctions });
  const lambda = new LambdaClient({
    region: stack.config.region,
    endpoint: stack.lambdaUrl,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    httpUrl: stack.httpUrl,
    functionName: stack.config.function.name,
    region: stack.config.region,
    lambda,
    lambdaUrl: stack.lambdaUrl,
    stack,
    close: async () => {
      lambda.destroy();
      await stack.close();
    },
  };
}
