import type { HttpRequest } from '../http/request.js';
import { bytesResponse, type HttpResponse } from '../http/response.js';
import { sha256 } from '../http/sha256.js';
import { BODY, SCRIPT, STYLE } from './html.js';

const cspHash = (text: string): string => `'sha256-${sha256(text).digest('base64')}'`;

let page: { html: Buffer; csp: string } | undefined;

/** Built on first use, not at module load: most invocations never ask for the page. */
function buildPage(): { html: Buffer; csp: string } {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>QR code generator</title><style>${STYLE}</style></head><body>${BODY}<script>${SCRIPT}</script></body></html>`;
  // Only this page's own style and script; images from data: (the result), requests and
  // downloads to this origin only.
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(STYLE)}`,
    `script-src ${cspHash(SCRIPT)}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html: Buffer.from(html, 'utf8'), csp };
}

/** `GET /`: the page. */
export function servePage(_request: HttpRequest): HttpResponse {
  page ??= buildPage();
  return bytesResponse(200, 'text/html; charset=utf-8', page.html, {
    'content-security-policy': page.csp,
    'cache-control': 'public, max-age=300',
    'referrer-policy': 'no-referrer',
  });
}
