// The configuration Terraform would deploy, as Terraform itself works it out: variables
// from TF_VAR_*, terraform.tfvars and *.auto.tfvars(.json), type conversions, locals,
// for_each, functions and validations — by `terraform plan` against the stand-in
// providers, in a scratch copy of the .tf files, and `terraform show -json` of that plan.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { terraformMinimum } from './minimum.js';
import { ensureStandIn, terraformEnv } from './standin/build.js';
import { withProviders } from './standin/serve.js';

/** What `terraform show -json` says of a plan; only the parts the local stack reads. */
export interface PlanJson {
  readonly planned_values?: { readonly root_module?: ModuleValues };
  readonly prior_state?: { readonly values?: { readonly root_module?: ModuleValues } };
}
export interface ModuleValues {
  readonly resources?: readonly ResourceValues[];
}
export interface ResourceValues {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The files Terraform reads from a module folder by itself. */
export const isConfigFile = (file: string): boolean =>
  file.endsWith('.tf') ||
  file.endsWith('.tf.json') ||
  /^terraform\.tfvars(\.json)?$/.test(file) ||
  /\.auto\.tfvars(\.json)?$/.test(file);

// The scratch copy keeps its state to itself, whatever backend the configuration names.
const LOCAL_BACKEND = 'terraform {\n  backend "local" {\n    path = "scratch.tfstate"\n  }\n}\n';

export class TerraformError extends Error {
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`terraform ${command} failed:\n${output.trim()}`);
    this.name = 'TerraformError';
  }
}

function terraform(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('terraform', [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      reject(
        new Error(
          `cannot run terraform (needed for the local stack, >= ${terraformMinimum(cwd) ?? "main.tf's required_version"}): ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise(Buffer.concat(stdout).toString('utf8'));
      else
        reject(
          new TerraformError(
            args[0]!,
            Buffer.concat(stderr).toString('utf8') || Buffer.concat(stdout).toString('utf8'),
          ),
        );
    });
  });
}

/**
 * Plans the module in `dir` with the stand-in providers and returns the plan as JSON.
 * `env` supplies the variables (TF_VAR_*); the folder's own state and backend are never touched.
 */
export async function planModule(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<PlanJson> {
  const module = resolve(dir);
  const standIn = await ensureStandIn();
  const scratch = await mkdtemp(join(tmpdir(), 'qr-plan-'));
  try {
    for (const file of (await readdir(module)).filter(isConfigFile))
      await copyFile(join(module, file), join(scratch, file));
    await writeFile(join(scratch, 'zz_scratch_backend_override.tf'), LOCAL_BACKEND);
    // path.module is the scratch folder: its build/ is the module's.
    await symlink(join(module, 'build'), join(scratch, 'build'));
    const tfEnv = terraformEnv(standIn.mirrorConfig, planEnvironment(env));
    await terraform(['init', '-input=false', '-no-color', '-backend=true'], scratch, tfEnv);
    // The plan and the show dial providers started once for them (standin/serve.ts), rather
    // than Terraform starting two or three of each: half the time, on every start and re-plan.
    return await withProviders(standIn.bundle, tfEnv, scratch, async (served) => {
      const servedEnv = { ...tfEnv, ...served };
      await terraform(
        ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', '-out=scratch.tfplan'],
        scratch,
        servedEnv,
      );
      return JSON.parse(
        await terraform(['show', '-json', '-no-color', 'scratch.tfplan'], scratch, servedEnv),
      ) as PlanJson;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * This process's environment for Terraform, with the variables (TF_VAR_*) of `env` alone,
 * and nothing that would point it at another folder's data, workspace or arguments.
 */
function planEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('TF_'));
  const variables = Object.entries(env).filter(([name]) => name.startsWith('TF_VAR_'));
  return Object.fromEntries([...inherited, ...variables]);
}
