import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { drainVariables } from './drain.js';
import { environmentVariables, logStreamName } from './environment-variables.js';
import type { FunctionDefinition } from './function.js';
import { runtimeMajor, type NodeBinary } from './node-release.js';
import type { LogSink } from './output.js';
import { initStartLine } from './platform-log.js';

const LAUNCHER = fileURLToPath(new URL('./launch.mjs', import.meta.url));
const PYTHON_BOOTSTRAP = fileURLToPath(new URL('./python-bootstrap.py', import.meta.url));

/** How an environment starts its runtime: Node through aws-lambda-ric, python3.x through our bootstrap. */
function runtimeCommand(fn: FunctionDefinition, node: string): [string, string[]] {
  if (fn.runtime.startsWith('python')) return ['python3', ['-u', PYTHON_BOOTSTRAP]];
  // As the managed runtime starts Node: a heap sized from the configured memory.
  const heapMb = Math.floor(fn.memorySize * 0.9);
  return [node, ['--expose-gc', `--max-old-space-size=${heapMb}`, LAUNCHER]];
}

/**
 * Starts the runtime process of a new execution environment in `taskRoot`, talking to the
 * Runtime API at `runtimeApi`, in a process group of its own (stopping the environment
 * stops whatever the function started too). `node`: the Node.js for a nodejs runtime;
 * this process's by default. A nodejs runtime's INIT_START goes to the sink.
 */
export function spawnRuntime(
  fn: FunctionDefinition,
  runtimeApi: string,
  taskRoot: string,
  sink: LogSink,
  node?: NodeBinary,
): ChildProcess {
  const nodePath = node?.path ?? process.execPath;
  const env = {
    ...environmentVariables(fn, { runtimeApi, taskRoot, logStream: logStreamName(), node: nodePath }),
    ...drainVariables(),
  };
  const [command, args] = runtimeCommand(fn, nodePath);
  // As Lambda's INIT_START names the runtime version, this names the Node.js that runs it.
  const major = runtimeMajor(fn.runtime);
  if (major !== undefined)
    sink(
      fn.name,
      initStartLine(fn.logFormat, `nodejs:${major} (Node.js ${node?.version ?? process.versions.node})`),
      'platform',
    );
  return spawn(command, args, { cwd: taskRoot, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
}
