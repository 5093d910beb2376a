// The Invoke API's own rules, on the wire.
import t from 'tap';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { parseFunctionIdentifier } from '../../../local/api/function-identifier.js';
import { createInvokeApi } from '../../../local/api/invoke-api.js';
import { FunctionPool } from '../../../local/runtime/pool.js';
import { openGate } from '../../helpers/gate.js';
import { fixtureFunction } from '../../helpers/target.js';

const counter = new FunctionPool(fixtureFunction('counter', { aliases: new Map([['live', '$LATEST']]) }));
const envDump = new FunctionPool(fixtureFunction('env-dump'));
const server = createInvokeApi(
  new Map([
    ['fixture-counter', counter],
    ['fixture-env-dump', envDump],
  ]),
  'eu-west-1',
);
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
t.teardown(async () => {
  server.close();
  await Promise.all([counter.close(), envDump.close()]);
});

const invoke = (name: string, body: string | Blob, headers: Record<string, string> = {}, query = '') =>
  fetch(`${base}/2015-03-31/functions/${encodeURIComponent(name)}/invocations${query}`, {
    method: 'POST',
    body,
    headers,
  });

// https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html: FunctionName is a name, a
// partial ARN or an ARN, with a version or alias; `Qualifier` names one too. Errors:
// ResourceNotFoundException (404) when the function, version or alias does not exist.
t.test('function names, ARNs and qualifiers', async (t) => {
  const name = (raw: string) => {
    const parsed = parseFunctionIdentifier(raw);
    return parsed.ok ? parsed.id : undefined;
  };
  t.match(name('my-fn'), { name: 'my-fn', qualifier: undefined });
  t.match(name('my-fn:$LATEST'), { name: 'my-fn', qualifier: '$LATEST' });
  t.match(name('arn:aws:lambda:us-east-1:123456789012:function:my-fn'), {
    name: 'my-fn',
    region: 'us-east-1',
    account: '123456789012',
  });
  t.match(name('arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod'), { name: 'my-fn', qualifier: 'prod' });
  t.match(name('123456789012:function:my-fn'), { name: 'my-fn', account: '123456789012' });
  t.equal(name('bad name'), undefined);
  t.equal(name('x'.repeat(65)), undefined, 'a bare name is at most 64 characters');
  const byArn = await invoke(
    'arn:aws:lambda:eu-west-1:000000000000:function:fixture-counter',
    '{}',
    {},
    '?Qualifier=%24LATEST',
  );
  t.equal(byArn.status, 200);
  t.equal(byArn.headers.get('x-amz-executed-version'), '$LATEST');
  const byAlias = await invoke('fixture-counter:live', '{}');
  t.equal(byAlias.status, 200, 'an alias the configuration defines');
});

t.test('a qualifier that names no version or alias: 404 ResourceNotFoundException, nothing runs', async (t) => {
  for (const [identifier, query, arn] of [
    ['fixture-counter', '?Qualifier=nope', 'arn:aws:lambda:eu-west-1:000000000000:function:fixture-counter:nope'],
    ['fixture-counter:7', '', 'arn:aws:lambda:eu-west-1:000000000000:function:fixture-counter:7'],
    [
      'arn:aws:lambda:eu-west-1:000000000000:function:fixture-counter:missing',
      '',
      'arn:aws:lambda:eu-west-1:000000000000:function:fixture-counter:missing',
    ],
  ] as const) {
    const response = await invoke(identifier, '{}', {}, query);
    t.equal(response.status, 404, `${identifier}${query}`);
    t.equal(response.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    t.match(await response.json(), { Type: 'User', message: `Function not found: ${arn}` });
  }
  const mismatch = await invoke('fixture-counter:live', '{}', {}, '?Qualifier=%24LATEST');
  t.equal(mismatch.status, 400, 'a qualifier in the name and another in the query');
  t.equal(mismatch.headers.get('x-amzn-errortype'), 'InvalidParameterValueException');
});

// Object.prototype's members are no aliases: Lambda knows only the aliases a function has
// (ResourceNotFoundException for any other), and `constructor` once ran the function as
// `function Object() { [native code] }`.
t.test('constructor, __proto__, toString, hasOwnProperty: no alias, no function, 404 and nothing runs', async (t) => {
  for (const member of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    for (const [identifier, query, arn] of [
      [`fixture-counter:${member}`, '', `function:fixture-counter:${member}`],
      ['fixture-counter', `?Qualifier=${member}`, `function:fixture-counter:${member}`],
      [member, '', `function:${member}`],
      [member, `?Qualifier=${member}`, `function:${member}:${member}`],
    ] as const) {
      const response = await invoke(identifier, '{}', {}, query);
      t.equal(response.status, 404, `${identifier}${query}`);
      t.equal(response.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
      t.equal(response.headers.get('x-amz-executed-version'), null, 'nothing ran');
      t.match(await response.json(), {
        Type: 'User',
        message: `Function not found: arn:aws:lambda:eu-west-1:000000000000:${arn}`,
      });
    }
  }
});

t.test('malformed names are a 400 ValidationException, never a 500', async (t) => {
  for (const raw of ['%', '%E0', 'bad name', 'a'.repeat(171), 'fn:bad:extra']) {
    const response = await fetch(
      `${base}/2015-03-31/functions/${raw.includes('%') ? raw : encodeURIComponent(raw)}/invocations`,
      { method: 'POST', body: '{}' },
    );
    t.equal(response.status, 400, JSON.stringify(raw.slice(0, 20)));
    t.equal(response.headers.get('x-amzn-errortype'), 'ValidationException');
    t.match(await response.json(), {
      Type: 'User',
      message: /^1 validation error detected: Value '.*' at 'functionName' failed to satisfy constraint/,
    });
  }
});

t.test('ARNs of another region or account: not found in this one', async (t) => {
  const region = await invoke('arn:aws:lambda:us-west-2:000000000000:function:fixture-counter', '{}');
  t.equal(region.status, 404);
  t.equal(region.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
  // The service's own words, as its SDKs have reported them (e.g.
  // https://github.com/alexcasalboni/aws-lambda-power-tuning/issues/18).
  t.match(await region.json(), {
    message: "Functions from 'us-west-2' are not reachable in this region ('eu-west-1')",
  });
  const account = await invoke('arn:aws:lambda:eu-west-1:123456789012:function:fixture-counter', '{}');
  t.equal(account.status, 404, 'this stack is account 000000000000 alone');
  t.match(await account.json(), {
    message: 'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:fixture-counter',
  });
});

// https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html: "For synchronous invocations,
// the maximum payload size is 6 MB. For asynchronous invocations, the maximum payload size is
// 1 MB." RequestTooLargeException: 413.
t.test(
  'an Event invocation over 1 MB: 413 RequestTooLargeException; a synchronous one of that size runs',
  async (t) => {
    const payload = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
    const event = await invoke('fixture-counter', payload, { 'x-amz-invocation-type': 'Event' });
    t.equal(event.status, 413);
    t.equal(event.headers.get('x-amzn-errortype'), 'RequestTooLargeException');
    t.match(await event.json(), {
      message: 'Request must be smaller than 1048576 bytes for the InvokeFunction operation',
    });
    const sync = await invoke('fixture-counter', payload);
    t.equal(sync.status, 200);
    const small = await invoke('fixture-counter', JSON.stringify({ pad: 'x'.repeat(1000) }), {
      'x-amz-invocation-type': 'Event',
    });
    t.equal(small.status, 202);
  },
);

// https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html: ClientContext is "Up to 3,583
// bytes of base64-encoded data", passed "to your function for synchronous invocations only".
t.test(
  'X-Amz-Client-Context: any JSON reaches the function; invalid or oversized is a 400; the stack keeps answering',
  async (t) => {
    const context = { custom: { emoji: '🎉', line: 'a\r\nb' }, env: { locale: 'fr-FR' } };
    const header = Buffer.from(JSON.stringify(context)).toString('base64');
    const response = await invoke('fixture-env-dump', '{}', { 'x-amz-client-context': header });
    t.equal(response.status, 200);
    t.match(((await response.json()) as { context: { clientContext: unknown } }).context.clientContext, {
      custom: context.custom,
    });
    const event = await invoke('fixture-env-dump', '{}', {
      'x-amz-client-context': header,
      'x-amz-invocation-type': 'Event',
    });
    t.equal(event.status, 202, 'an Event invocation with it is accepted (the context is for synchronous ones)');
    for (const [label, value] of [
      ['not base64', '%%%'],
      ['base64 of text that is not JSON', Buffer.from('hello').toString('base64')],
      ['over 3,583 bytes', Buffer.from(JSON.stringify({ custom: { pad: 'x'.repeat(3000) } })).toString('base64')],
    ] as const) {
      const refused = await invoke('fixture-env-dump', '{}', { 'x-amz-client-context': value });
      t.equal(refused.status, 400, label);
      t.equal(refused.headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
    }
    for (const attempt of [1, 2, 3]) {
      t.equal((await invoke('fixture-counter', '{}')).status, 200, `call ${attempt} afterwards`);
    }
  },
);

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
  t.match(await response.json(), {
    message: 'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:nope',
  });
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
  const [first, queued] = [await openGate(), await openGate()];
  t.teardown(async () => {
    first.release();
    queued.release();
    api.close();
    await reserved.close();
    await Promise.all([first.close(), queued.close()]);
  });
  const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/2015-03-31/functions/fixture-reserved/invocations`;
  const held = fetch(url, { method: 'POST', body: JSON.stringify({ gate: first.url }) });
  t.equal((await first.arrival(1)).get('invocations'), '1', 'the only environment is running the first call');
  const event = await fetch(url, {
    method: 'POST',
    body: JSON.stringify({ gate: queued.url }),
    headers: { 'x-amz-invocation-type': 'Event' },
  });
  t.equal(event.status, 202, 'accepted while the only environment is busy');
  const throttled = await fetch(url, { method: 'POST', body: '{}' });
  t.equal(throttled.status, 429, 'a synchronous call at the same moment is throttled');
  first.release();
  t.equal((await held).status, 200);
  const ran = await queued.arrival(1);
  t.equal(ran.get('invocations'), '2', 'the queued event ran next, in the same environment');
});
