import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { functionArn } from '../runtime/function.js';
import { TooManyRequestsError, type FunctionPool } from '../runtime/pool.js';
import { refusalOf } from '../loopback.js';
import { readBody } from '../http-body.js';
import { headerValue, send } from './http-util.js';

/** Lambda's limit for a synchronous invocation's payload. */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** X-Amz-Log-Result carries the last 4 KB of the invocation's log. */
const LOG_TAIL_BYTES = 4096;

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) as the AWS SDKs
 * and CLI call it: RequestResponse, Event and DryRun; Tail logs; the documented error
 * types in `x-amzn-ErrorType`. Signatures are not checked.
 */
export function createInvokeApi(pools: ReadonlyMap<string, FunctionPool>, region: string): Server {
  const background = new Set<Promise<unknown>>();
  return createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      awsError(response, 500, 'ServiceException', error instanceof Error ? error.message : String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = refusalOf(request);
    if (refusal) return awsError(response, 403, 'AccessDeniedException', refusal);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = INVOKE_PATH.exec(url.pathname);
    if (!match || request.method !== 'POST') {
      return awsError(response, 404, 'UnknownOperationException', `Unknown operation ${request.method} ${url.pathname}`);
    }
    const name = functionNameOf(decodeURIComponent(match[1]!));
    const pool = name === undefined ? undefined : pools.get(name);
    if (!pool) {
      return awsError(response, 404, 'ResourceNotFoundException', `Function not found: ${functionArn({ name: name ?? match[1]!, region })}`);
    }
    const body = await readBody(request, MAX_PAYLOAD_BYTES);
    if (!body.ok) {
      return awsError(response, 413, 'RequestTooLargeException', `Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes for the InvokeFunction operation`);
    }
    const payload = body.bytes.length === 0 ? Buffer.from('{}') : body.bytes;
    try {
      JSON.parse(payload.toString('utf8'));
    } catch (error) {
      return awsError(response, 400, 'InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`);
    }
    const invocationType = headerValue(request, 'x-amz-invocation-type') ?? 'RequestResponse';
    const clientContext = headerValue(request, 'x-amz-client-context');
    const requestId = randomUUID();
    const common = { 'x-amzn-requestid': requestId, 'x-amz-executed-version': '$LATEST' };
    if (invocationType === 'DryRun') return send(response, 204, common);
    if (invocationType === 'Event') {
      // Lambda keeps an Event invocation until it can run it: it waits here, never dropped.
      const run = pool.invoke(payload, { requestId, clientContext: decodeClientContext(clientContext), queue: true }).catch(() => undefined);
      background.add(run);
      void run.finally(() => background.delete(run));
      return send(response, 202, common);
    }
    if (invocationType !== 'RequestResponse') {
      return awsError(response, 400, 'InvalidParameterValueException', `Unsupported invocation type ${invocationType}`);
    }
    try {
      const result = await pool.invoke(payload, { requestId, clientContext: decodeClientContext(clientContext) });
      const headers: Record<string, string> = { ...common, 'content-type': 'application/json' };
      if (result.functionError) headers['x-amz-function-error'] = result.functionError;
      if ((headerValue(request, 'x-amz-log-type') ?? 'None') === 'Tail') headers['x-amz-log-result'] = tail(result.log);
      send(response, 200, headers, result.payload);
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        return awsError(response, 429, 'TooManyRequestsException', 'Rate Exceeded.', { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
      }
      throw error;
    }
  }
}

/** A function name, ARN (with or without a qualifier) or partial ARN → the name. */
export function functionNameOf(identifier: string): string | undefined {
  const arn = /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:)?(?:\d{12}:)?function:([A-Za-z0-9_-]+)(?::[$A-Za-z0-9_-]+)?$/.exec(identifier);
  if (arn) return arn[1];
  const plain = /^([A-Za-z0-9_-]+)(?::[$A-Za-z0-9_-]+)?$/.exec(identifier);
  return plain?.[1];
}

function tail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}

function decodeClientContext(value: string | undefined): string | undefined {
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}

function awsError(response: ServerResponse, status: number, type: string, message: string, extra: Record<string, string> = {}): void {
  send(
    response,
    status,
    { 'content-type': 'application/json', 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    JSON.stringify({ Type: status >= 500 ? 'Service' : 'User', message, ...extra }),
  );
}
