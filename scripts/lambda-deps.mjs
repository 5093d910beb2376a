// Installs the npm packages that build.mjs keeps out of the bundle (native code) into
// <dir>/node_modules, for Lambda's platform — linux, arm64, glibc — whatever this machine is.
// Terraform zips <dir>, these packages included, when it plans (data "archive_file").
//
//   node scripts/lambda-deps.mjs [dir]      (default: build/lambda)
//
// Without a package.json in <dir>, one is written from build.mjs's EXTERNAL list at the
// versions the project's package.json pins. Packages that pick their binary through
// optional per-platform dependencies (esbuild, sharp, @swc/*) are chosen by --os/--cpu/--libc;
// node-gyp and prebuild-style installers read npm_config_arch / npm_config_platform.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTERNAL } from '../build.mjs';

export const TARGET = { os: 'linux', cpu: 'arm64', libc: 'glibc' };

export function installLambdaDeps(dir) {
  const manifest = join(dir, 'package.json');
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
  const args = [
    'install',
    '--omit=dev',
    `--os=${TARGET.os}`,
    `--cpu=${TARGET.cpu}`,
    `--libc=${TARGET.libc}`,
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
  ];
  console.log(`lambda-deps: npm ${args.join(' ')}  (in ${dir})`);
  const result = spawnSync('npm', args, {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, npm_config_arch: TARGET.cpu, npm_config_platform: TARGET.os, npm_config_libc: TARGET.libc },
  });
  if (result.status !== 0) throw new Error(`npm install for ${TARGET.os}/${TARGET.cpu} failed (exit ${result.status})`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    installLambdaDeps(resolve(process.argv[2] ?? 'build/lambda'));
  } catch (error) {
    console.error(`lambda-deps: ${error.message}`);
    process.exit(1);
  }
}
