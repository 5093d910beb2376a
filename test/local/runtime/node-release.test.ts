// Each nodejs<N>.x runtime on Node N: this process's Node when it is that major, a pinned
// release otherwise, and a message that names what to install when there is none.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { NODE_RELEASES, nodeOfMajor, onNodeDownload, runtimeMajor } from '../../../local/runtime/node-release.js';
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
