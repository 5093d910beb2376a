import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusalOf } from '../loopback.js';

const PREFIX = '/2018-06-01/runtime';
/** What Lambda accepts as one synchronous response. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

export interface Invocation {
  readonly requestId: string;
  readonly deadlineMs: number;
  readonly functionArn: string;
  readonly traceId: string;
  readonly payload: Buffer;
  readonly clientContext?: string | undefined;
}

/** How the runtime ended an invocation. */
export type RuntimeOutcome =
  | { readonly kind: 'response'; readonly payload: Buffer }
  | { readonly kind: 'error'; readonly payload: Buffer; readonly errorType: string | undefined };

export interface InitError {
  readonly errorType: string | undefined;
  readonly payload: Buffer;
}

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment: the runtime
 * long-polls `invocation/next`, then posts the `response` or `error` for that request
 * id; a runtime that cannot start posts `init/error`.
 */
export class RuntimeApi {
  private waitingRuntime: ServerResponse | undefined;
  private queued: Invocation | undefined;
  private current: { invocation: Invocation; settle: (outcome: RuntimeOutcome) => void } | undefined;
  private readyListeners: (() => void)[] = [];
  private initErrorListeners: ((error: InitError) => void)[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RuntimeApi> {
    let api: RuntimeApi | undefined;
    const server = createServer((request, response) => {
      void api!.handle(request, response);
    });
    server.keepAliveTimeout = 0;
    api = new RuntimeApi(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return api;
  }

  /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
  get address(): string {
    const { port } = this.server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** Called once, when the runtime first asks for work: its init phase is over. */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  onInitError(listener: (error: InitError) => void): void {
    this.initErrorListeners.push(listener);
  }

  /** Hands one invocation to the runtime; settles when it posts the result. */
  invoke(invocation: Invocation): Promise<RuntimeOutcome> {
    if (this.current) throw new Error('this environment is already running an invocation');
    return new Promise((settle) => {
      this.current = { invocation, settle };
      if (this.waitingRuntime) this.deliver(this.waitingRuntime, invocation);
      else this.queued = invocation;
    });
  }

  async close(): Promise<void> {
    this.waitingRuntime?.destroy();
    this.server.closeAllConnections();
    this.server.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = refusalOf(request);
    if (refusal) {
      request.resume();
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errorMessage: refusal, errorType: 'Forbidden' }));
      return;
    }
    const url = request.url ?? '';
    const { bytes: body, size } = await readBody(request);
    if (request.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      const listeners = this.readyListeners;
      this.readyListeners = [];
      for (const listener of listeners) listener();
      if (this.queued) {
        const invocation = this.queued;
        this.queued = undefined;
        this.deliver(response, invocation);
      } else {
        this.waitingRuntime = response;
      }
      return;
    }
    const result = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (request.method === 'POST' && result) {
      const [, requestId, kind] = result;
      if (!this.current || this.current.invocation.requestId !== decodeURIComponent(requestId!)) {
        return reply(response, 400, { errorMessage: `no invocation ${requestId} is in progress`, errorType: 'InvalidRequestID' });
      }
      const { settle } = this.current;
      this.current = undefined;
      if (size > MAX_RESPONSE_BYTES) {
        reply(response, 413, { errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).', errorType: 'RequestEntityTooLarge' });
        const payload = JSON.stringify({ errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (6291556 bytes).`, errorType: 'Function.ResponseSizeTooLarge' });
        return settle({ kind: 'error', payload: Buffer.from(payload), errorType: 'Function.ResponseSizeTooLarge' });
      }
      reply(response, 202, { status: 'OK' });
      const errorType = header(request, 'lambda-runtime-function-error-type');
      return settle(kind === 'response' ? { kind: 'response', payload: body } : { kind: 'error', payload: body, errorType });
    }
    if (request.method === 'POST' && url === `${PREFIX}/init/error`) {
      reply(response, 202, { status: 'OK' });
      const error = { errorType: header(request, 'lambda-runtime-function-error-type'), payload: body };
      for (const listener of this.initErrorListeners) listener(error);
      return;
    }
    reply(response, 404, { errorMessage: `unknown Runtime API resource ${request.method} ${url}`, errorType: 'InvalidRequest' });
  }

  private deliver(response: ServerResponse, invocation: Invocation): void {
    this.waitingRuntime = undefined;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': invocation.requestId,
      'lambda-runtime-deadline-ms': String(invocation.deadlineMs),
      'lambda-runtime-invoked-function-arn': invocation.functionArn,
      'lambda-runtime-trace-id': invocation.traceId,
    };
    if (invocation.clientContext) headers['lambda-runtime-client-context'] = invocation.clientContext;
    response.writeHead(200, headers);
    response.end(invocation.payload);
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The body and its size; past `limit` bytes only the size is kept, counted as the body
 * streams past, so a runaway response is measured, never held.
 */
async function readBody(request: IncomingMessage, limit = MAX_RESPONSE_BYTES): Promise<{ bytes: Buffer; size: number }> {
  let chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
    else chunks = [];
  }
  return { bytes: Buffer.concat(chunks), size };
}
