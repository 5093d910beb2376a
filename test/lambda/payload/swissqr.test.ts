// Swiss QR codes end to end: POST /generate with type swissqr, the image read back by ZXing at
// level M and version 25 at most, the Swiss cross at its centre, and the payload compared with
// what swissqrbill (a generator this project did not write) puts in its own code for the same
// bill, read from its own drawing.
import t from 'tap';
import { Resvg } from '@resvg/resvg-js';
import { SwissQRCode } from 'swissqrbill/svg';
import type { Data } from 'swissqrbill/types';
import { isQRIBAN, isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { handler } from '../../../lambda/handler.js';
import { PAYLOAD_BUILDERS } from '../../../lambda/payload/index.js';
import { SWISS_CROSS_SIZE, SWISS_CROSS_SVG } from '../../../lambda/payload/swiss-cross.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

async function post(fields: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const event = httpApiEvent({
    method: 'POST',
    body: JSON.stringify(fields),
    headers: { 'content-type': 'application/json', ...headers },
  });
  const { result } = await captureStdout(() => handler(event, { awsRequestId: 'swissqr' }));
  return {
    status: result.statusCode,
    headers: result.headers,
    body: JSON.parse(result.body) as Record<string, unknown>,
  };
}

/** The text swissqrbill encodes for a bill: its own SVG drawn by resvg and read by ZXing. */
async function swissqrbillText(data: Data): Promise<string> {
  const svg = new SwissQRCode(data).toString();
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 500 }, background: 'white' }).render();
  const rgba = new Uint8ClampedArray(image.pixels.buffer, image.pixels.byteOffset, image.pixels.byteLength);
  return (await decodeQr({ width: image.width, height: image.height, rgba })).bytes.toString('utf8');
}

const creditor = {
  name: 'Robert Schneider AG',
  street: 'Rue du Lac',
  number: '1268',
  postcode: '2501',
  town: 'Biel',
  country: 'CH',
};
const debtor = {
  name: 'Pia-Maria Rutschmann-Schnyder',
  street: 'Grosse Marktgasse',
  number: 28,
  postcode: 9400,
  town: 'Rorschach',
  country: 'ch',
};
/** The same parties as swissqrbill takes them. */
const theirs = (party: typeof creditor | typeof debtor) => ({
  name: party.name,
  address: party.street,
  buildingNumber: party.number,
  zip: party.postcode,
  city: party.town,
  country: party.country.toUpperCase(),
});

t.test(
  'a QR-IBAN with a QR reference, a debtor and a message: as swissqrbill writes it, the cross at the centre',
  async (t) => {
    const fields = {
      type: 'swissqr',
      account: 'CH44 3199 9123 0008 8901 2',
      creditor,
      debtor,
      amount: 1949.75,
      currency: 'CHF',
      reference: '21 00000 00003 13947 14300 09017',
      message: 'Auftrag vom 15.06.2020',
      billing: '//S1/10/10201409/11/200701/20/140.000-53/30/102673831/31/200615/32/7.7/33/7.7:49.82/40/0:30',
    };
    const answer = await post(fields);
    t.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
    const png = Buffer.from(String(answer.body.qr_code), 'base64');
    const qr = await decodeQr(png);
    const text = qr.bytes.toString('utf8');
    t.equal(text, answer.body.payload, 'the image holds the payload the answer echoes');
    t.equal(qr.ecLevel, 'M', 'level M, as the guidelines require');
    t.ok(Number(qr.version) <= 25, `version ${qr.version}: at most 25`);
    t.equal(
      text,
      await swissqrbillText({
        currency: 'CHF',
        amount: 1949.75,
        creditor: { account: 'CH4431999123000889012', ...theirs(creditor) },
        debtor: theirs(debtor),
        reference: '210000000003139471430009017',
        message: 'Auftrag vom 15.06.2020',
        additionalInformation: fields.billing,
      }),
      'the very text swissqrbill encodes for the same bill',
    );
    const lines = text.split('\n');
    t.equal(
      lines.length,
      32,
      'header, account, 3 × 7 address lines, amount, currency, reference, message, EPD, billing',
    );
    t.ok(isQRIBAN(lines[3]!), 'swissqrbill: a QR-IBAN');
    t.same(lines.slice(27, 29), ['QRR', '210000000003139471430009017']);
    t.ok(isQRReferenceValid(lines[28]!), 'swissqrbill: a valid QR reference');
    t.same(answer.body.verified, {
      decoders: ['zxing-wasm', 'jsqr'],
      sizes: answer.body.verified && (answer.body.verified as { sizes: number[] }).sizes,
      ec_level: 'M',
      worst_block_share: (answer.body.verified as { worst_block_share: number }).worst_block_share,
      logo_size: 7 / 46,
    });
    t.equal(answer.headers['x-qr-verified'], 'zxing-wasm, jsqr', 'read by both decoders before it left');
    // The cross: 7/46 of the symbol (quiet zone excluded) at its centre, black with a white cross.
    const svg = await post({ ...fields, format: 'svg' });
    const modules = (Number(qr.version) - 1) * 4 + 21;
    const unit = 10;
    const image = new Resvg(Buffer.from(String(svg.body.qr_code), 'base64').toString('utf8'), {
      fitTo: { mode: 'width', value: (modules + 8) * unit },
    }).render();
    const centre = image.width / 2;
    const dark = (dx: number, dy: number) => {
      const at = (Math.round(centre + dy * unit) * image.width + Math.round(centre + dx * unit)) * 4;
      return image.pixels[at]! < 128;
    };
    const half = (modules * SWISS_CROSS_SIZE) / 2;
    t.notOk(dark(0, 0), 'the cross is white at the centre');
    t.ok(dark(-half * 0.75, -half * 0.75) && dark(half * 0.75, half * 0.75), 'on a black square');
    t.notOk(dark(-half * 0.97, 0) || dark(0, half * 0.97), 'in a white border');
  },
);

t.test(
  'an IBAN with an RF reference, with none, and an amount left to the payer: as swissqrbill writes them',
  async (t) => {
    const bills: [Record<string, unknown>, Data][] = [
      [
        {
          account: 'CH58 0079 1123 0008 8901 2',
          creditor,
          amount: '100',
          currency: 'EUR',
          reference: 'RF18 5390 0754 7034',
        },
        {
          currency: 'EUR',
          amount: 100,
          creditor: { account: 'CH5800791123000889012', ...theirs(creditor) },
          reference: 'RF18539007547034',
        },
      ],
      [
        {
          account: 'LI21 0881 0000 2324 013A A',
          creditor: { ...creditor, street: undefined, number: undefined },
          currency: 'CHF',
          message: 'Spende',
        },
        {
          currency: 'CHF',
          creditor: {
            account: 'LI21088100002324013AA',
            name: creditor.name,
            address: '',
            zip: creditor.postcode,
            city: creditor.town,
            country: 'CH',
          },
          message: 'Spende',
        },
      ],
    ];
    for (const [fields, data] of bills) {
      const answer = await post({ type: 'swissqr', ...JSON.parse(JSON.stringify(fields)) });
      t.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
      const text = (await decodeQr(Buffer.from(String(answer.body.qr_code), 'base64'))).bytes.toString('utf8');
      t.equal(text, answer.body.payload);
      t.equal(text, await swissqrbillText(data), `${String(fields.account)}: the text swissqrbill encodes`);
    }
    const scor = String((await post({ type: 'swissqr', ...bills[0]![0] })).body.payload).split('\n');
    t.same(scor.slice(18, 20), ['100.00', 'EUR'], 'two decimals');
    t.same(scor.slice(27, 29), ['SCOR', 'RF18539007547034']);
    t.ok(isSCORReferenceValid(scor[28]!), 'swissqrbill: a valid RF reference');
    t.equal(scor.at(-1), 'EPD', 'no bill information: EPD last');
  },
);

t.test('a bill that needs more than version 25 is refused, naming the text to shorten', async (t) => {
  const long = { ...creditor, name: 'Ä'.repeat(70), street: 'Ö'.repeat(70), town: 'Ü'.repeat(35) };
  const fields = {
    account: 'CH58 0079 1123 0008 8901 2',
    creditor: long,
    debtor: long,
    currency: 'CHF',
    message: 'é'.repeat(140),
  };
  t.throws(() => PAYLOAD_BUILDERS.swissqr.build(fields), {
    code: 'out_of_range',
    message: /version 25 at level M/,
    details: { field: 'message', max: 997 },
  });
  const fits = PAYLOAD_BUILDERS.swissqr.build({ ...fields, message: 'é'.repeat(80) }).text;
  t.ok(Buffer.byteLength(fits) <= 997, 'just under: taken');
  const answer = await post({ type: 'swissqr', ...fields, message: 'é'.repeat(80) });
  t.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
  const qr = await decodeQr(Buffer.from(String(answer.body.qr_code), 'base64'));
  t.ok(Number(qr.version) <= 25, `version ${qr.version}`);
});

t.test('swissqr refuses what a QR-bill cannot carry, naming the field', async (t) => {
  const base = { type: 'swissqr', account: 'CH5800791123000889012', creditor, currency: 'CHF' };
  const qrIban = 'CH4431999123000889012';
  const cases: [Record<string, unknown>, string, string][] = [
    [{ ...base, account: undefined }, 'missing_field', 'account'],
    [{ ...base, account: 'DE89370400440532013000' }, 'invalid_value', 'account'],
    [{ ...base, account: 'CH5800791123000889013' }, 'invalid_value', 'account'],
    [{ ...base, creditor: undefined }, 'missing_field', 'creditor'],
    [{ ...base, creditor: 'Robert Schneider AG, Biel' }, 'invalid_type', 'creditor'],
    [{ ...base, creditor: { ...creditor, name: undefined } }, 'missing_field', 'creditor.name'],
    [{ ...base, creditor: { ...creditor, town: undefined } }, 'missing_field', 'creditor.town'],
    [{ ...base, creditor: { ...creditor, addressLine1: 'x' } }, 'unknown_option', 'creditor.addressLine1'],
    [{ ...base, creditor: { ...creditor, country: 'CHE' } }, 'out_of_range', 'creditor.country'],
    [{ ...base, creditor: { ...creditor, country: 'C1' } }, 'invalid_value', 'creditor.country'],
    [{ ...base, creditor: { ...creditor, town: 'x'.repeat(36) } }, 'out_of_range', 'creditor.town'],
    [{ ...base, creditor: { ...creditor, name: 'Café 🎉' } }, 'invalid_text', 'creditor.name'],
    [{ ...base, debtor: { ...debtor, number: 'x'.repeat(17) } }, 'out_of_range', 'debtor.number'],
    [{ ...base, debtor: { ...debtor, postcode: -1 } }, 'out_of_range', 'debtor.postcode'],
    [{ ...base, currency: undefined }, 'missing_field', 'currency'],
    [{ ...base, currency: 'USD' }, 'invalid_value', 'currency'],
    [{ ...base, amount: 0 }, 'out_of_range', 'amount'],
    [{ ...base, amount: 1e9 }, 'out_of_range', 'amount'],
    [{ ...base, amount: '1.001' }, 'out_of_range', 'amount'],
    [{ ...base, account: qrIban }, 'missing_field', 'reference'],
    [{ ...base, account: qrIban, reference: 'RF18539007547034' }, 'invalid_value', 'reference'],
    [{ ...base, account: qrIban, reference: '210000000003139471430009018' }, 'invalid_value', 'reference'],
    [{ ...base, account: qrIban, reference: '000000000000000000000000000' }, 'invalid_value', 'reference'],
    [{ ...base, reference: '210000000003139471430009017' }, 'conflicting_options', 'reference'],
    [{ ...base, reference: 'RF19539007547034' }, 'invalid_value', 'reference'],
    [{ ...base, message: 'm'.repeat(141) }, 'out_of_range', 'message'],
    [{ ...base, message: 'two\nlines' }, 'invalid_text', 'message'],
    [{ ...base, billing: 'S1/10/10201409' }, 'invalid_value', 'billing'],
    [{ ...base, message: 'm'.repeat(100), billing: `//S1/${'1'.repeat(40)}` }, 'out_of_range', 'billing'],
    [{ ...base, ecLevel: 'H' }, 'conflicting_options', 'ecLevel'],
    [{ ...base, logo: 'PHN2Zz48L3N2Zz4=' }, 'conflicting_options', 'logo'],
    [{ ...base, logoSize: 0.1 }, 'conflicting_options', 'logoSize'],
    [{ ...base, format: 'txt' }, 'option_not_applicable', 'format'],
  ];
  for (const [fields, code, field] of cases) {
    const answer = await post(JSON.parse(JSON.stringify(fields)) as Record<string, unknown>);
    t.equal(answer.status, 400, JSON.stringify(fields).slice(0, 90));
    t.match(answer.body, { code, field }, `${code} on ${field}`);
  }
  const text = await post(base, { accept: 'text/plain' });
  t.match(text, {
    status: 406,
    body: { code: 'not_acceptable', error: /swissqr codes have a picture at their centre/ },
  });
});

t.test('on GET, a swissqr code’s addresses are objects a query cannot carry: refused, to be POSTed', async (t) => {
  const { result } = await captureStdout(() =>
    handler(
      httpApiEvent({
        method: 'GET',
        query: 'type=swissqr&account=CH5800791123000889012&currency=CHF&creditor=Robert%20Schneider%20AG',
      }),
      { awsRequestId: 'g' },
    ),
  );
  t.equal(result.statusCode, 400);
  t.match(JSON.parse(result.body), { code: 'invalid_type', field: 'creditor', error: /POST a JSON body/ });
});

t.test(
  'the exemption is the overlay’s alone: the same cross sent as a logo still may not cover the alignment pattern',
  async (t) => {
    const text = PAYLOAD_BUILDERS.swissqr.build({
      account: 'CH5800791123000889012',
      creditor,
      debtor,
      currency: 'CHF',
      message: 'Auftrag vom 15.06.2020',
    }).text; // version 7 or more: an alignment pattern at the centre
    const logo = `data:image/svg+xml;base64,${Buffer.from(SWISS_CROSS_SVG).toString('base64')}`;
    const answer = await post({ text, logo, logoSize: SWISS_CROSS_SIZE, logoMargin: 0, ecLevel: 'M' });
    t.equal(answer.status, 422);
    t.match(answer.body, { code: 'unscannable', functionModules: Number });
    t.ok(Number(answer.body.functionModules) > 0, 'the centre’s alignment pattern reads wrong');
  },
);
