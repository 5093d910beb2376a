// Notices every save under a folder, however the editor saves: in place, by writing a new
// file and renaming it over the old one (vim, JetBrains' safe write, `sed -i`, `git
// checkout`), or by deleting and creating. fs.watch loses a file that was renamed over;
// a snapshot of every file's size, modification time and inode, compared a few times a
// second, does not. A few dozen stat calls cost nothing next to a build.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface TreeWatcher {
  /** Settles once the first snapshot is taken: every change after this is reported. */
  readonly ready: Promise<void>;
  close(): void;
}

/** `path size mtime inode` of every file under `dir`, in a stable order. */
async function snapshot(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const lines = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath ?? entry.path, entry.name);
        const info = await stat(path).catch(() => undefined);
        return info ? `${path} ${info.size} ${info.mtimeMs} ${info.ino}` : '';
      }),
  );
  return lines.sort().join('\n');
}

/** Calls `onChange` once per change seen under `dir`, until closed. */
export function watchTree(dir: string, onChange: () => void, intervalMs = 250): TreeWatcher {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const poll = async (): Promise<void> => {
    const now = await snapshot(dir);
    if (closed) return markReady();
    if (last !== undefined && now !== last) onChange();
    last = now;
    markReady();
    timer = setTimeout(() => void poll(), intervalMs);
  };
  void poll();
  return {
    ready,
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
