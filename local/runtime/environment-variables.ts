import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { FunctionDefinition } from './function.js';

/** `2026/11/25/[$LATEST]` + 32 hex digits, as Lambda names a log stream per execution environment. */
export function logStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/**
 * The variables the process of one execution environment starts with: the function's
 * own, then Lambda's reserved ones over them. Nothing from the developer's shell leaks in
 * (credentials included).
 */
export function environmentVariables(
  fn: FunctionDefinition,
  {
    runtimeApi,
    taskRoot,
    logStream,
    node = process.execPath,
  }: { runtimeApi: string; taskRoot: string; logStream: string; node?: string },
): Record<string, string> {
  const reserved: Record<string, string> = {
    _HANDLER: fn.handler,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: fn.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_REGION: fn.region,
    AWS_DEFAULT_REGION: fn.region,
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    PATH: `${dirname(node)}:/usr/local/bin:/usr/bin/:/bin`,
    NODE_PATH: taskRoot,
  };
  if (fn.logFormat === 'JSON') {
    reserved.AWS_LAMBDA_LOG_FORMAT = 'JSON';
    if (fn.applicationLogLevel) reserved.AWS_LAMBDA_LOG_LEVEL = fn.applicationLogLevel;
  }
  return { ...fn.environment, ...reserved };
}
