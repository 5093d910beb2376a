// The Invoke API and the Runtime API listen on 127.0.0.1 for this machine's tools only:
// a web page's request (it names its Origin) or a DNS-rebound one (another Host) is refused.
import t from 'tap';
import { request, type IncomingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createInvokeApi } from '../../local/api/invoke-api.js';
import { refusalOf } from '../../local/loopback.js';
import { RuntimeApi } from '../../local/runtime/runtime-api.js';
import type { IncomingMessage } from 'node:http';

const asRequest = (headers: IncomingHttpHeaders): IncomingMessage => ({ headers }) as IncomingMessage;

t.test('loopback names and addresses pass; Origins and other Hosts do not', async (t) => {
  for (const host of [
    '127.0.0.1:3001',
    'localhost:3001',
    'LOCALHOST',
    'qr.localhost:80',
    '127.1.2.3',
    '[::1]:3001',
    undefined,
  ]) {
    t.equal(refusalOf(asRequest({ host })), undefined, `Host ${host}`);
  }
  for (const host of [
    'evil.example:3001',
    '127.0.0.1.evil.example',
    '10.0.0.1:3001',
    'localhost.evil.example',
    '[::2]:3001',
  ]) {
    t.match(refusalOf(asRequest({ host })), /is not this machine's loopback/, `Host ${host}`);
  }
  t.match(
    refusalOf(asRequest({ host: '127.0.0.1:3001', origin: 'https://evil.example' })),
    /from web pages are refused/,
  );
  t.match(
    refusalOf(asRequest({ host: '127.0.0.1:3001', origin: 'null' })),
    /from web pages are refused/,
    'even an opaque origin',
  );
});

/** A raw POST with exactly these headers (fetch would set Host itself). */
function post(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'text/plain', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, type: res.headers['x-amzn-errortype'] as string | undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

t.test('the Invoke API answers a cross-site or rebound request with 403 AccessDeniedException', async (t) => {
  const server = createInvokeApi(new Map(), 'us-east-1');
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const { port } = server.address() as AddressInfo;
  const path = '/2015-03-31/functions/qr/invocations';
  const fromPage = await post(port, path, { origin: 'https://evil.example' });
  t.equal(fromPage.status, 403);
  t.equal(fromPage.type, 'AccessDeniedException');
  t.match(JSON.parse(fromPage.body), { message: /from web pages are refused/ });
  const rebound = await post(port, path, { host: 'evil.example' });
  t.equal(rebound.status, 403);
  const local = await post(port, path, { host: `127.0.0.1:${port}` });
  t.equal(local.status, 404, 'a loopback request goes through (to ResourceNotFound here)');
  t.equal(local.type, 'ResourceNotFoundException');
});

t.test('the Runtime API refuses them too, with a JSON error', async (t) => {
  const api = await RuntimeApi.start();
  t.teardown(() => api.close());
  const port = Number(api.address.split(':')[1]);
  const response = await post(port, '/2018-06-01/runtime/init/error', { origin: 'https://evil.example' });
  t.equal(response.status, 403);
  t.same(JSON.parse(response.body), {
    errorMessage: 'requests from web pages are refused (Origin: https://evil.example)',
    errorType: 'Forbidden',
  });
  t.equal((await post(port, '/2018-06-01/runtime/init/error', { host: 'rebound.example' })).status, 403);
});
