// The Invoke API's own rules, on the wire.
import t from 'tap';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createInvokeApi, functionNameOf } from '../../local/api/invoke-api.js';
import { FunctionPool } from '../../local/runtime/pool.js';
import { fixtureFunction } from '../helpers/target.js';

const counter = new FunctionPool(fixtureFunction('counter'));
const server = createInvokeApi(new Map([['fixture-counter', counter]]), 'eu-west-1');
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
t.teardown(async () => {
  server.close();
  await counter.close();
});

const invoke = (name: string, body: string | Blob, headers: Record<string, string> = {}, query = '') =>
  fetch(`${base}/2015-03-31/functions/${encodeURIComponent(name)}/invocations${query}`, { method: 'POST', body, headers });

t.test('function names, ARNs and qualifiers', async (t) => {
  t.equal(functionNameOf('my-fn'), 'my-fn');
  t.equal(functionNameOf('my-fn:$LATEST'), 'my-fn');
  t.equal(functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:my-fn'), 'my-fn');
  t.equal(functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod'), 'my-fn');
  t.equal(functionNameOf('123456789012:function:my-fn'), 'my-fn');
  t.equal(functionNameOf('bad name'), undefined);
  const byArn = await invoke('arn:aws:lambda:eu-west-1:000000000000:function:fixture-counter', '{}', {}, '?Qualifier=%24LATEST');
  t.equal(byArn.status, 200);
  t.equal(byArn.headers.get('x-amz-executed-version'), '$LATEST');
});

t.test('any content type is accepted; the payload must be JSON', async (t) => {
  const text = await invoke('fixture-counter', '{"a":1}', { 'content-type': 'text/plain' });
  t.equal(text.status, 200);
  const empty = await invoke('fixture-counter', '');
  t.equal(empty.status, 200, 'an empty payload is an empty object');
  const bad = await invoke('fixture-counter', 'not json', { 'content-type': 'application/json' });
  t.equal(bad.status, 400);
  t.equal(bad.headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
  t.match(await bad.json(), { Type: 'User', message: /Could not parse request body into json/ });
});

t.test('over 6 MB: 413 RequestTooLargeException', async (t) => {
  const big = new Blob([Buffer.alloc(6 * 1024 * 1024 + 1, 0x20)]);
  const response = await invoke('fixture-counter', big);
  t.equal(response.status, 413);
  t.equal(response.headers.get('x-amzn-errortype'), 'RequestTooLargeException');
});

t.test('unknown function: 404 ResourceNotFoundException naming its ARN', async (t) => {
  const response = await invoke('nope', '{}');
  t.equal(response.status, 404);
  t.equal(response.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
  t.match(await response.json(), { message: 'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:nope' });
});

t.test('invocation types', async (t) => {
  t.equal((await invoke('fixture-counter', '{}', { 'x-amz-invocation-type': 'DryRun' })).status, 204);
  const event = await invoke('fixture-counter', '{}', { 'x-amz-invocation-type': 'Event' });
  t.equal(event.status, 202);
  t.equal(await event.text(), '');
  t.equal((await invoke('fixture-counter', '{}', { 'x-amz-invocation-type': 'Sometimes' })).status, 400);
});

t.test('unknown operations are refused', async (t) => {
  const response = await fetch(`${base}/2015-03-31/functions`, { method: 'GET' });
  t.equal(response.status, 404);
  t.equal(response.headers.get('x-amzn-errortype'), 'UnknownOperationException');
});

t.test('an Event invocation beyond reserved concurrency is queued and runs, never dropped', async (t) => {
  const reserved = new FunctionPool(fixtureFunction('counter', { name: 'fixture-reserved', reservedConcurrency: 1 }));
  const api = createInvokeApi(new Map([['fixture-reserved', reserved]]), 'eu-west-1');
  api.listen(0, '127.0.0.1');
  await once(api, 'listening');
  t.teardown(async () => {
    api.close();
    await reserved.close();
  });
  const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/2015-03-31/functions/fixture-reserved/invocations`;
  const held = fetch(url, { method: 'POST', body: JSON.stringify({ holdMs: 300 }) });
  await new Promise((resolve) => setImmediate(resolve));
  const event = await fetch(url, { method: 'POST', body: '{}', headers: { 'x-amz-invocation-type': 'Event' } });
  t.equal(event.status, 202, 'accepted while the only environment is busy');
  const throttled = await fetch(url, { method: 'POST', body: '{}' });
  t.equal(throttled.status, 429, 'a synchronous call at the same moment is throttled');
  await (await held).text();
  // The environment is reused: the event was its second invocation once the first ended.
  let after = 0;
  for (let attempt = 0; attempt < 50 && after < 3; attempt++) {
    const response = await fetch(url, { method: 'POST', body: '{}' });
    if (response.status === 200) after = ((await response.json()) as { invocations: number }).invocations;
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  t.equal(after, 3, 'the queued event ran between the first call and this one');
});
