// The download links: the GET route's URL for a code that can be named by one, else "#".
import type { RequestBody } from './api.js';
import { builderOf } from './builders.js';

/** Whether the request holds a builder's secret field. */
function holdsSecret(body: RequestBody): boolean {
  const chosen = builderOf(body.type);
  return Boolean(chosen?.fields.some((field) => field.kind === 'secret' && body[field.name] !== undefined));
}

/**
 * A link that names the image by its URL, as the GET route takes it: never for a secret, a
 * logo (too long for a URL) or an address (GET takes no objects); those are saved from the
 * page instead (href "#").
 */
export function imageLink(body: RequestBody, format: string): string {
  const nested = Object.keys(body).some((name) => typeof body[name] === 'object');
  if (body.logo !== undefined || nested || holdsSecret(body)) return '#';
  const query = new URLSearchParams();
  for (const name of Object.keys(body)) query.set(name, name === 'format' ? format : String(body[name]));
  const link = `generate?${query.toString()}`;
  return link.length > 4000 ? '#' : link;
}
