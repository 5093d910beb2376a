import { spawn } from 'node:child_process';

/** Whether the processes have ended, allowing a moment for the kernel to deliver SIGKILL and reap them. */
export async function processesGone(pids: readonly number[]): Promise<boolean> {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // Up to 10 s: under make test every process writes its V8 coverage as it exits, which on a
  // loaded two-core machine has taken longer than 2 s. A process that is gone returns at once.
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
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
