// Every builder's escaping, held against readers the project did not write: vobject
// (Python) and ical.js for vCard and iCalendar, a port of ZXing's WIFI: reader, the WHATWG
// URL parser, and the otpauth library. Each field gets values made of the delimiters those
// readers split on (CR alone, LF alone, ; , : \, U+2028, NEL, NUL, quotes) beside ordinary
// text. The rule: every value reads back as it went in, and none ever becomes another field.
// A value the builder cannot represent is a 400 with a code, never a 500.
import t, { type Test } from 'tap';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { URI } from 'otpauth';
import { handler } from '../../lambda/handler.js';
import { httpApiEvent } from '../helpers/events.js';
import { captureStdout } from '../helpers/stdout.js';
import { parseWifi } from '../helpers/wifi-parse.js';
import { readWithVobject, type Reading } from '../helpers/vobject.js';
import { zxingMecard, zxingWifi } from '../helpers/zxing-result.js';

const RUNS = Number(process.env.QR_PROPERTY_RUNS ?? 200);
const PIECES = ['a', 'Z', ' ', 'é', '🎉', ';', ',', ':', '\\', '"', '=', '&', '?', '%'];
const LINE_BREAKS = ['\r', '\n', '\r\n'];
const RARE = ['\u2028', '\u0085', 'BEGIN:VEVENT', 'END:VCARD', 'P:', 'S:', 'URL:x'];
/** Text of those pieces (`only` those a field takes); line breaks only where it takes them; one value in twenty ends in NUL, refused. */
const value = (maxLength: number, { multiline = false, only = /^/ } = {}) => {
  const text = fc
    .array(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...PIECES.filter((piece) => only.test(piece))) },
        { weight: multiline ? 4 : 0, arbitrary: fc.constantFrom(...LINE_BREAKS) },
        { weight: 2, arbitrary: fc.constantFrom(...RARE.filter((piece) => only.test(piece))) },
      ),
      { minLength: 1, maxLength },
    )
    .map((pieces) => pieces.join(''));
  return fc.oneof({ weight: 19, arbitrary: text }, { weight: 1, arbitrary: text.map((v) => `${v}\u0000`) });
};

/** The codes a refused value may get: what the client did, each named. */
const REFUSALS = ['invalid_text', 'invalid_value', 'out_of_range', 'empty_value'];

interface Built {
  readonly fields: Record<string, string>;
  readonly payload: string;
}

/** POSTs each field set; 400s must name a refusal, and the rest are returned with their payloads. */
async function buildAll(t: Test, type: string, sets: readonly Record<string, string>[]): Promise<Built[]> {
  const built: Built[] = [];
  for (const fields of sets) {
    const event = httpApiEvent({
      method: 'POST',
      body: JSON.stringify({ type, ...fields }),
      headers: { 'content-type': 'application/json' },
    });
    const { result } = await captureStdout(() => handler(event, { awsRequestId: 'escaping' }));
    const body = JSON.parse(result.body) as { payload?: string; code?: string };
    if (result.statusCode === 200) built.push({ fields, payload: body.payload! });
    else if (result.statusCode !== 400 || !REFUSALS.includes(body.code!))
      t.fail(`${type} ${JSON.stringify(fields)}: ${result.statusCode} ${result.body}`);
  }
  t.ok(
    built.length > sets.length / 4,
    `${type}: ${built.length} of ${sets.length} built (the rest refused with a code)`,
  );
  return built;
}

/** A line break of any kind, as the builders write it into a text value. */
const newlines = (text: string): string => text.replace(/\r\n?|\n/g, '\n');

const props = (reading: Reading): Map<string, unknown[]> => {
  if ('error' in reading) throw new Error(reading.error);
  const map = new Map<string, unknown[]>();
  for (const [name, read] of reading.properties) map.set(name, [...(map.get(name) ?? []), read]);
  return map;
};

t.test('event: vobject and ical.js read summary, location and description back, and nothing more', async (t) => {
  const sets = fc.sample(
    fc.record({ summary: value(8), location: value(8), description: value(16, { multiline: true }) }),
    { seed: 1207, numRuns: RUNS },
  );
  const built = await buildAll(
    t,
    'event',
    sets.map((fields) => ({ ...fields, start: '2026-12-24' })),
  );
  const readings = readWithVobject(built.map((b) => b.payload));
  for (const [i, { fields, payload }] of built.entries()) {
    const read = props(readings[i]!);
    const expected = {
      summary: fields.summary!,
      location: fields.location!,
      description: newlines(fields.description!),
    };
    const names = [...read.keys()].sort();
    if (names.join() !== 'description,dtstart,location,summary') {
      t.fail(`vobject read the fields ${names.join()} from ${JSON.stringify(payload)}`);
      continue;
    }
    for (const [name, want] of Object.entries(expected)) {
      if (read.get(name)?.[0] !== want)
        t.fail(`vobject: ${name} ${JSON.stringify(read.get(name))} ≠ ${JSON.stringify(want)}`);
    }
    const event = new ICAL.Component(ICAL.parse(payload));
    const icalNames = event.getAllProperties().map((property) => property.name);
    if (icalNames.sort().join() !== 'description,dtstart,location,summary') t.fail(`ical.js read ${icalNames.join()}`);
    for (const [name, want] of Object.entries(expected)) {
      if (event.getFirstPropertyValue(name) !== want) t.fail(`ical.js: ${name} of ${JSON.stringify(payload)}`);
    }
  }
  t.pass(`${built.length} events read back field for field`);
});

t.test('vcard: vobject reads name, organization and URL back, and nothing more', async (t) => {
  const url = fc
    .array(fc.constantFrom('a', '/', ',', ';', '\\', '?x=1', '&y=2,3', '%41', ':', '='), { maxLength: 8 })
    .map((parts) => `https://example.com/${parts.join('')}`);
  const sets = fc.sample(fc.record({ name: value(8), organization: value(8), url }), {
    seed: 1208,
    numRuns: RUNS,
  });
  const built = await buildAll(t, 'vcard', sets);
  const readings = readWithVobject(built.map((b) => b.payload));
  for (const [i, { fields, payload }] of built.entries()) {
    const read = props(readings[i]!);
    const names = [...read.keys()].sort().join();
    if (names !== 'fn,n,org,url,version') {
      t.fail(`vobject read the fields ${names} from ${JSON.stringify(payload)}`);
      continue;
    }
    if (read.get('fn')?.[0] !== fields.name!.trim()) t.fail(`fn of ${JSON.stringify(payload)}`);
    if (JSON.stringify(read.get('org')) !== JSON.stringify([[fields.organization]]))
      t.fail(`org: one component, the whole value, in ${JSON.stringify(payload)}`);
    // The URL reads as one value, the same web address (what a reader could split at, percent-encoded).
    const readUrl = String(read.get('url')?.[0]);
    if (decodeURIComponent(readUrl) !== decodeURIComponent(fields.url!)) t.fail(`url ${readUrl} of ${fields.url}`);
    if (new URL(readUrl).searchParams.toString() !== new URL(fields.url!).searchParams.toString())
      t.fail(`the query of ${readUrl} is not that of ${fields.url}`);
    const card = new ICAL.Component(ICAL.parse(payload));
    if (card.getFirstPropertyValue('url') !== readUrl) t.fail(`ical.js and vobject read the URL of ${payload} alike`);
  }
  t.pass(`${built.length} cards read back field for field`);
});

t.test('wifi: ZXing’s reader and a strict one read the network and password back', async (t) => {
  const sets = fc.sample(fc.record({ ssid: value(4), password: value(30, { only: /^[\x20-\x7e]+$/ }) }), {
    seed: 1209,
    numRuns: RUNS,
  });
  const built = await buildAll(
    t,
    'wifi',
    sets.map(({ ssid, password }) => ({ ssid, password: `${password}xxxxxxxx` })),
  );
  for (const { fields, payload } of built) {
    const zxing = zxingWifi(payload);
    if (zxing?.ssid !== fields.ssid || zxing?.password !== fields.password || zxing?.type !== 'WPA')
      t.fail(`ZXing reads ${JSON.stringify(zxing)} from ${JSON.stringify(payload)}`);
    const strict = parseWifi(payload);
    if (strict.ssid !== fields.ssid || strict.password !== fields.password) t.fail(`strict reader on ${payload}`);
  }
  t.pass(`${built.length} networks read back`);
});

t.test('mecard: ZXing’s reader reads name, address, note and URL back, and nothing more', async (t) => {
  const url = fc
    .array(fc.constantFrom('a', '/', ',', ';', '\\', '?x=1', '&y=2,3', ':', '=', '"'), { maxLength: 8 })
    .map((parts) => `https://example.com/${parts.join('')}`);
  const sets = fc.sample(fc.record({ name: value(8), address: value(8), note: value(8), url }), {
    seed: 1213,
    numRuns: RUNS,
  });
  const built = await buildAll(t, 'mecard', sets);
  for (const { fields, payload } of built) {
    const read = zxingMecard(payload);
    const words = fields.name!.trim().split(/\s+/);
    const expected = {
      name: words.length > 1 ? `${words.slice(0, -1).join(' ')} ${words.at(-1)}` : words[0],
      phones: undefined,
      emails: undefined,
      urls: [fields.url],
      addresses: [fields.address!.trim()],
      note: fields.note!.trim(),
    };
    if (JSON.stringify(read) !== JSON.stringify(expected))
      t.fail(`ZXing reads ${JSON.stringify(read)} from ${JSON.stringify(payload)}, not ${JSON.stringify(expected)}`);
  }
  t.pass(`${built.length} contacts read back field for field`);
});

t.test('email, sms, upi and otpauth: the URL parser and the otpauth library read every value back', async (t) => {
  const mails = await buildAll(
    t,
    'email',
    fc
      .sample(fc.record({ subject: value(8), body: value(16, { multiline: true }) }), { seed: 1210, numRuns: RUNS })
      .map((f) => ({
        to: 'ada@example.com',
        ...f,
      })),
  );
  for (const { fields, payload } of mails) {
    const url = new URL(payload);
    const params = [...url.searchParams.keys()].join();
    if (params !== 'subject,body' || url.searchParams.get('subject') !== fields.subject)
      t.fail(`mailto ${payload}: ${params}`);
    if (url.searchParams.get('body') !== newlines(fields.body!).replace(/\n/g, '\r\n')) t.fail(`body of ${payload}`);
  }
  const texts = await buildAll(
    t,
    'sms',
    fc
      .sample(value(16, { multiline: true }), { seed: 1211, numRuns: RUNS })
      .map((message) => ({ number: '+1 555 0100', message })),
  );
  for (const { fields, payload } of texts) {
    const url = new URL(payload);
    if ([...url.searchParams.keys()].join() !== 'body' || url.searchParams.get('body') !== fields.message)
      t.fail(`sms ${payload}`);
  }
  const keys = await buildAll(
    t,
    'otpauth',
    fc
      .sample(fc.record({ issuer: value(8, { only: /^[^:]+$/ }), account: value(8, { only: /^[^:]+$/ }) }), {
        seed: 1212,
        numRuns: RUNS,
      })
      .map((f) => ({ secret: 'JBSWY3DPEHPK3PXP', ...f })),
  );
  for (const { fields, payload } of keys) {
    const otp = URI.parse(payload);
    if (otp.issuer !== fields.issuer || otp.label !== fields.account || otp.secret.base32 !== 'JBSWY3DPEHPK3PXP')
      t.fail(`otpauth ${payload}`);
  }
  const payments = await buildAll(
    t,
    'upi',
    fc
      .sample(fc.record({ name: value(8), note: value(8) }), { seed: 1214, numRuns: RUNS })
      .map((f) => ({ vpa: 'shop@okaxis', ...f })),
  );
  for (const { fields, payload } of payments) {
    const params = new URL(payload).searchParams;
    if (
      [...params.keys()].join() !== 'pa,pn,cu,tn' ||
      params.get('pn') !== fields.name ||
      params.get('tn') !== fields.note
    )
      t.fail(`upi ${payload}`);
  }
  t.pass(`${mails.length + texts.length + keys.length + payments.length} URIs read back`);
});

t.test('a bare CR, a semicolon, a trailing comma: none turns into a field', async (t) => {
  const [event] = await buildAll(t, 'event', [
    { summary: 'Party', start: '2026-12-24', description: 'Bring food\rLOCATION:Evil Lair\rURL:https://evil.example' },
  ]);
  const [card] = await buildAll(t, 'vcard', [{ name: 'Ada; Lovelace', url: 'https://example.com/a,' }]);
  const [readEvent, readCard] = readWithVobject([event!.payload, card!.payload]).map(props);
  t.same([...readEvent!.keys()].sort(), ['description', 'dtstart', 'summary'], 'no LOCATION, no URL');
  t.equal(readEvent!.get('description')?.[0], 'Bring food\nLOCATION:Evil Lair\nURL:https://evil.example');
  t.same(readCard!.get('fn'), ['Ada; Lovelace']);
  t.same(readCard!.get('url'), ['https://example.com/a%2C'], 'the whole URL, its comma percent-encoded');
});
