// scripts/save-qr.mjs (make invoke, make curl): the image out of a direct invocation's result
// or an HTTP API body, and a clear line when there is none.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handler } from '../../lambda/handler.js';
import { decodeQrText } from '../helpers/qr-decode.js';
import { captureStdout } from '../helpers/stdout.js';

const script = fileURLToPath(new URL('../../scripts/save-qr.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'save-qr-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const save = (input: string, output?: string) =>
  spawnSync(process.execPath, [script, input, ...(output ? [output] : [])], { encoding: 'utf8' });

t.test('a direct invocation’s result and an HTTP API body both give the code', async (t) => {
  const url = 'https://example.com/saved';
  const result = await captureStdout(() => handler({ body: JSON.stringify({ url }) }));
  const direct = join(dir, 'invoke.json');
  writeFileSync(direct, JSON.stringify(result.result));
  const http = join(dir, 'curl.json');
  writeFileSync(http, (result.result as { body: string }).body);
  for (const [input, name] of [
    [direct, 'invoke'],
    [http, 'curl'],
  ] as const) {
    const out = join(dir, `${name}.png`);
    const run = save(input, out);
    t.equal(run.status, 0, run.stderr);
    t.match(run.stdout, /^status 200\nwrote .*\.png \(\d+×\d+ png\) for "https:\/\/example\.com\/saved"\n$/);
    t.equal(await decodeQrText(readFileSync(out)), url, `${name}: the PNG decodes to the URL`);
  }
});

t.test('an error answer: its status and message, no file, a failing exit', async (t) => {
  const input = join(dir, 'error.json');
  writeFileSync(input, JSON.stringify({ statusCode: 400, body: JSON.stringify({ error: "'url' is required" }) }));
  const out = join(dir, 'never.png');
  const run = save(input, out);
  t.equal(run.status, 1);
  t.equal(run.stdout, "status 400: 'url' is required\n");
  t.notOk(existsSync(out));
});

t.test('without both paths, the usage', async (t) => {
  const run = save(join(dir, 'only-one.json'));
  t.equal(run.status, 2);
  t.match(run.stderr, /^usage: node scripts\/save-qr\.mjs <response\.json> <out\.png>/);
});
