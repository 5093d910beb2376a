import type { IncomingMessage } from 'node:http';

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: the names and addresses of this machine alone. */
const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * Why a request to a loopback-only API must be refused, or undefined to serve it. A web
 * page can send simple requests to 127.0.0.1 (and through DNS rebinding read the answers):
 * browsers always name the page's origin (`Origin`) or the name they looked up (`Host`),
 * and the SDKs, the CLI and the runtime client send neither an Origin nor another Host.
 */
export function refusalOf(request: IncomingMessage): string | undefined {
  if (request.headers.origin !== undefined)
    return `requests from web pages are refused (Origin: ${request.headers.origin})`;
  const host = request.headers.host;
  if (host === undefined) return undefined;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return isLoopbackHost(name) ? undefined : `Host ${host} is not this machine's loopback name or address`;
}
