// The real AWS CLI v2, as users type it: against the local stack (--endpoint-url),
// or a real deployment when QR_FUNCTION_NAME is set.
import t from 'tap';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTarget } from '../helpers/target.js';
import { TUTORIAL_URL } from '../helpers/fixtures.js';
import { decodeQrText } from '../helpers/qr-decode.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const found = spawnSync(join(root, 'scripts/preflight.sh'), ['awscli-path'], { encoding: 'utf8' });
const awsCli = found.stdout.trim();
t.equal(
  found.status,
  0,
  `an AWS CLI v2 is installed (make test installs Debian's awscli)${found.status === 0 ? '' : `: ${found.stderr.trim()}`}`,
);

const target = await openTarget();
t.teardown(() => target.close());

t.test('aws lambda invoke with the documented payload', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'aws-cli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const out = join(dir, 'out.json');
  const endpoint = target.lambdaUrl ? ['--endpoint-url', target.lambdaUrl, '--no-sign-request'] : [];
  // Asynchronously: the local stack answering the CLI runs in this very process.
  const run = await promisify(execFile)(
    awsCli,
    [
      'lambda',
      'invoke',
      ...endpoint,
      '--region',
      target.region,
      '--function-name',
      target.functionName,
      '--cli-binary-format',
      'raw-in-base64-out',
      '--payload',
      JSON.stringify({ body: JSON.stringify({ url: TUTORIAL_URL }) }),
      '--log-type',
      'Tail',
      '--output',
      'json',
      out,
    ],
    { encoding: 'utf8', env: { ...process.env, AWS_PAGER: '' } },
  );
  const summary = JSON.parse(run.stdout) as {
    StatusCode: number;
    ExecutedVersion: string;
    LogResult: string;
    FunctionError?: string;
  };
  t.equal(summary.StatusCode, 200);
  t.equal(summary.ExecutedVersion, '$LATEST');
  t.notOk(summary.FunctionError);
  t.match(Buffer.from(summary.LogResult, 'base64').toString('utf8'), /platform\.report|REPORT RequestId/);
  const result = JSON.parse(await readFile(out, 'utf8')) as { statusCode: number; body: string };
  t.equal(result.statusCode, 200);
  const body = JSON.parse(result.body) as { qr_code: string; url: string };
  t.equal(body.url, TUTORIAL_URL);
  t.equal(await decodeQrText(Buffer.from(body.qr_code, 'base64')), TUTORIAL_URL);
});
