// The tutorial's Python handler runs on Debian's Python with python3-qrcode and python3-pil,
// which `make bench-deps` installs; the benchmark only asks whether they are there.
import { spawnSync } from 'node:child_process';
import { PYTHON } from '../config.js';

export type PythonBaseline =
  | { readonly available: true; readonly version: string }
  | { readonly available: false; readonly reason: string };

export function pythonBaseline(): PythonBaseline {
  if (spawnSync(PYTHON, ['-c', 'import qrcode, PIL'], { encoding: 'utf8' }).status !== 0)
    return {
      available: false,
      reason: `${PYTHON} cannot import qrcode and PIL (make bench-deps installs python3-qrcode and python3-pil)`,
    };
  return { available: true, version: spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).stdout.trim() };
}
