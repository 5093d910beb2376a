// Terraform against the stand-in, its providers served (the stand-in's serve.ts) rather than
// started by Terraform two or three times a command: started once for the test file, one set
// for each folder Terraform runs in (relative paths are the providers' own) and each
// environment they read (PROVIDER_ENVIRONMENT), and ended with it. `init` runs as
// Terraform runs it, so that it installs the providers from the mirror and writes the lock
// file; a served command would skip them.
import t from 'tap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDER_ENVIRONMENT } from '../../local/terraform/standin/names.js';
import { serveProviders, type Served } from '../../local/terraform/standin/serve.js';
import { run, type Finished } from './processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(root, 'build/terraform-standin/provider/main.mjs');

/** The providers served for this file, by their folder and the values of what they read. */
const served = new Map<string, Promise<Served>>();

/** `env` with TF_REATTACH_PROVIDERS naming providers started in `cwd` with that environment. */
async function servedEnv(cwd: string, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const key = JSON.stringify([cwd, ...PROVIDER_ENVIRONMENT.map((name) => env[name] ?? null)]);
  let providers = served.get(key);
  if (!providers) {
    // Ended with the file; a set that never started has nothing to end (its test has failed already).
    if (served.size === 0)
      t.teardown(() =>
        Promise.all(
          [...served.values()].map((set) =>
            set.then(
              (s) => s.close(),
              () => {},
            ),
          ),
        ),
      );
    providers = serveProviders(BUNDLE, env, cwd);
    served.set(key, providers);
  }
  return { ...env, ...(await providers).env };
}

/** A command (a script that runs terraform, or terraform itself) with the stand-in's providers served. */
export const runServed = async (
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Finished> => run(command, args, cwd, await servedEnv(cwd, env));

/** `terraform ARGS` in `dir` with `env` (and `extra` for this command), served unless it is `init`. */
export const servedTerraform =
  (dir: string, env: NodeJS.ProcessEnv) =>
  (args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<Finished> =>
    args[0] === 'init'
      ? run('terraform', args, dir, { ...env, ...extra })
      : runServed('terraform', args, dir, { ...env, ...extra });
