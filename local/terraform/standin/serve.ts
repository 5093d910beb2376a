// The stand-in providers served once for a whole Terraform command. Left to itself,
// Terraform starts a provider process for each provider instance it needs: two to three
// of each provider per `terraform test` run block, at about 0.17 s a start here. Given
// TF_REATTACH_PROVIDERS, it dials processes already running instead: go-plugin's reattach,
// which providers' debug mode prints (https://developer.hashicorp.com/terraform/plugin/debugging).
// With "Test": true, Terraform leaves them running when it is done; they end with this
// process, or on their own once it is gone (provider/main.ts).
//
//   build/terraform-standin/serve COMMAND [ARG...]   COMMAND with both providers served; its exit status
//
// The processes are the bundle Terraform would start (provider/main.mjs), given the magic
// cookie as Terraform gives it, without AutoMTLS: they listen on 127.0.0.1 only. They run
// in the folder Terraform will run in, as the ones it starts do: a relative path (archive_file's
// output_path) means the same to both. Terraform installs no provider it can reattach to, so
// `terraform init` leaves the lock file alone. Providers the environment already reattaches
// to (one being debugged) stay in TF_REATTACH_PROVIDERS beside the stand-in's two.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { within } from '../../deadline.js';
import { PROVIDERS, type ProviderName } from './names.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROTOCOL_VERSION } from './provider/handshake.js';

/** One provider's entry in TF_REATTACH_PROVIDERS, as Terraform reads it (go-plugin's ReattachConfig). */
export interface ReattachConfig {
  readonly Protocol: 'grpc';
  readonly ProtocolVersion: number;
  readonly Pid: number;
  readonly Test: true;
  readonly Addr: { readonly Network: string; readonly String: string };
}

/** The reattach entry for the plugin that printed `line`, go-plugin's CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT. */
export function reattachOf(line: string, pid: number): ReattachConfig {
  const [core, version, network, address, protocol] = line.trim().split('|');
  if (core !== '1' || version !== PROTOCOL_VERSION || protocol !== 'grpc' || !network || !address)
    throw new Error(`not a tfplugin${PROTOCOL_VERSION} handshake line: ${JSON.stringify(line.trim())}`);
  return {
    Protocol: 'grpc',
    ProtocolVersion: Number(version),
    Pid: pid,
    Test: true,
    Addr: { Network: network, String: address },
  };
}

/**
 * In the environment of what is served: a script that re-runs itself under serve
 * (scripts/terraform-validate.sh) knows it is served, whatever else TF_REATTACH_PROVIDERS holds.
 */
export const SERVED_MARKER = 'QR_STANDIN_SERVED';

/**
 * The providers `env` already has Terraform reattach to, a provider being debugged say: they are
 * kept beside the stand-in's, which replace only their own two addresses.
 */
export function reattachedIn(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const given = env.TF_REATTACH_PROVIDERS;
  if (!given) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(given);
  } catch {}
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(
      `TF_REATTACH_PROVIDERS is set but is not a JSON object of providers (unset it, or fix it): ${given.slice(0, 80)}`,
    );
  return parsed as Record<string, unknown>;
}

export interface Served {
  /** The environment that points Terraform at the served providers. */
  readonly env: { readonly TF_REATTACH_PROVIDERS: string; readonly [SERVED_MARKER]: '1' };
  /** Ends the providers, once Terraform is done with them. */
  close(): Promise<void>;
}

/** How long a provider may take to listen: seconds of Node start-up on a loaded machine, never minutes. */
const HANDSHAKE_MS = 60_000;

async function startProvider(
  bundle: string,
  name: ProviderName,
  environment: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ child: ChildProcess; config: ReattachConfig }> {
  const { PLUGIN_CLIENT_CERT: _mtls, ...env } = environment;
  const child = spawn(process.execPath, [bundle, name], {
    cwd,
    env: { ...env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: PROTOCOL_VERSION },
    // stdout carries the handshake. What stderr says before it is the reason a start failed;
    // after it, it is passed on to whoever runs the command.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  const hear = (chunk: Buffer): void => {
    said += chunk.toString();
  };
  child.stderr!.on('data', hear);
  const lines = createInterface({ input: child.stdout! });
  // once() rejects on 'error' too: a process that could not be started.
  const exited = once(child, 'exit').then(
    ([code, signal]: unknown[]) => {
      throw new Error(
        `the stand-in hashicorp/${name} ended (${String(signal ?? code)}) before its handshake${said ? `:\n${said.trimEnd()}` : ''}`,
      );
    },
    (error: unknown) => {
      throw new Error(`the stand-in hashicorp/${name} did not start: ${(error as Error).message}`);
    },
  );
  exited.catch(() => {});
  try {
    const line = await within(
      Promise.race([once(lines, 'line').then(([text]: unknown[]) => String(text)), exited]),
      HANDSHAKE_MS,
      () => {
        throw new Error(`the stand-in hashicorp/${name} printed no handshake within ${HANDSHAKE_MS / 1000} s`);
      },
    );
    // Nothing follows the handshake on stdout; what might is read and dropped, never left to block it.
    lines.on('line', () => {});
    child.stderr!.off('data', hear);
    if (said) process.stderr.write(said);
    // Written on, not piped: a pipe leaves a listener of four kinds on process.stderr for as long
    // as the provider runs, and a process serving several sets at once (the tests) passes Node's ten.
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    return { child, config: reattachOf(line, child.pid!) };
  } catch (error) {
    child.kill();
    throw error;
  }
}

async function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts every stand-in provider from `bundle` (a built provider/main.mjs) and says how
 * Terraform reaches them. `env` and `cwd` are theirs, as Terraform would hand on its own:
 * the folder Terraform runs in, and the environment, whose PROVIDER_ENVIRONMENT they read
 * once, when they start.
 */
export async function serveProviders(
  bundle: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<Served> {
  const others = reattachedIn(env);
  const started = await Promise.allSettled(PROVIDERS.map((name) => startProvider(bundle, name, env, cwd)));
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const close = async (): Promise<void> => {
    await Promise.all(running.map(({ child }) => end(child)));
  };
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await close();
    throw failure.reason;
  }
  const reattach = {
    ...others,
    ...Object.fromEntries(running.map(({ config }, i) => [`registry.terraform.io/hashicorp/${PROVIDERS[i]}`, config])),
  };
  return { env: { TF_REATTACH_PROVIDERS: JSON.stringify(reattach), [SERVED_MARKER]: '1' }, close };
}

/** `use`'s result, given the environment that points Terraform at providers served for it, and ended after it. */
export async function withProviders<T>(
  bundle: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  use: (served: Served['env']) => Promise<T>,
): Promise<T> {
  const served = await serveProviders(bundle, env, cwd);
  try {
    return await use(served.env);
  } finally {
    await served.close();
  }
}

/** Runs `command` here with the providers served, and ends them after it; resolves to its exit status. */
export function runServed(bundle: string, command: string, args: readonly string[]): Promise<number> {
  return withProviders(bundle, process.env, process.cwd(), (served) => runInherited(command, args, served));
}

async function runInherited(command: string, args: readonly string[], served: Served['env']): Promise<number> {
  const child = spawn(command, args, { env: { ...process.env, ...served }, stdio: 'inherit' });
  // Ctrl-C reaches the command from the terminal, and the command decides; a SIGTERM sent
  // to this process alone is passed on.
  const ignore = (): void => {};
  const pass = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGINT', ignore);
  process.on('SIGTERM', pass);
  try {
    const [code, signal] = (await once(child, 'exit').catch((error: unknown) => {
      throw new Error(`cannot run ${command}: ${(error as Error).message}`);
    })) as [number | null, NodeJS.Signals | null];
    return code ?? 128 + (signal ? constants.signals[signal] : 0);
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', pass);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    process.stderr.write('usage: serve COMMAND [ARG...]: runs COMMAND with the stand-in providers served once\n');
    process.exit(2);
  }
  // Built, this file is serve.mjs beside provider/main.mjs.
  const bundle = fileURLToPath(new URL('./provider/main.mjs', import.meta.url));
  runServed(bundle, command, args).then(
    (status) => process.exit(status),
    (error: unknown) => {
      process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
