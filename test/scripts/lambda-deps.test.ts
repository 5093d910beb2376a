import t from 'tap';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { EM_AARCH64, elfMachine } from '../helpers/elf.js';
import { needsRegistry } from '../helpers/registry.js';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// @ts-expect-error build.mjs is plain JavaScript without declarations
import { EXTERNAL } from '../../build.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
t.test('installs the linux/arm64 binary of a per-platform package, whatever the host', async (t) => {
  if (!needsRegistry(t)) return;
  const dir = await mkdtemp(join(tmpdir(), 'lambda-deps-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await cp(join(root, 'test/fixtures/native-deps'), dir, { recursive: true });
  const run = spawnSync(process.execPath, [join(root, 'scripts/lambda-deps.mjs'), dir], { encoding: 'utf8' });
  t.equal(run.status, 0, `exit status${run.status === 0 ? '' : `: ${run.stderr.slice(-300)}`}`);
  const binary = join(dir, 'node_modules/@esbuild/linux-arm64/bin/esbuild');
  t.ok(existsSync(binary), '@esbuild/linux-arm64 installed');
  t.equal(await elfMachine(binary), EM_AARCH64, 'an aarch64 ELF (e_machine 0xB7)');
  const platforms = await readdir(join(dir, 'node_modules/@esbuild'));
  t.same(platforms, ['linux-arm64'], 'and no other platform’s binary');
  t.notOk(
    existsSync(`${dir}.zip`),
    'and no zip: Terraform zips the folder, installed packages included, when it plans',
  );
  t.comment(`host: ${process.platform}/${process.arch}`);
  if (process.arch === 'x64') t.equal(await elfMachine(process.execPath), 0x3e, 'while this host runs x86-64');
});

t.test("the bundle's external packages (the styled renderer) for linux/arm64: only aarch64 native code", async (t) => {
  if (!needsRegistry(t)) return;
  const dir = await mkdtemp(join(tmpdir(), 'lambda-deps-bundle-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const run = spawnSync(process.execPath, [join(root, 'scripts/lambda-deps.mjs'), dir], { encoding: 'utf8' });
  t.equal(run.status, 0, `exit status${run.status === 0 ? '' : `: ${run.stderr.slice(-300)}`}`);
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  t.same(Object.keys(manifest.dependencies), EXTERNAL, "package.json written from build.mjs's EXTERNAL");
  const natives = (await readdir(join(dir, 'node_modules'), { recursive: true })).filter((file) =>
    file.endsWith('.node'),
  );
  t.same(
    natives,
    ['@resvg/resvg-js-linux-arm64-gnu/resvgjs.linux-arm64-gnu.node'],
    'one native module: resvg for linux/arm64/glibc',
  );
  for (const file of natives)
    t.equal(await elfMachine(join(dir, 'node_modules', file)), EM_AARCH64, `${file}: aarch64`);
});

t.test('--host: the same packages built for this machine (make host-deps), for the local stack', async (t) => {
  if (!needsRegistry(t)) return;
  const dir = await mkdtemp(join(tmpdir(), 'host-deps-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const run = spawnSync(process.execPath, [join(root, 'scripts/lambda-deps.mjs'), '--host', dir], { encoding: 'utf8' });
  t.equal(run.status, 0, `exit status${run.status === 0 ? '' : `: ${run.stderr.slice(-300)}`}`);
  const natives = (await readdir(join(dir, 'node_modules'), { recursive: true })).filter((file) =>
    file.endsWith('.node'),
  );
  t.equal(natives.length, 1, 'one native module');
  const hostMachine = await elfMachine(process.execPath);
  t.equal(await elfMachine(join(dir, 'node_modules', natives[0]!)), hostMachine, `${natives[0]}: this machine's`);
});

t.test('an install that fails says so in one line and exits non-zero', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-deps-fail-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, dependencies: { 'qr-lambda-no-such-package-x9': '1.0.0' } }),
  );
  const run = spawnSync(process.execPath, [join(root, 'scripts/lambda-deps.mjs'), dir], { encoding: 'utf8' });
  t.equal(run.status, 1);
  t.match(run.stderr, /^lambda-deps: npm install for linux\/arm64 failed \(exit \d+\)$/m);
});
