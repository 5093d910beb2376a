// CloudFront caches some error codes from its origin whatever their Cache-Control says:
// 400, 403, 404, 405, 414, 416, 500, 501, 502, 503 and 504, for the distribution's
// error_caching_min_ttl (10 s unless a custom_error_response says otherwise); only 404, 410,
// 414 and 501 honour no-store, no-cache and private (CloudFront developer guide, "How
// CloudFront processes and caches HTTP 4xx and 5xx status codes from your origin"). The
// function marks its errors no-store, and a refusal of a private code must not be served to
// the next caller from the edge. So: every status the function and API Gateway can answer
// that CloudFront would cache must have error_caching_min_ttl 0 in the plan. The statuses
// are read from lambda/'s sources, so a new one cannot land unchecked.
import t from 'tap';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { copyOfModule } from '../helpers/clone.js';
import { runServed } from '../helpers/served-terraform.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The error codes CloudFront caches from an origin (the page above, "HTTP 4xx and 5xx status codes that CloudFront caches"). */
const CLOUDFRONT_CACHES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];
/** API Gateway's own answers in front of the function: no route (404), throttled (429), the integration failing (500) or timing out (503/504). */
const API_GATEWAY = [404, 429, 500, 502, 503, 504];

async function functionStatuses(): Promise<Set<number>> {
  const files = (await readdir(join(root, 'lambda'), { recursive: true })).filter((file) => file.endsWith('.ts'));
  const statuses = new Set<number>();
  for (const file of files) {
    const text = await readFile(join(root, 'lambda', file), 'utf8');
    for (const match of text.matchAll(/new HttpError\(\s*(\d{3})\b|\b(?:jsonResponse|errorResponse)\(\s*(\d{3})\b/g))
      statuses.add(Number(match[1] ?? match[2]));
  }
  return statuses;
}

t.test('the plan with the CDN caches no error the function or API Gateway answers', async (t) => {
  const statuses = await functionStatuses();
  t.ok(
    [400, 403, 500].every((status) => statuses.has(status)),
    `the function's statuses are read from its sources: ${[...statuses].sort().join(', ')}`,
  );
  for (const status of API_GATEWAY) statuses.add(status);

  const dir = await copyOfModule();
  const env = { ...terraformEnv(join(root, 'build/terraform-standin/dev.tfrc')), TF_VAR_cdn_enabled: 'true' };
  const plan = await runServed('terraform', ['plan', '-input=false', '-no-color', '-out=tfplan'], dir, env);
  t.equal(plan.code, 0, `terraform plan${plan.code === 0 ? '' : `: ${plan.stderr.slice(-600)}`}`);
  const shown = JSON.parse((await runServed('terraform', ['show', '-json', 'tfplan'], dir, env)).stdout) as {
    planned_values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } };
  };
  const distribution = shown.planned_values.root_module.resources.find(
    (resource) => resource.address === 'aws_cloudfront_distribution.cdn[0]',
  );
  const ttl = new Map(
    ((distribution?.values.custom_error_response ?? []) as { error_code: number; error_caching_min_ttl: number }[]).map(
      (response) => [response.error_code, response.error_caching_min_ttl],
    ),
  );
  const cachedAtTheEdge = CLOUDFRONT_CACHES.filter((status) => statuses.has(status) && ttl.get(status) !== 0);
  t.same(cachedAtTheEdge, [], 'every such status has a custom_error_response with error_caching_min_ttl = 0');
});
