// Through the Lambda Invoke API with @aws-sdk/client-lambda: the local stack, or a
// real deployment when QR_FUNCTION_NAME is set.
import t from 'tap';
import { InvokeCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { fixtureFunction, localOnly, openTarget } from '../helpers/target.js';
import { TUTORIAL_URL } from '../helpers/fixtures.js';
import { decodeQrText } from '../helpers/qr-decode.js';

const fails = fixtureFunction('fails');
const slow = fixtureFunction('slow', { timeoutSeconds: 1 });
const target = await openTarget([fails, slow]);
t.teardown(() => target.close());

const documented = { body: JSON.stringify({ url: TUTORIAL_URL }) };
const json = (bytes: Uint8Array | undefined): Record<string, unknown> =>
  JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as Record<string, unknown>;

t.test('RequestResponse with the documented payload', async (t) => {
  const output = await target.lambda.send(
    new InvokeCommand({ FunctionName: target.functionName, Payload: JSON.stringify(documented) }),
  );
  t.equal(output.StatusCode, 200);
  t.equal(output.ExecutedVersion, '$LATEST');
  t.equal(output.FunctionError, undefined);
  const result = json(output.Payload);
  t.equal(result.statusCode, 200);
  const body = JSON.parse(String(result.body)) as Record<string, string>;
  t.equal(body.message, 'QR Code generated successfully');
  t.equal(await decodeQrText(Buffer.from(body.qr_code!, 'base64')), TUTORIAL_URL);
});

t.test('Tail: the last 4 KB of the log, platform lines included', async (t) => {
  const output = await target.lambda.send(
    new InvokeCommand({ FunctionName: target.functionName, Payload: JSON.stringify(documented), LogType: 'Tail' }),
  );
  const log = Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
  t.ok(Buffer.byteLength(log) <= 4096);
  const lines = log
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const start = lines.find((line) => line.type === 'platform.start');
  const report = lines.find((line) => line.type === 'platform.report');
  t.ok(start, 'platform.start (the function logs JSON)');
  t.match(report, {
    record: { metrics: { durationMs: Number, billedDurationMs: Number, memorySizeMB: 256, maxMemoryUsedMB: Number } },
  });
  const requestId = (start!.record as { requestId: string }).requestId;
  t.match(requestId, /^[0-9a-f-]{36}$/);
  t.match(
    lines.find((line) => line.message === 'request'),
    { requestId, status: 200, route: 'POST /generate' },
    'the function’s own line, same request id',
  );
  t.notMatch(log, /RayanSlim087/, 'the data is not logged');
});

t.test('Event: accepted, 202', async (t) => {
  const output = await target.lambda.send(
    new InvokeCommand({
      FunctionName: target.functionName,
      InvocationType: 'Event',
      Payload: JSON.stringify(documented),
    }),
  );
  t.equal(output.StatusCode, 202);
});

t.test('DryRun: 204', async (t) => {
  const output = await target.lambda.send(
    new InvokeCommand({ FunctionName: target.functionName, InvocationType: 'DryRun' }),
  );
  t.equal(output.StatusCode, 204);
});

t.test('an unknown function: the SDK’s typed ResourceNotFoundException', async (t) => {
  const error = await target.lambda
    .send(new InvokeCommand({ FunctionName: 'no-such-function-qr' }))
    .catch((e: unknown) => e);
  t.type(error, ResourceNotFoundException);
  t.equal((error as ResourceNotFoundException).$metadata.httpStatusCode, 404);
  t.match((error as Error).message, /Function not found/);
});

t.test('a function error: 200 + Unhandled + errorType/errorMessage/trace', { skip: localOnly }, async (t) => {
  const output = await target.lambda.send(
    new InvokeCommand({ FunctionName: fails.name, Payload: JSON.stringify({ reason: 'test' }), LogType: 'Tail' }),
  );
  t.equal(output.StatusCode, 200);
  t.equal(output.FunctionError, 'Unhandled');
  const error = json(output.Payload);
  t.equal(error.errorType, 'QrFixtureError');
  t.equal(error.errorMessage, 'fixture failure: test');
  t.ok(
    Array.isArray(error.trace) && (error.trace as string[]).some((line) => line.includes('index.mjs')),
    'trace points into the handler',
  );
  const log = Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
  t.match(log, /START RequestId: .* Version: \$LATEST/);
  t.match(log, /about to fail/);
  t.match(log, /END RequestId: /);
  t.match(
    log,
    /REPORT RequestId: .*\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB/,
  );
});

t.test(
  'a timeout: killed at the deadline, Sandbox.Timedout, and the next call cold-starts',
  { skip: localOnly },
  async (t) => {
    const warm = json(
      (await target.lambda.send(new InvokeCommand({ FunctionName: slow.name, Payload: JSON.stringify({ ms: 10 }) })))
        .Payload,
    );
    const output = await target.lambda.send(
      new InvokeCommand({ FunctionName: slow.name, Payload: JSON.stringify({ ms: 5000 }) }),
    );
    t.equal(output.FunctionError, 'Unhandled');
    const error = json(output.Payload);
    t.equal(error.errorType, 'Sandbox.Timedout');
    t.match(error.errorMessage, /Task timed out after 1\.00 seconds/);
    const after = json(
      (await target.lambda.send(new InvokeCommand({ FunctionName: slow.name, Payload: JSON.stringify({ ms: 1 }) })))
        .Payload,
    );
    t.not(after.pid, warm.pid, 'a new process');
    t.equal(after.invocations, 1, 'fresh module state: a cold start');
  },
);
