// The page as the bundle serves it: its script is the browser code of lambda/page/client,
// bundled by esbuild and inlined, byte for byte what the sources make (lambda/page/html.ts),
// and the page's chunk carries the three strings alone, not esbuild nor the sources.
import t from 'tap';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SCRIPT } from '../../lambda/page/html.js';
import { httpApiEvent } from '../helpers/events.js';
import { captureStdout } from '../helpers/stdout.js';

const built = (path: string) => fileURLToPath(new URL(`../../build/${path}`, import.meta.url));

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

t.test('the built page inlines the script the sources make, under its CSP hash', async (t) => {
  const { handler } = (await import(pathToFileURL(built('lambda/index.mjs')).href)) as {
    handler: (
      event: unknown,
      context: unknown,
    ) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
  };
  const response = (await captureStdout(() => handler(httpApiEvent({ path: '/' }), { awsRequestId: 'page' }))).result;
  t.equal(response.statusCode, 200);
  const scripts = [...response.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  t.same(scripts, [SCRIPT], 'one script, the one esbuild bundles from lambda/page/client');
  t.match(SCRIPT, /^"use strict";\(\(\)=>\{/, 'an IIFE, minified');
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  t.match(response.headers['content-security-policy'], `script-src 'sha256-${hash}'`);
});

t.test('the page chunk holds the strings, not esbuild nor the browser sources', async (t) => {
  const meta = JSON.parse(readFileSync(built('meta.json'), 'utf8')) as Meta;
  const [page] = Object.entries(meta.outputs).filter(([file]) => file.endsWith('chunks/page.mjs'));
  t.ok(page, 'a page chunk');
  t.same(Object.keys(page![1].inputs).sort(), ['lambda/page/html.ts', 'lambda/page/route.ts']);
  const code = readFileSync(built('lambda/chunks/page.mjs'), 'utf8');
  t.notMatch(code, /buildSync|esbuild/, 'no trace of the bundler');
});
