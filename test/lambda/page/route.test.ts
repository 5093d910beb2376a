import t from 'tap';
import { createHash } from 'node:crypto';
import { handler } from '../../../lambda/handler.js';
import { SCRIPT, STYLE } from '../../../lambda/page/html.js';
import { httpApiEvent } from '../../helpers/events.js';
import { captureStdout } from '../../helpers/stdout.js';

const get = async (path: string) =>
  (await captureStdout(() => handler(httpApiEvent({ path }), { awsRequestId: 'page' }))).result;

t.test('GET / is one self-contained HTML page under a strict CSP', async (t) => {
  const response = await get('/');
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  t.equal(response.isBase64Encoded, false);
  const html = response.body;
  t.match(html, /^<!doctype html>/);
  t.notMatch(
    html,
    /<script[^>]+src=|<link\b|@import|url\(|(?:src|href)=["']?(?:https?:)?\/\//,
    'no external scripts, styles, fonts or images',
  );
  const csp = response.headers['content-security-policy']!;
  t.match(csp, /default-src 'none'/);
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  t.match(csp, `script-src ${hash(SCRIPT)}`, 'only the page’s own script may run');
  t.match(csp, `style-src ${hash(STYLE)}`);
  t.match(csp, "connect-src 'self'");
  t.notMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  t.ok(
    html.includes(`<script>${SCRIPT}</script>`) && html.includes(`<style>${STYLE}</style>`),
    'the hashed text is exactly what is inlined',
  );
  t.match(html, /<label>URL or text<input name="url"/, 'a labelled input');
  t.match(html, /role="alert"/, 'errors are announced');
  t.match(html, /name="viewport"/, 'phone width');
});

t.test('only GET: 405 with Allow otherwise', async (t) => {
  const response = (
    await captureStdout(() =>
      handler(httpApiEvent({ path: '/', method: 'POST', body: '{}' }), { awsRequestId: 'page' }),
    )
  ).result;
  t.equal(response.statusCode, 405);
  t.equal(response.headers.allow, 'GET, OPTIONS');
});
