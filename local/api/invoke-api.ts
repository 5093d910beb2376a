import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody } from '../http-body.js';
import { refusalOf } from '../loopback.js';
import { decodeClientContext } from '../runtime/client-context.js';
import { LOCAL_ACCOUNT_ID, MAX_SYNC_PAYLOAD_BYTES } from '../runtime/function.js';
import { TooManyRequestsError, type FunctionPool } from '../runtime/pool.js';
import { parseFunctionIdentifier } from './function-identifier.js';
import { headerValue, send } from './http-util.js';

/** Lambda's limit for a synchronous invocation's payload. */
const MAX_PAYLOAD_BYTES = MAX_SYNC_PAYLOAD_BYTES;
/** Lambda's limit for an asynchronous (Event) invocation's payload. */
export const MAX_EVENT_PAYLOAD_BYTES = 1024 * 1024;
/** X-Amz-Log-Result carries the last 4 KB of the invocation's log. */
const LOG_TAIL_BYTES = 4096;

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const INVOCATION_TYPES = new Set(['RequestResponse', 'Event', 'DryRun']);

/**
 * The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) as the AWS SDKs
 * and CLI call it: RequestResponse, Event and DryRun; Tail logs; qualifiers; the
 * documented error types in `x-amzn-ErrorType`. Signatures are not checked.
 */
export function createInvokeApi(pools: ReadonlyMap<string, FunctionPool>, region: string): Server {
  return createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      awsError(response, 500, 'ServiceException', error instanceof Error ? error.message : String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = refusalOf(request);
    if (refusal) return awsError(response, 403, 'AccessDeniedException', refusal);
    const [path = '', search = ''] = (request.url ?? '/').split(/\?(.*)/s);
    const match = INVOKE_PATH.exec(path);
    if (!match || request.method !== 'POST') {
      return awsError(response, 404, 'UnknownOperationException', `Unknown operation ${request.method} ${path}`);
    }
    const parsed = parseFunctionIdentifier(match[1]!);
    if (!parsed.ok) return awsError(response, 400, 'ValidationException', parsed.message);
    const { id } = parsed;
    const queryQualifier = new URLSearchParams(search).get('Qualifier') ?? undefined;
    if (id.qualifier !== undefined && queryQualifier !== undefined && id.qualifier !== queryQualifier) {
      return awsError(
        response,
        400,
        'InvalidParameterValueException',
        'The derived qualifier from the function name does not match the specified qualifier.',
      );
    }
    const qualifier = id.qualifier ?? queryQualifier;
    if (id.region !== undefined && id.region !== region) {
      return awsError(
        response,
        404,
        'ResourceNotFoundException',
        `Functions from '${id.region}' are not reachable in this region ('${region}')`,
      );
    }
    const arn = `arn:aws:lambda:${region}:${id.account ?? LOCAL_ACCOUNT_ID}:function:${id.name}${qualifier === undefined ? '' : `:${qualifier}`}`;
    // This stack is one account: a function of another account is not found in it.
    const pool = id.account === undefined || id.account === LOCAL_ACCOUNT_ID ? pools.get(id.name) : undefined;
    const version = pool === undefined ? undefined : versionOf(pool, qualifier);
    if (!pool || version === undefined)
      return awsError(response, 404, 'ResourceNotFoundException', `Function not found: ${arn}`);

    const invocationType = headerValue(request, 'x-amz-invocation-type') ?? 'RequestResponse';
    if (!INVOCATION_TYPES.has(invocationType)) {
      return awsError(response, 400, 'InvalidParameterValueException', `Unsupported invocation type ${invocationType}`);
    }
    const limit = invocationType === 'Event' ? MAX_EVENT_PAYLOAD_BYTES : MAX_PAYLOAD_BYTES;
    const body = await readBody(request, limit);
    if (!body.ok) {
      return awsError(
        response,
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      );
    }
    const payload = body.bytes.length === 0 ? Buffer.from('{}') : body.bytes;
    try {
      JSON.parse(payload.toString('utf8'));
    } catch (error) {
      return awsError(
        response,
        400,
        'InvalidRequestContentException',
        `Could not parse request body into json: ${(error as Error).message}`,
      );
    }
    const contextHeader = headerValue(request, 'x-amz-client-context');
    const clientContext = contextHeader === undefined ? undefined : decodeClientContext(contextHeader);
    if (clientContext && !clientContext.ok)
      return awsError(response, 400, 'InvalidRequestContentException', clientContext.message);

    const requestId = randomUUID();
    const common = { 'x-amzn-requestid': requestId, 'x-amz-executed-version': version };
    if (invocationType === 'DryRun') return send(response, 204, common);
    if (invocationType === 'Event') {
      // Lambda keeps an Event invocation until it can run it: it waits here, never dropped.
      // The client context reaches synchronous invocations only.
      pool.invoke(payload, { requestId, queue: true }).catch((error: unknown) => {
        // Nobody waits for the answer; the stack's own failure is said, not swallowed.
        console.error(
          `Event invocation ${requestId} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      return send(response, 202, common);
    }
    try {
      const result = await pool.invoke(payload, { requestId, clientContext: clientContext?.json });
      const headers: Record<string, string> = { ...common, 'content-type': 'application/json' };
      if (result.functionError) headers['x-amz-function-error'] = result.functionError;
      if ((headerValue(request, 'x-amz-log-type') ?? 'None') === 'Tail') headers['x-amz-log-result'] = tail(result.log);
      send(response, 200, headers, result.payload);
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        return awsError(response, 429, 'TooManyRequestsException', 'Rate Exceeded.', {
          Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        });
      }
      throw error;
    }
  }
}

/** The version a qualifier runs: `$LATEST`, or an alias of the configuration; undefined when it names neither. */
function versionOf(pool: FunctionPool, qualifier: string | undefined): string | undefined {
  if (qualifier === undefined || qualifier === '$LATEST') return '$LATEST';
  return pool.fn.aliases?.get(qualifier);
}

function tail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}

function awsError(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  send(
    response,
    status,
    { 'content-type': 'application/json', 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    JSON.stringify({ Type: status >= 500 ? 'Service' : 'User', message, ...extra }),
  );
}
