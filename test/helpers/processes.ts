import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Whether the processes have ended. An ended process that was orphaned (its parent was
 * SIGKILLed) stays a zombie until its new parent reaps it, and signal 0 still reaches a
 * zombie; so on Linux a zombie counts as ended. Waits up to 10 s, returning as soon as all
 * have ended: a loaded two-core CI machine once needed more than 2.
 */
export async function processesGone(pids: readonly number[]): Promise<boolean> {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    try {
      // /proc/<pid>/stat: "pid (name) state …"; Z is a zombie.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return true; // no /proc (not Linux): signal 0 is all there is
    }
  };
  for (let attempt = 0; attempt < 500; attempt++) {
    if (!pids.some(alive)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and keeps what it printed. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
