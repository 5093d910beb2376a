import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApi } from './api/http-api.js';
import { createInvokeApi } from './api/invoke-api.js';
import type { FunctionDefinition } from './runtime/function.js';
import type { LogSink } from './runtime/output.js';
import type { NodeBinary } from './runtime/node-release.js';
import { DEFAULT_MAX_ENVIRONMENTS, FunctionPool } from './runtime/pool.js';
import { planModule } from './terraform/plan.js';
import { loadStackConfig, type StackConfig } from './terraform/stack-config.js';

export interface StackOptions {
  /** The folder with the .tf files. */
  readonly dir: string;
  /** Its configuration, planned already (test files share one plan); else `dir` is planned here. */
  readonly config?: StackConfig;
  /** Where TF_VAR_* overrides come from. */
  readonly env?: NodeJS.ProcessEnv;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly httpPort?: number;
  readonly lambdaPort?: number;
  /** More functions for the Invoke API alone (test fixtures). */
  readonly extraFunctions?: readonly FunctionDefinition[];
  readonly log?: LogSink;
}

export interface LocalStack {
  readonly config: StackConfig;
  readonly httpUrl: string;
  readonly lambdaUrl: string;
  readonly pools: ReadonlyMap<string, FunctionPool>;
  /** The Node.js the function's environments run on: its runtime's major (undefined for another language). */
  readonly node: NodeBinary | undefined;
  /** Every later invocation cold-starts, on the code as it is now. */
  reload(): Promise<void>;
  /**
   * A new build in build/lambda: Terraform plans again, which zips it (data "archive_file"),
   * as `make deploy` would upload it; later invocations cold-start on that zip.
   */
  redeploy(): Promise<void>;
  close(): Promise<void>;
}

/** The HTTP API and the Lambda Invoke API in front of the function the .tf files deploy. */
export async function startStack(options: StackOptions): Promise<LocalStack> {
  const config = options.config ?? (await loadStackConfig(options.dir, options.env ?? {}));
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const maxEnvironments = maxEnvironmentsOf(options.env ?? {});
  const main = new FunctionPool(config.function, log, maxEnvironments);
  const pools = new Map<string, FunctionPool>([[config.function.name, main]]);
  for (const fn of options.extraFunctions ?? []) pools.set(fn.name, new FunctionPool(fn, log, maxEnvironments));

  const http = createHttpApi({ ...config.http, pool: main });
  const lambda = createInvokeApi(pools, config.region);
  let node: NodeBinary | undefined;
  try {
    // Before serving: a runtime whose Node.js cannot be had is said at start, not at the first call.
    node = await main.runtimeNode();
    await listen(http, options.httpPort ?? 0, host);
    await listen(lambda, options.lambdaPort ?? 0, host);
  } catch (error) {
    http.close();
    lambda.close();
    await Promise.all([...pools.values()].map((pool) => pool.close()));
    throw error;
  }
  const url = (server: Server): string => `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    config,
    httpUrl: url(http),
    lambdaUrl: url(lambda),
    pools,
    node,
    reload: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.reload()));
    },
    redeploy: async () => {
      await planModule(options.dir, options.env ?? {});
      await main.reload();
    },
    close: async () => {
      for (const server of [http, lambda]) {
        server.closeAllConnections();
        server.close();
      }
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}

/** LAMBDA_MAX_ENVIRONMENTS: how many processes a function without reserved concurrency may run at once. */
function maxEnvironmentsOf(env: NodeJS.ProcessEnv): number {
  const given = env.LAMBDA_MAX_ENVIRONMENTS;
  if (given === undefined || given === '') return DEFAULT_MAX_ENVIRONMENTS;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`LAMBDA_MAX_ENVIRONMENTS must be a whole number from 1, not "${given}"`);
  return value;
}

async function listen(server: Server, port: number, host: string): Promise<void> {
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw error as Error;
    }),
  ]);
}
