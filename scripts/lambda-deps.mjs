// Installs the npm packages that build.mjs keeps out of the bundle (native code) into
// <dir>/node_modules, for Lambda's platform — linux, arm64, glibc — whatever this machine is.
// Terraform zips <dir>, these packages included, when it plans (data "archive_file").
//
//   node scripts/lambda-deps.mjs [dir]             (default: build/lambda)
//   node scripts/lambda-deps.mjs --host <dir>      the same packages for this machine (make host-deps)
//
// Without a package.json in <dir>, one is written from build.mjs's EXTERNAL list at the
// versions the project's package.json pins. Packages that pick their binary through
// optional per-platform dependencies (esbuild, sharp, @swc/*) are chosen by --os/--cpu/--libc;
// node-gyp and prebuild-style installers read npm_config_arch / npm_config_platform.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTERNAL } from '../build.mjs';

export const TARGET = { os: 'linux', cpu: 'arm64', libc: 'glibc' };

/**
 * Installs build.mjs's EXTERNAL packages into <dir>/node_modules: for Lambda's platform, or
 * with `host` for this machine (`make host-deps`: what the local stack runs in their place).
 */
export function installLambdaDeps(dir, { host = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'package.json');
  // The host's folder lives on between builds: its list follows build.mjs and package.json.
  if (host) rmSync(manifest, { force: true });
  if (!existsSync(manifest)) {
    const pinned =
      JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')).dependencies ?? {};
    const dependencies = Object.fromEntries(
      EXTERNAL.map((name) => {
        if (!pinned[name]) throw new Error(`${name} is external in build.mjs but not a dependency in package.json`);
        return [name, pinned[name]];
      }),
    );
    writeFileSync(manifest, `${JSON.stringify({ private: true, type: 'module', dependencies }, null, 2)}\n`);
  }
  const target = host ? [] : [`--os=${TARGET.os}`, `--cpu=${TARGET.cpu}`, `--libc=${TARGET.libc}`];
  const args = ['install', '--omit=dev', ...target, '--no-package-lock', '--no-audit', '--no-fund'];
  console.log(`lambda-deps: npm ${args.join(' ')}  (in ${dir})`);
  const result = spawnSync('npm', args, {
    cwd: dir,
    stdio: 'inherit',
    env: host
      ? process.env
      : { ...process.env, npm_config_arch: TARGET.cpu, npm_config_platform: TARGET.os, npm_config_libc: TARGET.libc },
  });
  const platform = host ? 'this machine' : `${TARGET.os}/${TARGET.cpu}`;
  if (result.status !== 0) throw new Error(`npm install for ${platform} failed (exit ${result.status})`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const host = process.argv[2] === '--host';
    installLambdaDeps(resolve(process.argv[host ? 3 : 2] ?? 'build/lambda'), { host });
  } catch (error) {
    console.error(`lambda-deps: ${error.message}`);
    process.exit(1);
  }
}
