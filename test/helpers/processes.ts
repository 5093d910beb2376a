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
  for (let attempt = 0; attempt < 100; attempt++) {
    if (!pids.some(alive)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
