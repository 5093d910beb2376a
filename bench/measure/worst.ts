// Worst cases: the costliest requests each route accepts, and what is refused before the
// work — in this process, on the bundle.
import { pathToFileURL } from 'node:url';
import { withoutRequestLog } from '../quiet.js';
import { median } from '../stats.js';

export interface WorstCase {
  readonly label: string;
  readonly status: number;
  /** Median ms of fifteen warm calls. */
  readonly ms: number;
  /** Bytes of the image. */
  readonly bytes: number;
}

export interface RefusedRequest {
  readonly label: string;
  readonly status: number;
  readonly ms: number;
}

export interface WorstResult {
  /** Costliest first. */
  readonly accepted: readonly WorstCase[];
  readonly refused: readonly RefusedRequest[];
}

interface Response {
  readonly statusCode: number;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}
type Handler = (event: unknown) => Promise<Response>;

const httpEvent = (rawPath: string, rawQueryString: string) => ({
  version: '2.0',
  rawPath,
  rawQueryString,
  headers: {},
  requestContext: { http: { method: 'GET', path: rawPath }, stage: '$default' },
});
/** Version 40 at L, in bytes: the most data any level holds. */
const v40L = 'q'.repeat(2953);

const ACCEPTED: readonly (readonly [string, unknown])[] = [
  ['GET /qr, version 40-L, size=3000, margin=0 (PNG)', httpEvent('/qr', `text=${v40L}&ecLevel=L&size=3000&margin=0`)],
  [
    'GET /qr, version 40-L, size=3000, margin=0 (SVG)',
    httpEvent('/qr', `text=${v40L}&ecLevel=L&size=3000&margin=0&format=svg`),
  ],
  ['POST /generate, version 40-H, size 2048 (PNG)', { url: 'q'.repeat(1273), ecLevel: 'H', size: 2048 }],
  ['POST /generate, version 40-H, size 2048 (SVG)', { url: 'q'.repeat(1273), ecLevel: 'H', size: 2048, format: 'svg' }],
  ['POST /generate, version 40-L, margin 16, no size (1881 px)', { url: v40L, margin: 16 }],
  ['GET /v1/create-qr-code, version 40-L, 1000x1000', httpEvent('/v1/create-qr-code/', `data=${v40L}&size=1000x1000`)],
  ['GET /chart, version 40-L, 547x547', httpEvent('/chart', `cht=qr&chs=547x547&chl=${v40L}`)],
];

// What a direct invocation can carry and API Gateway never would, text that cannot fit,
// and limits checked before anything is drawn: refused at no more than a normal request's cost.
const REFUSED: readonly (readonly [string, unknown])[] = [
  ['a 6 MB query string (direct invocation)', httpEvent('/generate', `url=${'a'.repeat(6 * 1024 * 1024)}`)],
  ['"1A" × 3544: past version 40-L', { url: '1A'.repeat(3544) }],
  ['GET /qr, size=3001', httpEvent('/qr', `text=${v40L}&size=3001`)],
  [
    'an otpauth key on GET (refused before it is read)',
    httpEvent('/generate', `type=otpauth&account=a&secret=${'A'.repeat(1024)}`),
  ],
  ['a normal request, for comparison', { url: 'https://example.com' }],
];

/** One warm-up call, then fifteen timed ones: their median and the last response. */
async function fifteenCalls(handler: Handler, event: unknown): Promise<{ response: Response; ms: number }> {
  let response = await handler(event);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    response = await handler(event);
    times.push(performance.now() - t0);
  }
  return { response, ms: median(times) };
}

/** The image's bytes, from a POST's JSON or a GET's body. */
const imageBytes = (response: Response): number =>
  response.body.startsWith('{"message"')
    ? Buffer.from((JSON.parse(response.body) as { qr_code: string }).qr_code, 'base64').length
    : Buffer.byteLength(response.body, response.isBase64Encoded ? 'base64' : 'utf8');

export async function measureWorst(root: string): Promise<WorstResult> {
  const { handler } = (await import(pathToFileURL(`${root}build/lambda/index.mjs`).href)) as { handler: Handler };
  return withoutRequestLog(async () => {
    const accepted: WorstCase[] = [];
    for (const [label, event] of ACCEPTED) {
      const { response, ms } = await fifteenCalls(handler, event);
      accepted.push({ label, status: response.statusCode, ms, bytes: imageBytes(response) });
    }
    const refused: RefusedRequest[] = [];
    for (const [label, event] of REFUSED) {
      const { response, ms } = await fifteenCalls(handler, event);
      refused.push({ label, status: response.statusCode, ms });
    }
    return { accepted: accepted.sort((a, b) => b.ms - a.ms), refused };
  });
}
