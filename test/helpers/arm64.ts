import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { linuxArm64NodeOfMajor, runtimeMajor } from '../../local/runtime/node-release.js';

/**
 * Runs a script with Node.js for linux/arm64 (Lambda's nodejs24.x on arm64): natively on an
 * arm64 Linux, elsewhere under qemu-aarch64-static with Debian's aarch64 C and C++
 * libraries (`make system-deps` installs both).
 */
export async function runOnArm64(args: readonly string[], input?: string): Promise<SpawnSyncReturns<string>> {
  const { path: node } = await linuxArm64NodeOfMajor(runtimeMajor('nodejs24.x')!);
  const native = process.platform === 'linux' && process.arch === 'arm64';
  return spawnSync(native ? node : 'qemu-aarch64-static', native ? args : [node, ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, QEMU_LD_PREFIX: '/usr/aarch64-linux-gnu' },
  });
}
