// Starts AWS's runtime interface client (aws-lambda-ric) in an execution environment:
// the same loop as the managed Node.js runtimes — handler loading, console format,
// error shapes — talking to AWS_LAMBDA_RUNTIME_API. Its own bin script would also print
// a banner that the managed runtime does not, so it is called directly.
import { run } from 'aws-lambda-ric';

// The stack holds this process's stdin open; when the stack goes away, however it
// ends, the pipe closes and the environment goes with it: no orphans.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
// `drain <token>`: the stack asks for a marker on both output streams, to know that every
// line written before it has arrived (streams keep their order; see drain.ts). The marker
// comes JSON-encoded in LAMBDA_LOCAL_DRAIN_MARKER, taken out before the handler loads:
// the function sees Lambda's variables only.
const DRAIN_MARKER = JSON.parse(process.env.LAMBDA_LOCAL_DRAIN_MARKER);
delete process.env.LAMBDA_LOCAL_DRAIN_MARKER;
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    if (!line.startsWith('drain ')) continue;
    const marker = `${DRAIN_MARKER}${line.slice('drain '.length)}\n`;
    process.stdout.write(marker);
    process.stderr.write(marker);
  }
});

await run(process.env.LAMBDA_TASK_ROOT, process.env._HANDLER);
