// The watcher sees every save, however an editor makes it.
import t from 'tap';
import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchTree } from '../../local/watch.js';

/** Resolves at the next change the watcher reports (a change never reported fails at tap's timeout). */
function nextChange(changes: { wait: (() => void) | undefined }): Promise<void> {
  return new Promise((resolve) => {
    changes.wait = () => {
      changes.wait = undefined;
      resolve();
    };
  });
}

t.test(
  'in place, renamed over, deleted and created, in a new folder: each save is seen, again and again',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'watch-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'handler.ts');
    await writeFile(file, 'v1');
    // The new text is written outside the tree, so that only the rename can be the change.
    const swap = await mkdtemp(join(tmpdir(), 'watch-swap-'));
    t.teardown(() => rm(swap, { recursive: true, force: true }));
    const changes: { wait: (() => void) | undefined; count: number } = { wait: undefined, count: 0 };
    const watcher = watchTree(
      dir,
      () => {
        changes.count++;
        changes.wait?.();
      },
      50,
    );
    t.teardown(() => watcher.close());
    await watcher.ready; // the first snapshot: every save after this is a change

    const saves: [string, () => Promise<void>][] = [
      ['in place', () => writeFile(file, 'v2-in-place')],
      [
        'renamed over (vim, safe write, sed -i)',
        async () => {
          await writeFile(join(swap, 'handler.ts'), 'v3-renamed');
          await rename(join(swap, 'handler.ts'), file);
        },
      ],
      [
        'renamed over again: the watcher did not lose the file',
        async () => {
          await writeFile(join(swap, 'handler.ts'), 'v4-renamed-again');
          await rename(join(swap, 'handler.ts'), file);
        },
      ],
      [
        'deleted and created',
        async () => {
          await unlink(file);
          await writeFile(file, 'v5-recreated');
        },
      ],
      [
        'a new file in a new folder',
        async () => {
          const { mkdir } = await import('node:fs/promises');
          await mkdir(join(dir, 'render'));
          await writeFile(join(dir, 'render', 'svg.ts'), 'new');
        },
      ],
    ];
    for (const [name, save] of saves) {
      const seen = nextChange(changes);
      await save();
      await t.resolves(seen, name);
    }
    t.ok(changes.count >= saves.length, 'one report per save at least');
  },
);
