// With the CDN on, only requests carrying the CDN's secret header get past the function's
// front door, before anything of them is parsed; direct invocations (IAM-authorised) and
// deployments without a CDN are untouched.
import t from 'tap';
import { handler } from '../../../lambda/handler.js';
import { assertThroughCdn, ORIGIN_HEADER } from '../../../lambda/http/origin-guard.js';
import { httpApiEvent, loadEvent } from '../../helpers/events.js';
import { captureStdout } from '../../helpers/stdout.js';

const SECRET = '3f2a9c1e-8d4b-4e6f-a1b2-c3d4e5f60718';
const gateway = (headers: Record<string, string>) => httpApiEvent({ method: 'GET', query: 'url=x', headers });

t.test('a gateway request with the secret header passes, whatever the header name case', async (t) => {
  t.doesNotThrow(() => assertThroughCdn(gateway({ [ORIGIN_HEADER]: SECRET }), SECRET), 'HTTP API v2');
  const rest = loadEvent('rest-api-v1-post.json') as Record<string, unknown>;
  t.doesNotThrow(() => assertThroughCdn({ ...rest, headers: { 'X-Origin-Verify': SECRET } }, SECRET), 'REST v1');
});

t.test('a gateway request without it, or with another value, is a 403 not_through_cdn', async (t) => {
  const cases: Record<string, string>[] = [
    {},
    { [ORIGIN_HEADER]: '' },
    { [ORIGIN_HEADER]: SECRET.slice(0, -1) },
    { [ORIGIN_HEADER]: `${SECRET}0` },
    { [ORIGIN_HEADER]: SECRET.toUpperCase() },
    { 'x-origin-verify-not': SECRET },
  ];
  for (const headers of cases) {
    t.throws(
      () => assertThroughCdn(gateway(headers), SECRET),
      { name: 'HttpError', statusCode: 403, code: 'not_through_cdn' },
      JSON.stringify(headers),
    );
  }
});

t.test('while the secret is rotated, the new and the previous secret each pass, and nothing else', async (t) => {
  const PREVIOUS = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const both = `${SECRET} ${PREVIOUS}`;
  t.doesNotThrow(() => assertThroughCdn(gateway({ [ORIGIN_HEADER]: SECRET }), both), 'the new secret');
  t.doesNotThrow(() => assertThroughCdn(gateway({ [ORIGIN_HEADER]: PREVIOUS }), both), 'the previous one');
  for (const value of ['', ' ', both, `${SECRET} `, 'x']) {
    t.throws(
      () => assertThroughCdn(gateway({ [ORIGIN_HEADER]: value }), both),
      { statusCode: 403, code: 'not_through_cdn' },
      JSON.stringify(value),
    );
  }
});

t.test('direct invocations, and every request when no secret is configured, pass', async (t) => {
  t.doesNotThrow(() => assertThroughCdn({ body: '{"url":"x"}' }, SECRET), 'a direct invocation');
  t.doesNotThrow(() => assertThroughCdn(gateway({}), undefined), 'no CDN');
  t.doesNotThrow(() => assertThroughCdn(gateway({}), ''), 'an empty secret is none');
});

t.test(
  'the handler refuses before parsing: a malformed request that bypasses the CDN is a 403, not a 400',
  async (t) => {
    process.env.QR_ORIGIN_SECRET = SECRET;
    t.teardown(() => delete process.env.QR_ORIGIN_SECRET);
    const malformed = httpApiEvent({ method: 'POST', body: '!!!', isBase64Encoded: true });
    const { result } = await captureStdout(() => handler(malformed, { awsRequestId: 'bypass' }));
    t.equal(result.statusCode, 403);
    t.match(JSON.parse(result.body), { code: 'not_through_cdn' });
    const through = httpApiEvent({
      method: 'POST',
      body: '!!!',
      isBase64Encoded: true,
      headers: { [ORIGIN_HEADER]: SECRET },
    });
    const { result: parsed } = await captureStdout(() => handler(through, { awsRequestId: 'through' }));
    t.match(
      [parsed.statusCode, JSON.parse(parsed.body)],
      [400, { code: 'invalid_base64' }],
      'through the CDN it is parsed',
    );
  },
);
