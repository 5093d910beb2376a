// Every payload builder, end to end: POST /generate with a type and its fields, the image
// decoded back, and the decoded text read by a parser that is not ours (otpauth, ical.js,
// the WHATWG URL parser, a ZXing-style WIFI: reader) to the very fields that went in,
// special characters included.
import t, { type Test } from 'tap';
import { electronicFormatIBAN, getCountrySpecifications, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';
import { parseBarcode } from 'gs1-barcode-parser-mod';
import ICAL from 'ical.js';
import { decode as decodeBip21 } from 'bip21';
import validBitcoinAddress from 'bitcoin-address-validation';
import iso11649 from 'iso-11649';
import { URI } from 'otpauth';
import { handler } from '../../../lambda/handler.js';
import { PAYLOAD_BUILDERS } from '../../../lambda/payload/index.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodeQr, decodeQrText } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';
import { parseWifi } from '../../helpers/wifi-parse.js';
import { zxingMecard } from '../../helpers/zxing-result.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

async function post(fields: Record<string, unknown>): Promise<Answer> {
  const event = httpApiEvent({
    method: 'POST',
    body: JSON.stringify(fields),
    headers: { 'content-type': 'application/json' },
  });
  const { result } = await captureStdout(() => handler(event, { awsRequestId: 'builders' }));
  return {
    status: result.statusCode,
    headers: result.headers,
    body: JSON.parse(result.body) as Record<string, unknown>,
  };
}

/** POSTs, checks the answer echoes the payload, and returns the text decoded from the image. */
async function built(t: Test, fields: Record<string, unknown>): Promise<string> {
  const answer = await post(fields);
  t.equal(
    answer.status,
    200,
    `${String(fields.type)}: 200${answer.status === 200 ? '' : ` (${JSON.stringify(answer.body)})`}`,
  );
  t.equal(answer.body.type, fields.type);
  t.notOk('url' in answer.body, 'a built payload is echoed as payload, not url');
  const decoded = await decodeQrText(Buffer.from(String(answer.body.qr_code), 'base64'));
  t.equal(decoded, answer.body.payload, 'the image holds exactly the payload it says');
  return decoded;
}

t.test('wifi: every character that needs escaping, read back by a ZXing-style parser', async (t) => {
  const ssid = 'My;Net,"work":\\ café 🎉';
  const password = 'p@ss;w,o"r:d\\x';
  const text = await built(t, { type: 'wifi', ssid, password, security: 'wpa', hidden: true });
  t.same(parseWifi(text), { type: 'WPA', ssid, password, hidden: 'true' });
  t.equal(text, 'WIFI:T:WPA;S:My\\;Net\\,\\"work\\"\\:\\\\ café 🎉;P:p@ss\\;w\\,o\\"r\\:d\\\\x;H:true;;');
  const open = await built(t, { type: 'wifi', ssid: 'Café guests' });
  t.same(
    parseWifi(open),
    { type: 'nopass', ssid: 'Café guests', password: undefined, hidden: undefined },
    'no password: nopass',
  );
  const wep = await built(t, { type: 'wifi', ssid: 'old', security: 'WEP', password: '0123456789' });
  t.equal(parseWifi(wep).type, 'WEP');
});

t.test('email: a mailto: URI the URL parser reads back, subject and body with line breaks', async (t) => {
  const text = await built(t, {
    type: 'email',
    to: 'ada+qr@example.com',
    subject: 'Hi & bye? 100% #1',
    body: 'Line one\nLine two: ü',
  });
  const url = new URL(text);
  t.equal(url.protocol, 'mailto:');
  t.equal(decodeURIComponent(url.pathname), 'ada+qr@example.com');
  t.equal(url.searchParams.get('subject'), 'Hi & bye? 100% #1');
  t.equal(url.searchParams.get('body'), 'Line one\r\nLine two: ü', 'line breaks as CRLF (RFC 6068)');
  t.match(text, /body=Line%20one%0D%0ALine/);
  t.equal(
    await built(t, { type: 'email', to: 'a@example.com' }),
    'mailto:a@example.com',
    'no subject or body: no query',
  );
});

t.test('tel and sms: the digits, the plus, and the message', async (t) => {
  const tel = await built(t, { type: 'tel', number: '+1 (555) 010-0199' });
  t.equal(tel, 'tel:+15550100199');
  t.equal(new URL(tel).pathname, '+15550100199');
  const sms = await built(t, { type: 'sms', number: '0555 0100', message: 'On my way & 5 min? ✓' });
  const url = new URL(sms);
  t.equal(url.protocol, 'sms:');
  t.equal(url.pathname, '05550100');
  t.equal(url.searchParams.get('body'), 'On my way & 5 min? ✓');
});

t.test('geo: latitude and longitude in decimal degrees, never in exponent form', async (t) => {
  const text = await built(t, { type: 'geo', latitude: 48.8583701, longitude: -0.0000001 });
  t.equal(text, 'geo:48.8583701,-0.0000001');
  const [lat, lon] = /^geo:(-?[\d.]+),(-?[\d.]+)$/.exec(text)!.slice(1).map(Number);
  t.equal(lat, 48.8583701);
  t.equal(lon, -0.0000001);
});

t.test('vcard: vCard 3.0 that ical.js reads back field for field, escapes included', async (t) => {
  const fields = {
    name: 'Ada "Countess", Lovelace; of Love\\Byron',
    phone: '+44 20 7946 0000',
    email: 'ada@example.com',
    organization: 'Analytical, Engines; Ltd',
    url: 'https://example.com/ada?x=1,2',
  };
  const text = await built(t, { type: 'vcard', ...fields });
  const card = new ICAL.Component(ICAL.parse(text));
  t.equal(card.name, 'vcard');
  t.equal(card.getFirstPropertyValue('version'), '3.0');
  // RFC 2426 §4: no bare ; or , in a text value. ical.js reads vCard 3.0's FN as 4.0 would, keeping the
  // backslash of \; (vobject, a 3.0 reader, reads the name back: test/interop/escaping.test.ts).
  t.match(text, /\r\nFN:Ada "Countess"\\, Lovelace\\; of Love\\\\Byron\r\n/, 'FN escaped as RFC 2426 says');
  t.equal(card.getFirstPropertyValue('fn'), fields.name.replace(';', '\\;'));
  t.equal(card.getFirstPropertyValue('org'), fields.organization);
  t.equal(card.getFirstPropertyValue('tel'), '+442079460000');
  t.equal(card.getFirstPropertyValue('email'), 'ada@example.com');
  // A comma in the URL, which readers that take it for text split at, percent-encoded: the same query.
  t.equal(card.getFirstPropertyValue('url'), 'https://example.com/ada?x=1%2C2');
  t.equal(new URL(String(card.getFirstPropertyValue('url'))).searchParams.get('x'), '1,2');
  t.same(
    card.getFirstPropertyValue('n'),
    ['Love\\Byron', 'Ada "Countess", Lovelace; of', '', '', ''],
    'N: the last word as the family name',
  );
});

t.test('otpauth: a Key URI the otpauth library parses to the same key and settings', async (t) => {
  const fields = {
    secret: 'jbsw y3dp ehpk 3pxp',
    issuer: 'ACME Co & Sons',
    account: 'jane.doe+2fa@example.com',
    algorithm: 'sha256',
    digits: 8,
    period: 60,
  };
  const answer = await post({ type: 'otpauth', ...fields });
  t.equal(answer.status, 200);
  t.equal(answer.headers['cache-control'], 'private, no-store', 'a secret: cached nowhere');
  const text = await decodeQrText(Buffer.from(String(answer.body.qr_code), 'base64'));
  const otp = URI.parse(text);
  t.equal(otp.issuer, 'ACME Co & Sons');
  t.equal(otp.label, 'jane.doe+2fa@example.com');
  t.equal(otp.secret.base32, 'JBSWY3DPEHPK3PXP', 'spaces gone, upper case');
  t.equal(otp.algorithm, 'SHA256');
  t.equal(otp.digits, 8);
  t.equal((otp as { period?: number }).period, 60);
  t.match(
    text,
    /^otpauth:\/\/totp\/ACME%20Co%20%26%20Sons:jane\.doe%2B2fa%40example\.com\?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co%20%26%20Sons/,
  );
});

t.test('event: a VEVENT ical.js reads back: summary, times in UTC or local, all-day dates, escapes', async (t) => {
  const text = await built(t, {
    type: 'event',
    summary: 'Launch; party, with "cake"',
    start: '2026-12-24T18:30+01:00',
    end: '2026-12-24T21:00:00+01:00',
    location: 'Hall 2, Level 3',
    description: 'Bring:\n- a friend',
  });
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)));
  t.equal(event.summary, 'Launch; party, with "cake"');
  t.equal(event.startDate.toJSDate().toISOString(), '2026-12-24T17:30:00.000Z', 'an offset becomes UTC');
  t.equal(event.endDate.toJSDate().toISOString(), '2026-12-24T20:00:00.000Z');
  t.equal(event.location, 'Hall 2, Level 3');
  t.equal(event.description, 'Bring:\n- a friend');
  const allDay = new ICAL.Event(
    new ICAL.Component(
      ICAL.parse(await built(t, { type: 'event', summary: 'Holiday', start: '2026-12-25', end: '2026-12-26' })),
    ),
  );
  t.equal(allDay.startDate.isDate, true, 'a date alone is an all-day event');
  t.equal(allDay.startDate.toString(), '2026-12-25');
  const local = await built(t, { type: 'event', summary: 'Standup', start: '2026-12-01T09:00' });
  t.match(local, /\r\nDTSTART:20261201T090000\r\n/, 'no offset: the calendar’s local time');
});

/** An EPC QR code's elements as a bank's app reads them: one a line, the ones left out at the end empty. */
function readEpc(text: string) {
  const lines = text.split('\n');
  const [tag, version, charset, id, bic, name, iban, amount, purpose, reference, remittance, info] = [
    ...lines,
    ...Array<string>(12).fill(''),
  ];
  return {
    lines: lines.length,
    tag,
    version,
    charset,
    id,
    bic,
    name,
    iban,
    amount,
    purpose,
    reference,
    remittance,
    info,
  };
}

t.test(
  'epc: the guidelines’ own example (Red Cross of Belgium), at level M, IBAN and BIC checked by ibantools',
  async (t) => {
    const fields = {
      type: 'epc',
      bic: 'BPOTBEB1',
      name: 'Red Cross of Belgium',
      iban: 'BE72 0000 0000 1616',
      amount: 1,
      purpose: 'CHAR',
      text: 'Urgency fund',
      info: 'Sample EPC QR code',
    };
    const answer = await post(fields);
    t.equal(answer.status, 200, JSON.stringify(answer.body));
    const qr = await decodeQr(Buffer.from(String(answer.body.qr_code), 'base64'));
    const text = qr.bytes.toString('utf8');
    t.equal(text, answer.body.payload);
    // EPC069-12's example, with version 002 (the BIC is optional there) for its 001.
    t.equal(
      text,
      'BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1\nCHAR\n\nUrgency fund\nSample EPC QR code',
    );
    t.equal(qr.ecLevel, 'M', 'error correction level M, as the guidelines require');
    const read = readEpc(text);
    t.ok(isValidIBAN(read.iban!), 'ibantools: a valid IBAN');
    t.equal(read.iban, electronicFormatIBAN(fields.iban), 'in electronic format');
    t.ok(isValidBIC(read.bic!), 'ibantools: a valid BIC');

    const reference = await built(t, {
      type: 'epc',
      name: 'Café Ünïcode GmbH',
      iban: 'de89 3704 0044 0532 0130 00',
      amount: '1234.5',
      reference: 'rf18 5390 0754 7034',
    });
    t.same(
      readEpc(reference),
      {
        ...readEpc(reference),
        lines: 10,
        version: '002',
        charset: '1',
        bic: '',
        name: 'Café Ünïcode GmbH',
        iban: 'DE89370400440532013000',
        amount: 'EUR1234.50',
        purpose: '',
        reference: 'RF18539007547034',
      },
      'nothing after the last element given; cents with two digits',
    );
    t.ok(iso11649.validate(readEpc(reference).reference!), 'iso-11649: a valid creditor reference');
    t.equal(
      await built(t, { type: 'epc', name: 'N', iban: 'NO9386011117947' }),
      'BCD\n002\n1\nSCT\n\nN\nNO9386011117947',
      'no amount: the payer types it',
    );
    const asked = await post({ type: 'epc', name: 'N', iban: 'NO9386011117947', ecLevel: 'H' });
    t.match(asked, { status: 400, body: { code: 'conflicting_options', field: 'ecLevel' } }, 'another level refused');
    t.equal(
      (await post({ type: 'epc', name: 'N', iban: 'NO9386011117947', ecLevel: 'm' })).status,
      200,
      'M itself is fine',
    );
  },
);

t.test('epc: each SEPA country’s IBAN length is the registry’s (ibantools), the new members included', async (t) => {
  const { SEPA_IBAN_LENGTHS } = await import('../../../lambda/payload/iban.js');
  const specifications = getCountrySpecifications();
  // Joined the SEPA schemes' scope in 2024 and 2025, after ibantools' table was written.
  const joined = ['AL', 'MD', 'ME', 'MK', 'RS'];
  t.same(
    Object.keys(SEPA_IBAN_LENGTHS).filter((country) => !joined.includes(country)),
    Object.keys(specifications).filter((country) => isSEPACountry(country)),
  );
  for (const [country, length] of Object.entries(SEPA_IBAN_LENGTHS))
    t.equal(length, specifications[country]?.chars, `${country}: ${length}`);
});

t.test('mecard: every character that needs escaping, read back by a port of ZXing’s MECARD: reader', async (t) => {
  const fields = {
    name: '  Ada "Countess"; of: Love\\Byron, Lovelace ',
    phone: '+44 20 7946 0000',
    email: 'ada@example.com',
    url: 'https://example.com/a?b=1;c=2,3',
    address: '12 St. James’s Sq., London; SW1Y 4JH',
    note: 'TEL:not a phone; URL:https://evil.example',
  };
  const text = await built(t, { type: 'mecard', ...fields });
  t.equal(
    text,
    'MECARD:N:Lovelace,Ada \\"Countess\\"\\; of\\: Love\\\\Byron\\,;TEL:+442079460000;EMAIL:ada@example.com;' +
      'URL:https\\://example.com/a?b=1\\;c=2\\,3;ADR:12 St. James’s Sq.\\, London\\; SW1Y 4JH;' +
      'NOTE:TEL\\:not a phone\\; URL\\:https\\://evil.example;;',
  );
  t.same(zxingMecard(text), {
    name: 'Ada "Countess"; of: Love\\Byron, Lovelace',
    phones: ['+442079460000'],
    emails: ['ada@example.com'],
    urls: ['https://example.com/a?b=1;c=2,3'],
    addresses: ['12 St. James’s Sq., London; SW1Y 4JH'],
    note: 'TEL:not a phone; URL:https://evil.example',
  });
  t.equal(await built(t, { type: 'mecard', name: 'Cher' }), 'MECARD:N:Cher;;', 'one word: the family name alone');
});

t.test('upi: a upi://pay link the URL parser reads back, amount in rupees with paise', async (t) => {
  const text = await built(t, {
    type: 'upi',
    vpa: 'chai.stall-42@okaxis',
    name: 'Chai & Samosa, Pune',
    amount: '150.5',
    note: 'Order #12: 2 × chai = ₹30?',
  });
  t.equal(
    text,
    'upi://pay?pa=chai.stall-42@okaxis&pn=Chai%20%26%20Samosa%2C%20Pune&am=150.50&cu=INR&tn=Order%20%2312%3A%202%20%C3%97%20chai%20%3D%20%E2%82%B930%3F',
  );
  const url = new URL(text);
  t.equal(url.protocol, 'upi:');
  t.equal(url.host, 'pay');
  t.same(Object.fromEntries(url.searchParams), {
    pa: 'chai.stall-42@okaxis',
    pn: 'Chai & Samosa, Pune',
    am: '150.50',
    cu: 'INR',
    tn: 'Order #12: 2 × chai = ₹30?',
  });
  t.equal(
    await built(t, { type: 'upi', vpa: '9876543210@ybl', name: 'Asha' }),
    'upi://pay?pa=9876543210@ybl&pn=Asha&cu=INR',
    'no amount: the payer types it',
  );
  t.equal(
    new URL(await built(t, { type: 'upi', vpa: '1234567890@SBIN0001234.ifsc.npci', name: 'A' })).searchParams.get('pa'),
    '1234567890@SBIN0001234.ifsc.npci',
    'an account at a branch',
  );
});

t.test(
  'bitcoin: BIP 21’s examples, which the bip21 library reads back, the address checked by bitcoin-address-validation',
  async (t) => {
    // BIP 21's (and BIP 321's) examples with a valid address: theirs, 175tWpb8…, fails its checksum.
    const address = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
    const fields = { address, amount: 50, label: 'Luke-Jr', message: 'Donation for project xyz' };
    const text = await built(t, { type: 'bitcoin', ...fields });
    t.equal(text, `bitcoin:${address}?amount=50&label=Luke-Jr&message=Donation%20for%20project%20xyz`);
    t.same(decodeBip21(text), {
      address,
      options: { amount: 50, label: 'Luke-Jr', message: 'Donation for project xyz' },
    });
    t.ok(validBitcoinAddress(decodeBip21(text).address));
    t.equal(
      await built(t, { type: 'bitcoin', address, amount: '20.30', label: 'Luke-Jr' }),
      `bitcoin:${address}?amount=20.3&label=Luke-Jr`,
      'Request 20.30 BTC to "Luke-Jr"',
    );
    t.equal(await built(t, { type: 'bitcoin', address }), `bitcoin:${address}`, 'just the address');
    const taproot = 'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr';
    const segwit = await built(t, {
      type: 'bitcoin',
      address: taproot,
      amount: 0.00000001,
      message: 'Café & co = 100%?',
    });
    t.equal(
      segwit,
      `bitcoin:${taproot}?amount=0.00000001&message=Caf%C3%A9%20%26%20co%20%3D%20100%25%3F`,
      'a satoshi, never 1e-8',
    );
    t.same(decodeBip21(segwit), { address: taproot, options: { amount: 1e-8, message: 'Café & co = 100%?' } });
  },
);

/** A Digital Link read back as GS1's element string (FNC1, AIs, GS between variable-length values), parsed by gs1-barcode-parser-mod. */
function readDigitalLink(text: string): Record<string, string> {
  const url = new URL(text);
  const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
  const pairs: [string, string][] = [];
  for (let i = 0; i < segments.length; i += 2) pairs.push([segments[i]!, segments[i + 1]!]);
  for (const [ai, value] of url.searchParams) pairs.push([ai, value]);
  const element = `]C1${pairs.map(([ai, value]) => `${ai}${value}`).join('\u001d')}`;
  const items = parseBarcode(element).parsedCodeItems;
  return Object.fromEntries(
    items.map(({ ai, data }) => [ai, data instanceof Date ? data.toISOString().slice(0, 10) : String(data)]),
  );
}

t.test('gs1: the Digital Link standard’s examples, read back as AIs by gs1-barcode-parser-mod', async (t) => {
  const full = await built(t, { type: 'gs1', gtin: '09521234543213', batch: 'ABC123', serial: '12345' });
  t.equal(full, 'https://id.gs1.org/01/09521234543213/10/ABC123/21/12345');
  t.same(readDigitalLink(full), { '01': '09521234543213', '10': 'ABC123', '21': '12345' });
  const expiring = await built(t, { type: 'gs1', gtin: '09521234543213', batch: 'ABC123', expiry: '2026-12-31' });
  t.equal(expiring, 'https://id.gs1.org/01/09521234543213/10/ABC123?17=261231');
  t.same(readDigitalLink(expiring), { '01': '09521234543213', '10': 'ABC123', '17': '2026-12-31' });
  // An EAN-13 padded to 14 digits; CSET 82 punctuation percent-encoded; a brand's own resolver.
  const own = await built(t, {
    type: 'gs1',
    gtin: '9521234543213',
    serial: 'XYZ/987%?&=',
    domain: 'https://Example.COM/',
  });
  t.equal(own, 'https://example.com/01/09521234543213/21/XYZ%2F987%25%3F%26%3D');
  t.same(readDigitalLink(own), { '01': '09521234543213', '21': 'XYZ/987%?&=' });
  t.equal(await built(t, { type: 'gs1', gtin: '96385074' }), 'https://id.gs1.org/01/00000096385074', 'GTIN-8');
});

t.test('each builder refuses what it cannot represent, naming the field', async (t) => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ type: 'wifi' }, 'missing_field', 'ssid'],
    [{ type: 'wifi', ssid: 'n', security: 'WPA' }, 'missing_field', 'password'],
    [{ type: 'wifi', ssid: 'n', password: 'short' }, 'invalid_value', 'password'],
    [{ type: 'wifi', ssid: 'n', security: 'nopass', password: 'longenough' }, 'conflicting_options', 'password'],
    [{ type: 'wifi', ssid: 'x'.repeat(33) }, 'out_of_range', 'ssid'],
    [{ type: 'wifi', ssid: 'n', hidden: 'yes' }, 'invalid_value', 'hidden'],
    [{ type: 'wifi', ssid: 'n', security: 'WPA3' }, 'invalid_value', 'security'],
    [{ type: 'email', to: 'not an address' }, 'invalid_value', 'to'],
    [{ type: 'email', to: 'a@example.com', subject: 'bad\u0007bell' }, 'invalid_text', 'subject'],
    [{ type: 'tel', number: '12' }, 'invalid_value', 'number'],
    [{ type: 'sms' }, 'missing_field', 'number'],
    [{ type: 'geo', latitude: 91, longitude: 0 }, 'out_of_range', 'latitude'],
    [{ type: 'geo', latitude: 0, longitude: '1e3' }, 'out_of_range', 'longitude'],
    [{ type: 'vcard', name: 'Ada', url: 'javascript:alert(1)' }, 'invalid_value', 'url'],
    [{ type: 'vcard', phone: '+1 555 0100' }, 'missing_field', 'name'],
    [{ type: 'otpauth', secret: 'not base32!', account: 'a' }, 'invalid_value', 'secret'],
    [{ type: 'otpauth', secret: 'JBSWY3DPEHPK3PXP', account: 'a:b' }, 'invalid_value', 'account'],
    [{ type: 'otpauth', secret: 'JBSWY3DPEHPK3PXP', account: 'a', digits: 7 }, 'invalid_value', 'digits'],
    [{ type: 'otpauth', secret: 'JBSWY3DPEHPK3PXP', account: 'a', algorithm: 'MD5' }, 'invalid_value', 'algorithm'],
    [{ type: 'event', summary: 'x', start: '2026-02-30' }, 'invalid_value', 'start'],
    [{ type: 'event', summary: 'x', start: '2026-12-01T25:00' }, 'invalid_value', 'start'],
    [{ type: 'event', summary: 'x', start: '2026-12-02', end: '2026-12-01' }, 'invalid_value', 'end'],
    [{ type: 'event', summary: 'x', start: '2026-12-02', end: '2026-12-03T10:00' }, 'invalid_value', 'end'],
    [{ type: 'epc', iban: 'BE72000000001616' }, 'missing_field', 'name'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001617' }, 'invalid_value', 'iban'],
    [{ type: 'epc', name: 'N', iban: 'BE7200000000161' }, 'invalid_value', 'iban'],
    [{ type: 'epc', name: 'N', iban: 'US64SVBKUS6S3300958879' }, 'invalid_value', 'iban'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', bic: 'BPOTBE' }, 'invalid_value', 'bic'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', amount: 0 }, 'out_of_range', 'amount'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', amount: '1.005' }, 'out_of_range', 'amount'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', amount: 1e9 }, 'out_of_range', 'amount'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', purpose: 'CH4R' }, 'invalid_value', 'purpose'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', reference: 'RF19539007547034' }, 'invalid_value', 'reference'],
    [
      { type: 'epc', name: 'N', iban: 'BE72000000001616', reference: '+++090/9337/55493+++' },
      'invalid_value',
      'reference',
    ],
    [
      { type: 'epc', name: 'N', iban: 'BE72000000001616', reference: 'RF18539007547034', text: 't' },
      'conflicting_options',
      'text',
    ],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', text: 'two\nlines' }, 'invalid_text', 'text'],
    [{ type: 'epc', name: 'x'.repeat(71), iban: 'BE72000000001616' }, 'out_of_range', 'name'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', text: 't'.repeat(141) }, 'out_of_range', 'text'],
    [{ type: 'epc', name: 'N', iban: 'BE72000000001616', info: 'i'.repeat(71) }, 'out_of_range', 'info'],
    [
      { type: 'epc', name: 'N', iban: 'BE72000000001616', text: 'é'.repeat(140), info: 'i'.repeat(60) },
      'out_of_range',
      'text',
    ],
    [{ type: 'mecard', phone: '+1 555 0100' }, 'missing_field', 'name'],
    [{ type: 'mecard', name: '   ' }, 'empty_value', 'name'],
    [{ type: 'mecard', name: 'Ada Love,lace' }, 'invalid_value', 'name'],
    [{ type: 'mecard', name: 'Ada', url: 'ftp://example.com' }, 'invalid_value', 'url'],
    [{ type: 'mecard', name: 'Ada', phone: 'call me' }, 'invalid_value', 'phone'],
    [{ type: 'mecard', name: 'Ada', note: 'two\nlines' }, 'invalid_text', 'note'],
    [{ type: 'upi', name: 'Asha' }, 'missing_field', 'vpa'],
    [{ type: 'upi', vpa: '9876543210@ybl' }, 'missing_field', 'name'],
    [{ type: 'upi', vpa: 'asha', name: 'Asha' }, 'invalid_value', 'vpa'],
    [{ type: 'upi', vpa: 'asha@ok axis', name: 'Asha' }, 'invalid_value', 'vpa'],
    [{ type: 'upi', vpa: 'a&pa=evil@ybl', name: 'Asha' }, 'invalid_value', 'vpa'],
    [{ type: 'upi', vpa: 'asha@ybl', name: 'Asha', amount: '10.001' }, 'out_of_range', 'amount'],
    [{ type: 'upi', vpa: 'asha@ybl', name: 'Asha', note: 'n'.repeat(51) }, 'out_of_range', 'note'],
    [{ type: 'bitcoin', amount: 1 }, 'missing_field', 'address'],
    [{ type: 'bitcoin', address: '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W' }, 'invalid_value', 'address'],
    [{ type: 'bitcoin', address: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv' }, 'invalid_value', 'address'],
    [{ type: 'bitcoin', address: 'bc1Qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu' }, 'invalid_value', 'address'],
    [{ type: 'bitcoin', address: '0x52908400098527886E0F7030069857D2E4169EE7' }, 'invalid_value', 'address'],
    [
      { type: 'bitcoin', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: '0.000000001' },
      'out_of_range',
      'amount',
    ],
    [{ type: 'bitcoin', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: 21000001 }, 'out_of_range', 'amount'],
    [{ type: 'gs1', batch: 'A' }, 'missing_field', 'gtin'],
    [{ type: 'gs1', gtin: '09521234543214' }, 'invalid_value', 'gtin'],
    [{ type: 'gs1', gtin: '952123454321' }, 'invalid_value', 'gtin'],
    [{ type: 'gs1', gtin: '0952123454321a' }, 'invalid_value', 'gtin'],
    [{ type: 'gs1', gtin: '09521234543213', batch: 'AB C' }, 'invalid_value', 'batch'],
    [{ type: 'gs1', gtin: '09521234543213', serial: 'x'.repeat(21) }, 'out_of_range', 'serial'],
    [{ type: 'gs1', gtin: '09521234543213', serial: 'é' }, 'invalid_value', 'serial'],
    [{ type: 'gs1', gtin: '09521234543213', expiry: '2026-02-30' }, 'invalid_value', 'expiry'],
    [{ type: 'gs1', gtin: '09521234543213', expiry: '261231' }, 'invalid_value', 'expiry'],
    [{ type: 'gs1', gtin: '09521234543213', domain: 'http://example.com' }, 'invalid_value', 'domain'],
    [{ type: 'gs1', gtin: '09521234543213', domain: 'https://example.com/p?q=1' }, 'invalid_value', 'domain'],
    [{ type: 'wifi', ssid: 'n', url: 'https://example.com' }, 'unknown_option', 'url'],
    [{ type: 'barcode', data: 'x' }, 'invalid_value', 'type'],
  ];
  for (const [fields, code, field] of cases) {
    const answer = await post(fields);
    t.equal(answer.status, 400, JSON.stringify(fields).slice(0, 70));
    t.match(answer.body, { code, field }, `${code} on ${field}`);
    t.type(answer.body.error, 'string');
  }
});

t.test('on GET, a builder without a secret works; one with a secret is refused, to be POSTed', async (t) => {
  const get = async (query: string) =>
    (await captureStdout(() => handler(httpApiEvent({ method: 'GET', query }), { awsRequestId: 'g' }))).result;
  const geo = await get('type=geo&latitude=1.5&longitude=2');
  t.equal(geo.statusCode, 200);
  t.equal(await decodeQrText(Buffer.from(geo.body, 'base64')), 'geo:1.5,2');
  t.ok(geo.headers.etag, 'no secret: cacheable as ever');
  const open = await get('type=wifi&ssid=guests&hidden=false');
  t.equal(open.statusCode, 200, 'a network without a password is no secret');
  for (const query of ['type=wifi&ssid=home&password=correcthorse', 'type=otpauth&secret=JBSWY3DPEHPK3PXP&account=a']) {
    const refused = await get(query);
    t.equal(refused.statusCode, 400, query);
    t.match(JSON.parse(refused.body), { code: 'secret_in_url', error: /POST it/ });
  }
});

t.test('the builders table: one builder per type, each with its fields', async (t) => {
  t.same(Object.keys(PAYLOAD_BUILDERS).sort(), [
    'bitcoin',
    'email',
    'emv',
    'epc',
    'event',
    'geo',
    'gs1',
    'mecard',
    'otpauth',
    'pix',
    'sms',
    'swissqr',
    'tel',
    'upi',
    'vcard',
    'wifi',
  ]);
});

// GET refuses a builder's secret fields before anything reads them (generate/options.ts), so a
// payload may be secret only through those fields: without them, none is. A builder whose fields
// exclude each other (epc's reference and text) gets one set of fields for each.
t.test('a payload is secret only through the fields its builder names as secret', async (t) => {
  type FieldSet = Record<string, unknown>;
  const withoutSecrets: Record<keyof typeof PAYLOAD_BUILDERS, FieldSet | FieldSet[]> = {
    wifi: { ssid: 'guests', security: 'nopass', hidden: true },
    email: { to: 'a@example.com', subject: 's', body: 'b' },
    tel: { number: '+1 555 0100' },
    sms: { number: '+1 555 0100', message: 'm' },
    geo: { latitude: 1, longitude: 2 },
    vcard: {
      name: 'Ada Lovelace',
      phone: '+1 555 0100',
      email: 'a@example.com',
      organization: 'o',
      url: 'https://a.example',
    },
    otpauth: { issuer: 'ACME', account: 'a', algorithm: 'SHA1', digits: 6, period: 30 },
    event: { summary: 's', start: '2026-12-24', end: '2026-12-25', location: 'l', description: 'd' },
    mecard: {
      name: 'Ada Lovelace',
      phone: '+1 555 0100',
      email: 'a@example.com',
      url: 'https://a.example',
      address: 'a',
      note: 'n',
    },
    upi: { vpa: 'asha@ybl', name: 'Asha', amount: 10, note: 'n' },
    bitcoin: { address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: 1, label: 'l', message: 'm' },
    gs1: { gtin: '09521234543213', batch: 'b', serial: 's', expiry: '2026-12-31', domain: 'https://example.com' },
    pix: { key: '11144477735', name: 'n', city: 'c', amount: 1, txid: 't', description: 'd' },
    swissqr: {
      account: 'CH5800791123000889012',
      creditor: { name: 'n', street: 's', number: '1', postcode: '2501', town: 't', country: 'CH' },
      debtor: { name: 'n', postcode: '2501', town: 't', country: 'CH' },
      amount: 1,
      currency: 'CHF',
      reference: 'RF18539007547034',
      message: 'm',
      billing: '//S1/10/1',
    },
    emv: [
      { scheme: 'promptpay', proxy: '0812345678', proxyType: 'mobile', amount: 1 },
      {
        scheme: 'paynow',
        proxy: '201912345A',
        proxyType: 'uen',
        amount: 1,
        name: 'n',
        city: 'c',
        reference: 'r',
        editable: true,
        expiry: '2026-12-31',
      },
    ],
    epc: [
      { name: 'n', iban: 'BE72000000001616', bic: 'BPOTBEB1', amount: 1, purpose: 'CHAR', text: 't', info: 'i' },
      { name: 'n', iban: 'BE72000000001616', reference: 'RF18539007547034' },
    ],
  };
  for (const [type, builder] of Object.entries(PAYLOAD_BUILDERS)) {
    const sets = [withoutSecrets[type as keyof typeof PAYLOAD_BUILDERS]].flat();
    t.same(
      [...new Set(sets.flatMap((fields) => Object.keys(fields)))].sort(),
      builder.fields.filter((name) => !(builder.secretFields as readonly string[]).includes(name)).sort(),
      `${type}: every other field`,
    );
    for (const fields of sets) {
      try {
        t.equal(builder.build(fields).secret, false, `${type}: no secret without its secret fields`);
      } catch (error) {
        t.match(
          error,
          { code: 'missing_field', details: { field: builder.secretFields[0] } },
          `${type}: needs its secret`,
        );
      }
    }
  }
  t.throws(() => PAYLOAD_BUILDERS.otpauth.build(withoutSecrets.otpauth as FieldSet), { code: 'missing_field' });
  t.equal(PAYLOAD_BUILDERS.wifi.build({ ssid: 'guests' }).secret, false, 'an open network is no secret');
  t.equal(PAYLOAD_BUILDERS.wifi.build({ ssid: 'home', password: 'correct horse' }).secret, true);
});

// Arbitrary text through the builders: what goes in comes back out, whatever it holds.
t.test('any network name and password, any subject and body: read back exactly', async (t) => {
  const fc = (await import('fast-check')).default;
  const printable = fc.string({
    unit: fc.constantFrom(...'ab;,":\\ \u00e9🎉=&?%#+\'/'.split(/(?=[\s\S])/u)),
    minLength: 1,
    maxLength: 20,
  });
  await fc.assert(
    fc.asyncProperty(
      printable,
      fc.string({ unit: fc.constantFrom(...'x;,":\\ =&?%#+'), minLength: 8, maxLength: 30 }),
      printable,
      async (ssid, password, subject) => {
        const wifi = await post({ type: 'wifi', ssid, password });
        if (wifi.status === 400 && Buffer.byteLength(ssid) > 32) return true;
        const decodedWifi = parseWifi(await decodeQrText(Buffer.from(String(wifi.body.qr_code), 'base64')));
        const email = await post({ type: 'email', to: 'a@example.com', subject, body: `${subject}\n${password}` });
        const url = new URL(await decodeQrText(Buffer.from(String(email.body.qr_code), 'base64')));
        return (
          decodedWifi.ssid === ssid &&
          decodedWifi.password === password &&
          url.searchParams.get('subject') === subject &&
          url.searchParams.get('body') === `${subject}\r\n${password}`
        );
      },
    ),
    { seed: 20261201, numRuns: 60 },
  );
  t.pass('60 random payloads read back');
});
