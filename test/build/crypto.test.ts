// node:crypto is loaded on first use in the built bundle (lambda/http/sha256.ts): a cold
// start of POST /generate never pays for it. Only a fresh process on the bundle shows it:
// the test runner and tsx load node:crypto themselves.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { handler } from '../../lambda/handler.js';
import { httpApiEvent } from '../helpers/events.js';
import { captureStdout } from '../helpers/stdout.js';

const bundle = fileURLToPath(new URL('../../build/lambda/index.mjs', import.meta.url));

t.test('the built bundle loads node:crypto only when a request hashes: never for POST /generate', async (t) => {
  // A fresh process, as a cold start: which crypto modules has Node loaded after each step?
  const script = `
    const loaded = () => process.moduleLoadList.some((name) => name === 'NativeModule crypto');
    const { handler } = await import(${JSON.stringify(bundle)});
    const print = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true; // the handler's log lines
    const steps = { import: loaded() };
    const post = await handler({ body: JSON.stringify({ url: 'https://example.com/' }) }, {});
    steps.post = [post.statusCode, loaded()];
    const get = await handler({ version: '2.0', rawPath: '/generate', rawQueryString: 'url=x', headers: {}, requestContext: { http: { method: 'GET', path: '/generate' } } }, {});
    steps.get = [get.statusCode, loaded()];
    print(JSON.stringify(steps));`;
  // Through env -u: the test runner adds NODE_OPTIONS to every child it sees start, and
  // its hooks load node:crypto themselves.
  const steps = JSON.parse(
    execFileSync('env', ['-u', 'NODE_OPTIONS', process.execPath, '--input-type=module', '-e', script], {
      encoding: 'utf8',
    }),
  ) as unknown;
  t.same(steps, { import: false, post: [200, false], get: [200, true] });
});

t.test(
  'on a Node 20 without process.getBuiltinModule (before 20.16) it loads crypto up front and hashes the same',
  async (t) => {
    const script = `
    delete process.getBuiltinModule;
    const { handler } = await import(${JSON.stringify(bundle)});
    const print = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    const loaded = process.moduleLoadList.some((name) => name === 'NativeModule crypto');
    const get = await handler({ version: '2.0', rawPath: '/generate', rawQueryString: 'url=x', headers: {}, requestContext: { http: { method: 'GET', path: '/generate' } } }, {});
    print(JSON.stringify({ loaded, status: get.statusCode, etag: get.headers.etag }));`;
    const result = JSON.parse(
      execFileSync('env', ['-u', 'NODE_OPTIONS', process.execPath, '--input-type=module', '-e', script], {
        encoding: 'utf8',
      }),
    ) as {
      loaded: boolean;
      status: number;
      etag: string;
    };
    t.equal(result.loaded, true, 'loaded at import');
    t.equal(result.status, 200);
    const here = await captureStdout(() => handler(httpApiEvent({ query: 'url=x' }), {}));
    t.equal(result.etag, here.result.headers.etag, 'the same ETag as with getBuiltinModule');
  },
);
