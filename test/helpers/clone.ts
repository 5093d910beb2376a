import t from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The module's .tf files, whichever there are: main.tf and one file for each opt-in concern. */
export const terraformFiles = (): string[] => readdirSync(root).filter((name) => name.endsWith('.tf'));

/**
 * The project as a fresh clone has it — the files git knows, committed or not, and
 * nothing else: no node_modules, no build, no state — in a temporary folder the test removes.
 */
export async function cloneOfProject(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'clone-'));
  // Retried: a process the test stopped may still be closing files in it.
  t.teardown(() => rm(parent, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  const dir = join(parent, 'qr-lambda');
  await mkdir(dir);
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'buffer',
  }).stdout;
  const unpack = spawn('tar', ['-C', dir, '-xf', '-'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const pack = spawn('tar', ['-C', root, '--null', '-T', '-', '-cf', '-'], {
    stdio: ['pipe', unpack.stdin, 'inherit'],
  });
  pack.stdin.end(files);
  await new Promise((resolve) => unpack.on('close', resolve));
  return dir;
}

/**
 * The .tf files (and, with `tests`, test/terraform/*.tftest.hcl) in a temporary folder the test
 * removes, whose build/ is the project's: a module to change without touching the project.
 */
export async function copyOfModule({ tests = false } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'module-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const file of [...terraformFiles(), ...(tests ? ['test/terraform'] : [])])
    await cp(join(root, file), join(dir, file), { recursive: true });
  await symlink(join(root, 'build'), join(dir, 'build'));
  return dir;
}
