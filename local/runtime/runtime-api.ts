import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../http-body.js';
import { refusalOf } from '../loopback.js';
import { headerSafeClientContext } from './client-context.js';
import { MAX_SYNC_PAYLOAD_BYTES } from './function.js';

const PREFIX = '/2018-06-01/runtime';
/** What Lambda accepts as one synchronous response. */
const MAX_RESPONSE_BYTES = MAX_SYNC_PAYLOAD_BYTES;

export interface Invocation {
  readonly requestId: string;
  readonly deadlineMs: number;
  readonly functionArn: string;
  readonly traceId: string;
  readonly payload: Buffer;
  /** The client context as JSON text, decoded from the Invoke API's base64. */
  readonly clientContext?: string | undefined;
}

/**
 * How an invocation ended: the runtime posted a response or an error, or the invocation
 * could not be handed to the runtime at all (`undelivered`: the environment is unfit for
 * another one and must be retired).
 */
export type RuntimeOutcome =
  | { readonly kind: 'response'; readonly payload: Buffer }
  | { readonly kind: 'error'; readonly payload: Buffer; readonly errorType: string | undefined }
  | { readonly kind: 'undelivered'; readonly message: string };

export interface InitError {
  readonly errorType: string | undefined;
  readonly payload: Buffer;
}

interface Current {
  readonly invocation: Invocation;
  readonly settle: (outcome: RuntimeOutcome) => void;
  /** Handed to the runtime: a result may now be posted for it. */
  delivered: boolean;
}

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment: the runtime
 * long-polls `invocation/next`, then posts the `response` or `error` for that request
 * id; a runtime that cannot start posts `init/error`. One poller at a time: a second
 * `next` while one waits, or while an invocation is out, is refused, so no other local
 * process can take the runtime's invocation or answer for it.
 */
export class RuntimeApi {
  private poller: ServerResponse | undefined;
  private current: Current | undefined;
  private readyListeners: (() => void)[] = [];
  private initErrorListeners: ((error: InitError) => void)[] = [];
  private closing: Promise<void> | undefined;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RuntimeApi> {
    let api: RuntimeApi | undefined;
    const server = createServer((request, response) => {
      void api!.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent)
          reply(response, 500, {
            errorMessage: error instanceof Error ? error.message : String(error),
            errorType: 'ServiceException',
          });
        else response.destroy();
      });
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

  /** Whether the server still listens (false once closed). */
  get listening(): boolean {
    return this.server.listening;
  }

  /** Called once, when the runtime first asks for work: its init phase is over. */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  onInitError(listener: (error: InitError) => void): void {
    this.initErrorListeners.push(listener);
  }

  /** Hands one invocation to the runtime; settles when it posts the result, or when it cannot be delivered. */
  invoke(invocation: Invocation): Promise<RuntimeOutcome> {
    if (this.current) throw new Error('this environment is already running an invocation');
    return new Promise((settle) => {
      this.current = { invocation, settle, delivered: false };
      if (this.poller) this.deliver(this.poller);
    });
  }

  /** Stops listening and drops every connection; resolves once the listener is closed. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.poller?.destroy();
      this.poller = undefined;
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = refusalOf(request);
    if (refusal) {
      request.resume();
      return reply(response, 403, { errorMessage: refusal, errorType: 'Forbidden' });
    }
    const url = request.url ?? '';
    if (request.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      request.resume();
      return this.poll(response);
    }
    const body = await readBody(request, MAX_RESPONSE_BYTES, { measure: true });
    const result = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (request.method === 'POST' && result) {
      const [, requestId, kind] = result;
      const current = this.current;
      if (!current?.delivered || current.invocation.requestId !== safeDecode(requestId!)) {
        return reply(response, 400, {
          errorMessage: `no invocation ${requestId} is in progress`,
          errorType: 'InvalidRequestID',
        });
      }
      this.current = undefined;
      if (!body.ok) {
        reply(response, 413, {
          errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES + 100} bytes).`,
          errorType: 'RequestEntityTooLarge',
        });
        const payload = JSON.stringify({
          errorMessage: `Response payload size (${body.size} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES + 100} bytes).`,
          errorType: 'Function.ResponseSizeTooLarge',
        });
        return current.settle({
          kind: 'error',
          payload: Buffer.from(payload),
          errorType: 'Function.ResponseSizeTooLarge',
        });
      }
      reply(response, 202, { status: 'OK' });
      const errorType = header(request, 'lambda-runtime-function-error-type');
      return current.settle(
        kind === 'response'
          ? { kind: 'response', payload: body.bytes }
          : { kind: 'error', payload: body.bytes, errorType },
      );
    }
    if (request.method === 'POST' && url === `${PREFIX}/init/error`) {
      reply(response, 202, { status: 'OK' });
      const error = {
        errorType: header(request, 'lambda-runtime-function-error-type'),
        payload: body.ok ? body.bytes : Buffer.from('{}'),
      };
      for (const listener of this.initErrorListeners) listener(error);
      return;
    }
    reply(response, 404, {
      errorMessage: `unknown Runtime API resource ${request.method} ${url}`,
      errorType: 'InvalidRequest',
    });
  }

  private poll(response: ServerResponse): void {
    if (this.poller || this.current?.delivered) {
      reply(response, 403, {
        errorMessage:
          'the runtime of this environment is already polling or running an invocation; a second poller is refused',
        errorType: 'InvalidStateTransition',
      });
      return;
    }
    const listeners = this.readyListeners;
    this.readyListeners = [];
    for (const listener of listeners) listener();
    this.poller = response;
    // A poller that went away (its process ended) no longer takes invocations.
    response.on('close', () => {
      if (this.poller === response) this.poller = undefined;
    });
    if (this.current) this.deliver(response);
  }

  /**
   * Hands the current invocation to the waiting poller. Whatever fails here (a header that
   * cannot be sent, a socket already gone) ends that invocation, never the stack: its
   * caller gets an error and the environment is retired.
   */
  private deliver(response: ServerResponse): void {
    const current = this.current!;
    this.poller = undefined;
    const { invocation } = current;
    try {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'lambda-runtime-aws-request-id': invocation.requestId,
        'lambda-runtime-deadline-ms': String(invocation.deadlineMs),
        'lambda-runtime-invoked-function-arn': invocation.functionArn,
        'lambda-runtime-trace-id': invocation.traceId,
      };
      if (invocation.clientContext !== undefined)
        headers['lambda-runtime-client-context'] = headerSafeClientContext(invocation.clientContext);
      if (response.destroyed)
        throw new Error('the runtime’s connection closed before the invocation could be handed over');
      response.writeHead(200, headers);
      response.end(invocation.payload);
      current.delivered = true;
    } catch (error) {
      this.current = undefined;
      if (!response.headersSent) response.destroy();
      current.settle({ kind: 'undelivered', message: error instanceof Error ? error.message : String(error) });
    }
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

const safeDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};
