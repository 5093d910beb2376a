// Puts Terraform in the loop without a registry: bundles the stand-in provider and lays
// it out the two ways Terraform can find a provider offline.
//   - dev_overrides (`dev.tfrc`): Terraform uses the stand-in in place of hashicorp/aws
//     without `terraform init` and without checking the lock file's hashes, which belong
//     to the real provider. For validate and test in the project folder.
//   - a filesystem mirror (`mirror.tfrc`): `terraform init` installs the stand-in as if it
//     were the locked release, so the real deploy path (init, apply, output, destroy) runs
//     unchanged — in a copy without the project's lock file.
// Neither is ever used by `make deploy`: only commands given TF_CLI_CONFIG_FILE see them.
//
//   node --import tsx local/terraform/standin/build.ts [out-dir]   (default: build/terraform-standin;
//   rebuilt only when this folder or the lock file is newer, or the checkout has moved)
//
// The built stand-in keeps this folder's layout where the provider reads files: its bundle
// is provider/main.mjs, with provider/protocol/ beside it and schema/ one level up, as for
// the sources.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDERS } from './names.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const standInSource = fileURLToPath(new URL('./', import.meta.url));
export { PROVIDERS } from './names.js';

export interface StandIn {
  readonly dir: string;
  /** CLI configuration with dev_overrides: for commands in the project folder. */
  readonly devConfig: string;
  /** CLI configuration with only the filesystem mirror: for `terraform init` in a copy. */
  readonly mirrorConfig: string;
  /** `serve COMMAND [ARG...]`: runs COMMAND with the providers served once (serve.ts). */
  readonly serve: string;
  /** The provider program, provider/main.mjs: what Terraform starts, or serve.ts does. */
  readonly bundle: string;
}

/** The provider versions the lock file selects: the stand-in answers to these. */
export function lockedVersions(lockFile = join(root, '.terraform.lock.hcl')): Record<string, string> {
  const text = readFileSync(lockFile, 'utf8');
  const versions: Record<string, string> = {};
  for (const match of text.matchAll(
    /provider "registry\.terraform\.io\/hashicorp\/([a-z0-9-]+)" \{\s*version\s*=\s*"([^"]+)"/g,
  )) {
    versions[match[1]!] = match[2]!;
  }
  return versions;
}

/** Terraform's own name for this machine's platform, e.g. linux_amd64. */
export function terraformPlatform(): string {
  const result = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: terraformEnv() });
  if (result.status !== 0) throw new Error(`terraform version failed: ${result.stderr || result.error?.message}`);
  return (JSON.parse(result.stdout) as { platform: string }).platform;
}

/** The environment for Terraform commands: no version check, no prompts, the given CLI config. */
export function terraformEnv(cliConfig?: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    ...(cliConfig ? { TF_CLI_CONFIG_FILE: cliConfig } : { TF_CLI_CONFIG_FILE: '' }),
  };
}

const launcher = (bundle: string, provider: string): string =>
  `#!/bin/sh\n# The stand-in for hashicorp/${provider}: started by Terraform as a plugin.\nexec '${process.execPath}' '${bundle}' ${provider}\n`;

const serveLauncher = (script: string): string =>
  `#!/bin/sh\n# serve COMMAND [ARG...]: COMMAND with the stand-in providers served once (serve.ts).\nexec '${process.execPath}' '${script}' "$@"\n`;

function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

const DEFAULT_DIR = join(root, 'build/terraform-standin');

const paths = (dir: string): StandIn & { serveScript: string; bin: string; mirror: string } => ({
  dir,
  bundle: join(dir, 'provider/main.mjs'),
  serveScript: join(dir, 'serve.mjs'),
  serve: join(dir, 'serve'),
  bin: join(dir, 'bin'),
  mirror: join(dir, 'mirror'),
  devConfig: join(dir, 'dev.tfrc'),
  mirrorConfig: join(dir, 'mirror.tfrc'),
});

/**
 * The files that name where the stand-in is (and which Node runs it): the launchers and
 * both CLI configurations hold absolute paths, since Terraform reads them from any folder.
 */
function placedFiles(final: ReturnType<typeof paths>): Map<string, string> {
  const files = new Map<string, string>();
  for (const provider of PROVIDERS)
    files.set(join(final.bin, `terraform-provider-${provider}`), launcher(final.bundle, provider));
  files.set(final.serve, serveLauncher(final.serveScript));
  files.set(
    final.devConfig,
    `provider_installation {\n  dev_overrides {\n${PROVIDERS.map((p) => `    "hashicorp/${p}" = "${final.bin}"\n`).join('')}  }\n  direct {}\n}\n`,
  );
  files.set(
    final.mirrorConfig,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${final.mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
  );
  return files;
}

/** Whether each of those files says what it would say if built here now: false once the checkout moved or was copied. */
function placedHere(final: ReturnType<typeof paths>): boolean {
  for (const [path, text] of placedFiles(final)) {
    let written: string;
    try {
      written = readFileSync(path, 'utf8');
    } catch {
      return false;
    }
    if (written !== text) return false;
  }
  return true;
}

/**
 * Builds the stand-in into `dir`: the provider bundle, a launcher per provider, the mirror
 * and both CLI configurations. It is written beside `dir` and renamed into place, so a
 * Terraform already running from the old one is never handed half a bundle.
 */
export async function buildStandIn(dir = DEFAULT_DIR): Promise<StandIn> {
  const final = paths(resolve(dir));
  const staging = `${final.dir}.staging-${process.pid}`;
  const at = (path: string): string => join(staging, relative(final.dir, path));
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await build({
    // The provider Terraform starts, and serve.ts, which starts it for Terraform to dial.
    entryPoints: {
      [relative(final.dir, final.bundle).replace(/\.mjs$/, '')]: join(standInSource, 'provider/main.ts'),
      [relative(final.dir, final.serveScript).replace(/\.mjs$/, '')]: join(standInSource, 'serve.ts'),
    },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // So that coverage of the provider, which Terraform starts, counts for its sources; the
    // packages are this checkout's node_modules, as for everything else the stand-in runs.
    sourcemap: true,
    packages: 'external',
  });
  // The bundle reads these where the sources do, relative to itself.
  cpSync(join(standInSource, 'provider/protocol'), at(join(final.dir, 'provider/protocol')), { recursive: true });
  cpSync(join(standInSource, 'schema'), at(join(final.dir, 'schema')), {
    recursive: true,
    filter: (source) => !source.endsWith('.md'),
  });

  writeExecutable(at(final.serve), serveLauncher(final.serveScript));
  mkdirSync(at(final.bin), { recursive: true });
  for (const provider of PROVIDERS)
    writeExecutable(at(join(final.bin, `terraform-provider-${provider}`)), launcher(final.bundle, provider));

  const versions = lockedVersions();
  const platform = terraformPlatform();
  for (const provider of PROVIDERS) {
    const version = versions[provider];
    if (!version) throw new Error(`.terraform.lock.hcl selects no version of hashicorp/${provider}`);
    const folder = join(final.mirror, 'registry.terraform.io/hashicorp', provider, version, platform);
    mkdirSync(at(folder), { recursive: true });
    writeExecutable(at(join(folder, `terraform-provider-${provider}_v${version}`)), launcher(final.bundle, provider));
  }

  for (const [path, text] of placedFiles(final)) if (path.endsWith('.tfrc')) writeFileSync(at(path), text);
  rmSync(final.dir, { recursive: true, force: true });
  renameSync(staging, final.dir);
  const { dir: built, devConfig, mirrorConfig, serve, bundle } = final;
  return { dir: built, devConfig, mirrorConfig, serve, bundle };
}

const newestChange = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
};

/**
 * The stand-in in `dir`, built first if it is missing, older than its sources or the lock
 * file, or built for another place: a moved checkout's names a folder that is gone, a
 * copy's the original's.
 */
export async function ensureStandIn(dir = DEFAULT_DIR): Promise<StandIn> {
  const existing = paths(resolve(dir));
  const built = statSync(existing.mirrorConfig, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(newestChange(standInSource), newestChange(join(root, '.terraform.lock.hcl')));
  return built > sources && placedHere(existing) ? existing : buildStandIn(dir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const standIn = await ensureStandIn(process.argv[2]);
  console.log(`stand-in provider: ${standIn.dir} (${PROVIDERS.map((p) => `hashicorp/${p}`).join(', ')})`);
}
