// Each nodejs<N>.x runtime on Node N: this process's Node when it is that major, a pinned
// release otherwise, and a message that names what to install when there is none.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FunctionPool } from '../../../local/runtime/pool.js';
import {
  NODE_RELEASES,
  installedNodeOfMajor,
  nodeOfMajor,
  nodePackage,
  onNodeDownload,
  runtimeMajor,
} from '../../../local/runtime/node-release.js';
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
