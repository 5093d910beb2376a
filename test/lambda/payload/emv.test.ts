// PromptPay and PayNow codes end to end: POST /generate with type emv, the image decoded back;
// PromptPay payloads equal to promptparse's own generator's to the byte and read back by its
// validator; PayNow payloads rebuilt from a public PayNow generator's example with promptparse's
// TLV encoder, and every payload parsed by promptparse with its CRC checked.
import t, { type Test } from 'tap';
import { encode, generate, parse, tag, type TLVTag, validate, withCrcTag } from 'promptparse';
import { PAYLOAD_BUILDERS } from '../../../lambda/payload/index.js';
import { built as builtBy, post as postFields, strictlyParsed } from '../../helpers/emv.js';

const build = (fields: Record<string, unknown>): string => PAYLOAD_BUILDERS.emv.build(fields).text;

const built = (t: Test, fields: Record<string, unknown>) => builtBy(t, { type: 'emv', ...fields });
const post = (fields: Record<string, unknown>) => postFields({ type: 'emv', ...fields });

// 1101700207030: 1·13 + 1·12 + 0·11 + 1·10 + 7·9 + 0·8 + 0·7 + 2·6 + 0·5 + 7·4 + 0·3 + 3·2 = 144, 144 mod 11 = 1, (11 − 1) mod 10 = 0.
const THAI_ID = '1101700207030';

t.test('PromptPay: promptparse’s own generator’s payload, to the byte, with and without an amount', async (t) => {
  const cases: [Record<string, unknown>, Parameters<typeof generate.anyId>[0]][] = [
    [{ proxy: '0812345678' }, { type: 'MSISDN', target: '0812345678' }],
    [
      { proxy: '+66 81 234 5678', amount: 150 },
      { type: 'MSISDN', target: '0812345678', amount: 150 },
    ],
    [
      { proxy: '066-999-0001', amount: '0.01' },
      { type: 'MSISDN', target: '0669990001', amount: 0.01 },
    ],
    [
      { proxy: '0066912345678', proxyType: 'mobile' },
      { type: 'MSISDN', target: '0912345678' },
    ],
    [{ proxy: THAI_ID }, { type: 'NATID', target: THAI_ID }],
    [
      { proxy: '1-1017-00207-03-0', amount: '1234567.5' },
      { type: 'NATID', target: THAI_ID, amount: 1234567.5 },
    ],
    [
      { proxy: '004999000288505', amount: 99 },
      { type: 'EWALLETID', target: '004999000288505', amount: 99 },
    ],
    [
      { proxy: '140000000000001', proxyType: 'eWallet' },
      { type: 'EWALLETID', target: '140000000000001' },
    ],
  ];
  for (const [fields, config] of cases) {
    const ours = build({ scheme: 'promptpay', ...fields });
    t.equal(ours, generate.anyId(config), JSON.stringify(fields));
    strictlyParsed(t, ours);
    // promptparse's validator writes a mobile number back as Thais write it, 0 and 9 digits.
    const { type, target, amount } = config;
    t.same(
      validate.anyId(ours),
      { type, target, ...(amount === undefined ? {} : { amount }) },
      'promptparse reads it back',
    );
  }
});

t.test('PromptPay through the handler: the decoded image, read as promptparse reads it', async (t) => {
  const text = await built(t, { scheme: 'promptpay', proxy: '081 234 5678', amount: 150 });
  t.equal(text, '00020101021229370016A0000006770101110113006681234567853037645802TH5406150.00630466EF', 'docs/api.md');
  const value = strictlyParsed(t, text);
  t.same(
    [value('00'), value('01'), value('29', '00'), value('29', '01'), value('53'), value('58'), value('54')],
    ['01', '12', 'A000000677010111', '0066812345678', '764', 'TH', '150.00'],
  );
  t.same(validate.anyId(text), { type: 'MSISDN', target: '0812345678', amount: 150 });
});

/**
 * A public PayNow generator's example (VirgilZhao/paynow's README): UEN 12345678, not editable,
 * expiring 2026-03-04, testcompany, 0.99, reference testordernumber12345678, city Singapore.
 */
const PUBLIC_EXAMPLE =
  '00020101021226470009SG.PAYNOW010120208123456780301004082026030452040000530370254040.995802SG5911testcompany6009Singapore62270123testordernumber1234567863040047';

/** The example's data objects with its proxy replaced, re-encoded and its CRC recomputed by promptparse. */
function exampleWithProxy(proxy: string): string {
  const qr = parse(PUBLIC_EXAMPLE, true, true)!;
  const retag = (one: TLVTag): TLVTag =>
    one.id === '26'
      ? tag('26', encode(one.subTags!.map((sub) => (sub.id === '02' ? tag('02', proxy) : tag(sub.id, sub.value)))))
      : tag(one.id, one.value);
  return withCrcTag(
    encode(
      qr
        .getTags()
        .filter((one) => one.id !== '63')
        .map(retag),
    ),
    '63',
  );
}

t.test('PayNow: a public generator’s example, its UEN made a real shape, rebuilt by promptparse', async (t) => {
  t.ok(parse(PUBLIC_EXAMPLE, true, true), 'the example’s CRC holds for promptparse');
  const fields = {
    scheme: 'paynow',
    proxyType: 'uen',
    editable: false,
    expiry: '20260304',
    name: 'testcompany',
    amount: '0.99',
    reference: 'testordernumber12345678',
  };
  for (const uen of ['201912345A', 'T08LL1234A', '53312345D'])
    t.equal(build({ ...fields, proxy: uen }), exampleWithProxy(uen), uen);
  t.equal(build({ ...fields, proxy: '53312345D', expiry: '2026-03-04' }), exampleWithProxy('53312345D'), 'an ISO date');
});

t.test('PayNow through the handler: a mobile number, every field read back by promptparse', async (t) => {
  const text = await built(t, {
    scheme: 'paynow',
    proxy: '+65 9123 4567',
    name: 'Kopi Corner',
    city: 'Tiong Bahru',
    amount: '4.5',
    reference: 'TABLE7',
  });
  const value = strictlyParsed(t, text);
  t.same(
    {
      format: value('00'),
      initiation: value('01'),
      guid: value('26', '00'),
      proxyType: value('26', '01'),
      proxy: value('26', '02'),
      editable: value('26', '03'),
      expiry: value('26', '04'),
      mcc: value('52'),
      currency: value('53'),
      amount: value('54'),
      country: value('58'),
      name: value('59'),
      city: value('60'),
      reference: value('62', '01'),
    },
    {
      format: '01',
      initiation: '12',
      guid: 'SG.PAYNOW',
      proxyType: '0',
      proxy: '+6591234567',
      editable: '0',
      expiry: undefined,
      mcc: '0000',
      currency: '702',
      amount: '4.50',
      country: 'SG',
      name: 'Kopi Corner',
      city: 'Tiong Bahru',
      reference: 'TABLE7',
    },
  );
  const docs = await built(t, {
    scheme: 'paynow',
    proxy: '201912345A',
    name: 'Kopi Corner',
    amount: 4.5,
    reference: 'TABLE7',
    expiry: '2026-12-31',
  });
  t.equal(
    docs,
    '00020101021226490009SG.PAYNOW010120210201912345A0301004082026123152040000530370254044.505802SG5911Kopi Corner6009Singapore62100106TABLE76304AA29',
    'docs/api.md',
  );
});

t.test('PayNow without an amount: static, editable, the city Singapore', async (t) => {
  const value = strictlyParsed(t, build({ scheme: 'paynow', proxy: '81234567', name: 'Ah Beng' }));
  t.same(
    [value('01'), value('26', '01'), value('26', '02'), value('26', '03'), value('54'), value('60')],
    ['11', '0', '+6581234567', '1', undefined, 'Singapore'],
  );
  t.equal(
    strictlyParsed(t, build({ scheme: 'paynow', proxy: '81234567', name: 'N', amount: 1, editable: true }))('26', '03'),
    '1',
    'editable asked for with an amount',
  );
});

t.test('a Thai id’s check digit: of the ten last digits, only the right one is taken', async (t) => {
  for (let digit = 0; digit < 10; digit++) {
    const id = `${THAI_ID.slice(0, 12)}${digit}`;
    const take = () => build({ scheme: 'promptpay', proxy: id });
    if (String(digit) === THAI_ID[12]) t.doesNotThrow(take, id);
    else t.throws(take, { code: 'invalid_value', details: { field: 'proxy' } }, `${id} refused`);
  }
});

t.test('emv refuses what a PromptPay or PayNow code cannot carry, naming the field', async (t) => {
  const pp = { scheme: 'promptpay', proxy: '0812345678' };
  const pn = { scheme: 'paynow', proxy: '91234567', name: 'N' };
  const cases: [Record<string, unknown>, string, string][] = [
    [{ proxy: '0812345678' }, 'missing_field', 'scheme'],
    [{ ...pp, scheme: 'duitnow' }, 'invalid_value', 'scheme'],
    [{ scheme: 'promptpay' }, 'missing_field', 'proxy'],
    [{ ...pp, proxy: '1101700207031' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxy: '0212345678' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxy: '081234567' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxy: '08123456789' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxy: '+65 9123 4567' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxy: '12345678901234' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxyType: 'nationalId' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxy: THAI_ID, proxyType: 'eWallet' }, 'invalid_value', 'proxy'],
    [{ ...pp, proxyType: 'uen' }, 'invalid_value', 'proxyType'],
    [{ ...pp, proxyType: 'bank' }, 'invalid_value', 'proxyType'],
    [{ ...pp, name: 'N' }, 'option_not_applicable', 'name'],
    [{ ...pp, city: 'Bangkok' }, 'option_not_applicable', 'city'],
    [{ ...pp, reference: 'R' }, 'option_not_applicable', 'reference'],
    [{ ...pp, editable: true }, 'option_not_applicable', 'editable'],
    [{ ...pp, expiry: '2026-12-31' }, 'option_not_applicable', 'expiry'],
    [{ ...pp, amount: 0 }, 'out_of_range', 'amount'],
    [{ ...pp, amount: '10.001' }, 'out_of_range', 'amount'],
    [{ ...pp, amount: 1e10 }, 'out_of_range', 'amount'],
    [{ ...pn, proxyType: 'nationalId' }, 'invalid_value', 'proxyType'],
    [{ ...pn, proxy: '61234567' }, 'invalid_value', 'proxy'],
    [{ ...pn, proxy: '+66 81 234 5678' }, 'invalid_value', 'proxy'],
    [{ ...pn, proxy: '201912345' }, 'invalid_value', 'proxy'],
    [{ ...pn, proxy: 'X08LL1234A' }, 'invalid_value', 'proxy'],
    [{ ...pn, proxy: '201912345A', proxyType: 'mobile' }, 'invalid_value', 'proxy'],
    [{ ...pn, name: undefined }, 'missing_field', 'name'],
    [{ ...pn, name: 'x'.repeat(26) }, 'out_of_range', 'name'],
    [{ ...pn, name: 'Kopi ☕' }, 'invalid_text', 'name'],
    [{ ...pn, city: 'Singapore Central' }, 'out_of_range', 'city'],
    [{ ...pn, reference: 'x'.repeat(26) }, 'out_of_range', 'reference'],
    [{ ...pn, editable: 'yes' }, 'invalid_value', 'editable'],
    [{ ...pn, editable: false }, 'conflicting_options', 'editable'],
    [{ ...pn, expiry: '2026-02-30' }, 'invalid_value', 'expiry'],
    [{ ...pn, expiry: '31/12/2026' }, 'invalid_value', 'expiry'],
    [{ ...pn, expiry: '19991231' }, 'invalid_value', 'expiry'],
    [{ ...pn, txid: 'T' }, 'unknown_option', 'txid'],
  ];
  for (const [fields, code, field] of cases) {
    const answer = await post(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
    t.equal(answer.status, 400, JSON.stringify(fields).slice(0, 80));
    t.match(answer.body, { code, field }, `${code} on ${field}`);
  }
});
