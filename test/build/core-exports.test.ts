// A chunk takes what it shares with the core from index.mjs: the build refuses a chunk that
// imports a name the core does not export, which would otherwise fail only at that chunk's
// first request.
import t from 'tap';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error build.mjs is plain JavaScript without declarations
import { checkCoreExports } from '../../build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

t.test('a chunk importing a name the core does not export fails the build, naming it', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'core-exports-'));
  const chunk = join(dir, 'chunk.mjs');
  await writeFile(
    chunk,
    'import{describe as a,kindOf as b}from"../index.mjs";import{badRequest as c}from"../index.mjs";',
  );
  const main = { outputs: { 'index.mjs': { exports: ['describe', 'badRequest'] } } };
  const chunks = [{ metafile: { outputs: { [relative(root, chunk)]: {} } } }];
  await t.rejects(
    checkCoreExports(join(dir, 'index.mjs'), main, chunks),
    /imports kindOf from .*: export it from lambda\/shared\.ts/,
  );
  main.outputs['index.mjs'].exports.push('kindOf');
  await t.resolves(checkCoreExports(join(dir, 'index.mjs'), main, chunks), 'with the name exported, it passes');
});
