// With the CDN on, only requests carrying the CDN's secret header get past the function's
// front door; direct invocations (IAM-authorised) and deployments without a CDN are untouched.
import t from 'tap';
import { assertThroughCdn, ORIGIN_HEADER } from '../../../lambda/http/origin-guard.js';
import { httpApiEvent } from '../../helpers/events.js';

const SECRET = '3f2a9c1e-8d4b-4e6f-a1b2-c3d4e5f60718';
const gateway = httpApiEvent({ method: 'GET', query: 'url=x' });

t.test('a gateway request with the secret header passes', async (t) => {
  t.doesNotThrow(() => assertThroughCdn(gateway, { [ORIGIN_HEADER]: SECRET }, SECRET));
});

t.test('a gateway request without it, or with another value, is a 403 not_through_cdn', async (t) => {
  const cases: Record<string, string>[] = [
    {},
    { [ORIGIN_HEADER]: '' },
    { [ORIGIN_HEADER]: SECRET.slice(0, -1) },
    { [ORIGIN_HEADER]: `${SECRET}0` },
    { [ORIGIN_HEADER]: SECRET.toUpperCase() },
  ];
  for (const headers of cases) {
    t.throws(
      () => assertThroughCdn(gateway, headers, SECRET),
      { name: 'HttpError', statusCode: 403, code: 'not_through_cdn' },
      JSON.stringify(headers),
    );
  }
});

t.test('direct invocations, and every request when no secret is configured, pass', async (t) => {
  t.doesNotThrow(() => assertThroughCdn({ body: '{"url":"x"}' }, {}, SECRET), 'a direct invocation');
  t.doesNotThrow(() => assertThroughCdn(gateway, {}, undefined), 'no CDN');
  t.doesNotThrow(() => assertThroughCdn(gateway, {}, ''), 'an empty secret is none');
});
