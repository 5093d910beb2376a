// What counts as a secret in text given as it is: whatever a scanner would read as a key or
// a password, held against a port of ZXing's own readers; and every route that caches
// keeps such a code out of every cache.
import t from 'tap';
import fc from 'fast-check';
import { handler } from '../../../lambda/handler.js';
import { isSecretText } from '../../../lambda/payload/secret.js';
import { httpApiEvent } from '../../helpers/events.js';
import { captureStdout } from '../../helpers/stdout.js';
import { zxingUri, zxingWifi } from '../../helpers/zxing-result.js';

const BOM = '\ufeff';

/** The forms a security pass found cached for a year, each read back by zbarimg and ZXing. */
const MISSED = {
  'Google Authenticator export':
    'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBlNlY3JldBoFQUNNRSABKAEwAhABGAEgAA%3D%3D',
  'otpauth after a BOM': `${BOM}otpauth://totp/ACME:jane?secret=JBSWY3DPEHPK3PXP&issuer=ACME`,
  'otpauth after a space': ' otpauth://totp/ACME:jane?secret=JBSWY3DPEHPK3PXP',
  'otpauth behind URL:': 'URL: otpauth://totp/ACME:jane?secret=JBSWY3DPEHPK3PXP',
  'WIFI: after a BOM': `${BOM}WIFI:T:WPA;S:home;P:correct horse;;`,
  'a lower-case p: field': 'WIFI:T:WPA;S:home;p:correct horse;;',
  'a password behind another field': 'WIFI:T:WPA;S:home;X:P:correct horse;;',
  'lower-case wifi:': 'wifi:T:WPA;S:home;P:correct horse;;',
} as const;

/** Look alike, hold nothing a scanner takes for a secret: cached as ever. */
const NOT_SECRET = {
  'an open network': 'WIFI:T:nopass;S:guests;;',
  'an empty password': 'WIFI:S:guests;P:;;',
  'a URL that mentions otpauth': 'https://example.com/otpauth://totp',
  'text about WIFI': 'Our WIFI: ask at the desk. P:none',
} as const;

t.test('the forms scanners read as a key or a password are secrets', async (t) => {
  for (const [what, text] of Object.entries(MISSED)) {
    const zxing = zxingWifi(text)?.password ?? zxingUri(text);
    if (!what.includes('lower-case') && !what.includes('space'))
      t.ok(zxing, `${what}: ZXing's port reads a password or a key from it`);
    t.ok(isSecretText(text), what);
  }
  for (const [what, text] of Object.entries(NOT_SECRET)) t.notOk(isSecretText(text), what);
});

async function get(path: string, query: string) {
  const event = httpApiEvent({ method: 'GET', path, query });
  return (await captureStdout(() => handler(event, { awsRequestId: 'secret' }))).result;
}

async function post(body: Record<string, unknown>) {
  const event = httpApiEvent({
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return (await captureStdout(() => handler(event, { awsRequestId: 'secret' }))).result;
}

t.test('every route that caches keeps each of those forms out of every cache', async (t) => {
  for (const [what, text] of Object.entries(MISSED)) {
    const data = encodeURIComponent(text);
    const answers = {
      'GET /generate': await get('/generate', `url=${data}`),
      'POST /generate': await post({ url: text }),
      'GET /chart': await get('/chart', `cht=qr&chs=200x200&chl=${data}`),
      'GET /v1/create-qr-code/': await get('/v1/create-qr-code/', `data=${data}`),
      'GET /qr': await get('/qr', `text=${data}`),
    };
    for (const [route, answer] of Object.entries(answers)) {
      t.equal(answer.statusCode, 200, `${route}, ${what}`);
      t.equal(answer.headers['cache-control'], 'private, no-store', `${route}, ${what}: no-store`);
      t.notOk(answer.headers.etag, `${route}, ${what}: no ETag`);
    }
  }
  for (const [what, text] of Object.entries(NOT_SECRET)) {
    const answer = await get('/generate', `url=${encodeURIComponent(text)}`);
    t.match(answer.headers['cache-control'], /^public/, `${what}: cacheable`);
  }
});

// Text as readers meet it: what they skip first (byte order marks, white space, controls),
// a head in either case, then pieces that matter to them: field prefixes, separators, escapes.
const NOISE = [BOM, ' ', '\t', '\u0000', '\n'];
const HEADS = [
  'WIFI:',
  'wifi:',
  'Wifi:',
  'otpauth:',
  'OTPAUTH://',
  'otpauth-migration:',
  'URL:',
  'URI: ',
  'url:',
  'https:',
  '',
];
const PIECES = ['S:', 'P:', 'p:', 'T:WPA', 'X:', 'H:true', ';', '\\', ':', ' ', 'otpauth:', 'a', 'é', 'PH2:'];
const textOfPieces = fc
  .tuple(
    fc.array(fc.constantFrom(...NOISE), { maxLength: 3 }),
    fc.constantFrom(...HEADS),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }),
  )
  .map(([noise, head, pieces]) => `${noise.join('')}${head}${pieces.join('')}`);

/** The readings a lenient scanner may make: ZXing's, on the text, on it upper-cased, and without what it starts with. */
function scannerReadsSecret(text: string): boolean {
  const variants = [text, text.toUpperCase(), text.replace(/^[\s\u0000-\u0020\ufeff]+/, '')];
  return variants.some((variant) => {
    const password = zxingWifi(variant)?.password;
    const uri = zxingUri(variant);
    return password !== undefined || (uri !== undefined && /^otpauth(-migration)?:/i.test(uri));
  });
}

t.test(
  'whatever ZXing reads as a password or a key, in any case and after any BOM or space, is a secret',
  async (t) => {
    fc.assert(
      fc.property(textOfPieces, (text) => !scannerReadsSecret(text) || isSecretText(text)),
      { seed: 20261207, numRuns: Number(process.env.QR_PROPERTY_RUNS ?? 1000) * 5 },
    );
    // The property must not hold by accident: both sides occur in what it generates.
    const sample = fc.sample(textOfPieces, { seed: 20261207, numRuns: 2000 });
    t.ok(sample.filter(scannerReadsSecret).length > 200, 'many generated texts are read as secrets');
    t.ok(sample.filter((text) => !isSecretText(text)).length > 200, 'many are not secrets');
  },
);
