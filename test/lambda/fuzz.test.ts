// Property-based: whatever arrives, the handler answers; whatever valid request arrives,
// the image decodes back to exactly its text. CI-sized by default; `make fuzz` runs long.
// A failure prints fast-check's seed and path: FUZZ_SEED=<seed> replays it.
import t from 'tap';
import fc from 'fast-check';
import { handler } from '../../lambda/handler.js';
import { decodeQr } from '../helpers/qr-decode.js';
import { captureStdout } from '../helpers/stdout.js';
import { parseSvg, rasterizeSvg } from '../helpers/svg-raster.js';

// Pinned unless asked otherwise, so that a test run is repeatable; `make fuzz` draws a new
// seed each time (FUZZ_SEED=random) and prints it.
const PINNED_SEED = 20261127;
const given = process.env.FUZZ_SEED;
const seed = given === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(given ?? PINNED_SEED);
const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const validRuns = Number(process.env.FUZZ_VALID_RUNS ?? 100);
t.comment(`fast-check seed ${seed}: replay with FUZZ_SEED=${seed}`);

/** Calls the handler with its log line kept off the test output. */
const call = async (event: unknown) => (await captureStdout(() => handler(event, { awsRequestId: 'fuzz' }))).result;

const OPTION_NAMES = [
  ...[
    'url',
    'text',
    'format',
    'size',
    'fit',
    'margin',
    'ecLevel',
    'dark',
    'light',
    'private',
    'type',
    'x',
    '__proto__',
    'constructor',
  ],
  // The payload builders' fields.
  ...[
    'ssid',
    'password',
    'security',
    'hidden',
    'to',
    'subject',
    'body',
    'number',
    'message',
    'latitude',
    'longitude',
    'name',
    'phone',
    'email',
  ],
  ...[
    'organization',
    'secret',
    'issuer',
    'account',
    'algorithm',
    'digits',
    'period',
    'summary',
    'start',
    'end',
    'location',
    'description',
  ],
  ...[
    'iban',
    'bic',
    'amount',
    'purpose',
    'reference',
    'info',
    'address',
    'note',
    'vpa',
    'label',
    'gtin',
    'batch',
    'serial',
    'expiry',
    'domain',
  ],
  // The dialects' parameters.
  ...[
    'cht',
    'chs',
    'chl',
    'chld',
    'choe',
    'data',
    'ecc',
    'color',
    'bgcolor',
    'qzone',
    'charset-source',
    'centerImageUrl',
  ],
];
/** Values that get past the first checks: a builder's type, a dialect's size, a date. */
const PLAUSIBLE = [
  'wifi',
  'email',
  'tel',
  'sms',
  'geo',
  'vcard',
  'otpauth',
  'event',
  'epc',
  'mecard',
  'upi',
  'bitcoin',
  'gs1',
  '09521234543213',
  'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
  'a@ybl',
  'BE72000000001616',
  'RF18539007547034',
  'exact',
  'qr',
  '150x150',
  '10x10',
  'L|4',
  'true',
  '2026-12-24',
  '2026-12-24T18:30Z',
  'JBSWY3DP',
  '+1 555 0100',
  'a@b.co',
  '255-0-0',
  '45.5',
];
const odd = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', '\ud800', '%', '%%', 'NaN', '-1', '1e9', '#fff', 'svg', 'H', ...PLAUSIBLE),
);
const huge = fc
  .constantFrom('a', '\u00e9', '7', '\ud83c\udf89', '{')
  .chain((c) => fc.integer({ min: 1_000, max: 80_000 }).map((n) => c.repeat(n)));
const options = fc.dictionary(fc.constantFrom(...OPTION_NAMES), fc.oneof(odd, fc.integer(), fc.double()), {
  maxKeys: 6,
});
const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom(...OPTION_NAMES),
      fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('png', 'svg', '100', 'L', ...PLAUSIBLE)),
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    pairs.map(([key, value]) => `${key}=${encodeURIComponent(value.isWellFormed() ? value : 'x')}`).join('&'),
  );
const body = fc.oneof(
  options.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.base64String(),
  huge,
  fc.anything(),
);
const headers = fc.oneof(
  fc.dictionary(
    fc.constantFrom('accept', 'content-type', 'if-none-match', 'Accept', 'x'),
    fc.oneof(
      fc.constantFrom(
        'image/png',
        'image/svg+xml',
        '*/*;q=0',
        'application/json;q=abc',
        'image/*, text/html',
        '"x", *',
      ),
      odd,
    ),
  ),
  fc.anything(),
);
const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'get', 'TRACE'),
  odd,
);
const path = fc.oneof(
  fc.constantFrom(
    '/',
    '/generate',
    '/generate/',
    '/GENERATE',
    '/prod/generate',
    '/toString',
    '/__proto__',
    '//generate',
    '/chart',
    '/qr',
    '/v1/create-qr-code',
    '/v1/create-qr-code/',
  ),
  fc.string({ maxLength: 30 }),
  odd,
);
const httpApiEvent = fc.record(
  {
    version: fc.oneof(fc.constant('2.0'), odd),
    rawPath: path,
    rawQueryString: fc.oneof(queryString, odd),
    headers,
    requestContext: fc.oneof(
      fc.record(
        {
          http: fc.oneof(fc.record({ method, path }, { requiredKeys: [] }), odd),
          stage: fc.oneof(fc.constantFrom('$default', 'prod'), odd),
        },
        { requiredKeys: [] },
      ),
      odd,
    ),
    body,
    isBase64Encoded: fc.oneof(fc.boolean(), odd),
  },
  { requiredKeys: [] },
);
const restApiEvent = fc.record(
  {
    httpMethod: method,
    path,
    headers,
    multiValueHeaders: fc.oneof(fc.dictionary(fc.string(), fc.array(odd)), odd),
    queryStringParameters: fc.oneof(fc.dictionary(fc.constantFrom(...OPTION_NAMES), odd), odd),
    multiValueQueryStringParameters: fc.oneof(fc.dictionary(fc.constantFrom(...OPTION_NAMES), fc.array(odd)), odd),
    requestContext: fc.oneof(fc.record({ stage: odd }), odd),
    body,
    isBase64Encoded: fc.oneof(fc.boolean(), odd),
  },
  { requiredKeys: ['httpMethod'] },
);
const directEvent = fc.oneof(
  fc.record({ body, isBase64Encoded: fc.oneof(fc.boolean(), odd), headers }, { requiredKeys: [] }),
  options,
);
const anyEvent = fc.oneof(fc.anything(), fc.jsonValue(), httpApiEvent, restApiEvent, directEvent);

t.test(
  'any event: never throws, always a well-formed answer, never a 5xx; every 4xx names its error and its code',
  async (t) => {
    await fc.assert(
      fc.asyncProperty(anyEvent, async (event) => {
        const response = await call(event);
        if (!Number.isInteger(response.statusCode) || response.statusCode < 200 || response.statusCode >= 500)
          return false;
        if (typeof response.body !== 'string' || typeof response.isBase64Encoded !== 'boolean') return false;
        if (!Object.values(response.headers).every((value) => typeof value === 'string')) return false;
        if (response.statusCode >= 400) {
          const parsed = JSON.parse(response.body) as { error?: unknown; code?: unknown };
          return (
            typeof parsed.error === 'string' &&
            parsed.error.length > 0 &&
            typeof parsed.code === 'string' &&
            response.headers['content-type'] === 'application/json'
          );
        }
        return true;
      }),
      { seed, numRuns: runs },
    );
    t.pass(`${runs} events`);
  },
);

// Any non-empty Unicode text that fits, any valid option combination.
const validRequest = fc.record({
  url: fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 200 }),
  ),
  format: fc.constantFrom('png', 'svg'),
  ecLevel: fc.constantFrom('L', 'M', 'Q', 'H'),
  margin: fc.integer({ min: 1, max: 8 }),
  size: fc.integer({ min: 300, max: 900 }),
  dark: fc.constantFrom('#000', '#1a2b3c', '#000000cc', '#203040'),
  light: fc.constantFrom('#fff', '#ffffff', '#fafad2', '#ffffff00'),
});

t.test('any valid request: 200, and the image decodes back to exactly the text', async (t) => {
  await fc.assert(
    fc.asyncProperty(validRequest, async (request) => {
      const response = await call(request);
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${response.body}`);
      const image = Buffer.from((JSON.parse(response.body) as { qr_code: string }).qr_code, 'base64');
      const decoded = await decodeQr(
        request.format === 'png' ? image : rasterizeSvg(parseSvg(image.toString('utf8')), 3),
      );
      if (!decoded.bytes.equals(Buffer.from(request.url, 'utf8')))
        throw new Error(`decoded ${JSON.stringify(decoded.bytes.toString())}`);
      return decoded.ecLevel === request.ecLevel;
    }),
    { seed, numRuns: validRuns },
  );
  t.pass(`${validRuns} requests decoded`);
});
