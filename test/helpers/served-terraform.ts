// Terraform against the stand-in, its providers served for the command (the stand-in's
// `serve`): what Terraform would start two or three times a command, started once, which
// halves a plan here. `init` runs as Terraform runs it, so that it installs the providers
// from the mirror and writes the lock file; a served command would skip them.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type Finished } from './processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** `serve COMMAND [ARG...]`, as `make standin` builds it. */
export const SERVE = join(root, 'build/terraform-standin/serve');

/** A command run with the stand-in's providers served: started with `env`, which is what they read (AWS_REGION, QR_STANDIN_*). */
export const runServed = (
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Finished> => run(SERVE, [command, ...args], cwd, env);

/** `terraform ARGS` in `dir` with `env` (and `extra` for this command), served unless it is `init`. */
export const servedTerraform =
  (dir: string, env: NodeJS.ProcessEnv) =>
  (args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<Finished> =>
    args[0] === 'init'
      ? run('terraform', args, dir, { ...env, ...extra })
      : runServed('terraform', args, dir, { ...env, ...extra });
