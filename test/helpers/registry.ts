// The test files that reach the npm registry (npm ci in a fresh clone, npm pack, a Node.js
// download) call needsRegistry() first. `make test` names them before it runs the suite;
// where the registry cannot be reached they fail at once, saying so, rather than deep in an
// npm error. They are not skipped: CI reaches the registry, and runs them.
import type { Test } from 'tap';
import { spawnSync } from 'node:child_process';

let reachable: string | undefined | null = null;

/** Why the npm registry cannot be reached from here, or undefined when it can (asked once a process). */
function unreachable(): string | undefined {
  if (reachable === null) {
    const ping = spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 30_000 });
    reachable =
      ping.status === 0
        ? undefined
        : (ping.error?.message ?? ping.stderr.trim().split('\n').slice(-2).join(' ')) ||
          `npm ping exited ${ping.status}`;
  }
  return reachable;
}

/** Fails `t` now, naming the registry, when it cannot be reached; returns whether it can. */
export function needsRegistry(t: Test): boolean {
  const why = unreachable();
  if (why === undefined) return true;
  const registry = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout.trim();
  t.fail(`this test file needs the npm registry (${registry}), which cannot be reached: ${why}`);
  return false;
}
