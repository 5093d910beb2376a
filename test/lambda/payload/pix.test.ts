// Pix BR Codes end to end: POST /generate with type pix, the image decoded back, the payload
// parsed by promptparse (an EMV TLV reader that checks the CRC) and its keys' check digits
// checked by cpf-cnpj-validator; the manual's own example reproduced to the last character.
import t, { type Test } from 'tap';
import { cnpj, cpf } from 'cpf-cnpj-validator';
import { parse } from 'promptparse';
import { PAYLOAD_BUILDERS } from '../../../lambda/payload/index.js';
import { built as builtBy, post, strictlyParsed } from '../../helpers/emv.js';

const built = (t: Test, fields: Record<string, unknown>) => builtBy(t, { type: 'pix', ...fields });

/** The BR Code read by promptparse, strictly (its CRC checked), as the tags a payer's app reads. */
function read(t: Test, text: string) {
  const value = strictlyParsed(t, text);
  return {
    format: value('00'),
    initiation: value('01'),
    gui: value('26', '00'),
    key: value('26', '01'),
    description: value('26', '02'),
    mcc: value('52'),
    currency: value('53'),
    amount: value('54'),
    country: value('58'),
    name: value('59'),
    city: value('60'),
    txid: value('62', '05'),
  };
}

t.test('the manual’s static example (Fulano de Tal, BRASILIA, a random key), to the last character', async (t) => {
  const text = await built(t, {
    key: '123e4567-e12b-12d1-a456-426655440000',
    name: 'Fulano de Tal',
    city: 'BRASILIA',
  });
  // Manual de Padrões para Iniciação do Pix, its example of a static BR Code.
  t.equal(
    text,
    '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D',
  );
  t.same(read(t, text), {
    format: '01',
    initiation: undefined,
    gui: 'br.gov.bcb.pix',
    key: '123e4567-e12b-12d1-a456-426655440000',
    description: undefined,
    mcc: '0000',
    currency: '986',
    amount: undefined,
    country: 'BR',
    name: 'Fulano de Tal',
    city: 'BRASILIA',
    txid: '***',
  });
});

t.test('every field: a phone key as people write it, an amount, a txid, a description, accents dropped', async (t) => {
  const text = await built(t, {
    key: '+55 (61) 98888-7777',
    name: 'Padaria São João',
    city: 'São Paulo',
    amount: '1234.5',
    txid: 'PEDIDO42',
    description: 'Pão de queijo',
  });
  t.same(read(t, text), {
    format: '01',
    initiation: undefined,
    gui: 'br.gov.bcb.pix',
    key: '+5561988887777',
    description: 'Pao de queijo',
    mcc: '0000',
    currency: '986',
    amount: '1234.50',
    country: 'BR',
    name: 'Padaria Sao Joao',
    city: 'Sao Paulo',
    txid: 'PEDIDO42',
  });
  t.match(text, /^000201/, 'the payload format indicator first');
  t.match(text, /6304[0-9A-F]{4}$/, 'the CRC last, four upper-case hex digits');
});

t.test(
  'each kind of key in the form the DICT registers it; CPFs and CNPJs as cpf-cnpj-validator checks them',
  async (t) => {
    const keyOf = (given: string) => PAYLOAD_BUILDERS.pix.build({ key: given, name: 'N', city: 'C' }).text;
    const keys: [string, string][] = [
      ['111.444.777-35', '11144477735'],
      ['11.222.333/0001-81', '11222333000181'],
      ['12.abc.345/01de-35', '12ABC34501DE35'],
      ['Fulano.Recebedor@Example.com', 'fulano.recebedor@example.com'],
      ['123E4567-E12B-12D1-A456-426655440000', '123e4567-e12b-12d1-a456-426655440000'],
    ];
    for (const [given, key] of keys)
      t.equal(parse(keyOf(given), true, true)?.getTagValue('26', '01'), key, `${given} → ${key}`);
    t.ok(cpf.isValid('11144477735') && cnpj.isValid('11222333000181') && cnpj.isValid('12ABC34501DE35'));
    // Any CPF or CNPJ the validator makes, numeric or alphanumeric, is taken; change its last digit and neither takes it.
    for (let i = 0; i < 40; i++) {
      const id = i % 2 === 0 ? cpf.generate() : cnpj.generate();
      t.doesNotThrow(() => keyOf(id), `${id} taken`);
      const wrong = `${id.slice(0, -1)}${(Number(id.at(-1)) + 1) % 10}`;
      t.equal((i % 2 === 0 ? cpf : cnpj).isValid(wrong), false, `${wrong}: not valid for cpf-cnpj-validator`);
      t.throws(() => keyOf(wrong), { code: 'invalid_value', details: { field: 'key' } }, `${wrong} refused`);
    }
  },
);

t.test('the key and the description share the 99 characters of the account template', async (t) => {
  const key = `${'a'.repeat(64)}@example.com`; // 76 characters: 18 + 4 + 76 leaves 1 for the description's own 4
  t.throws(() => PAYLOAD_BUILDERS.pix.build({ key, name: 'N', city: 'C', description: 'x' }), {
    code: 'out_of_range',
    details: { field: 'description', max: 0 },
  });
  const room = 99 - 18 - 4 - 36 - 4;
  const evp = '123e4567-e12b-12d1-a456-426655440000';
  const text = PAYLOAD_BUILDERS.pix.build({ key: evp, name: 'N', city: 'C', description: 'd'.repeat(room) }).text;
  t.equal(parse(text, true, true)!.getTag('26')!.length, 99, 'a full template: 99 characters');
  t.throws(() => PAYLOAD_BUILDERS.pix.build({ key: evp, name: 'N', city: 'C', description: 'd'.repeat(room + 1) }), {
    code: 'out_of_range',
    details: { field: 'description', max: room },
  });
});

t.test('pix refuses what a BR Code cannot carry, naming the field', async (t) => {
  const base = { type: 'pix', key: '11144477735', name: 'N', city: 'C' };
  const cases: [Record<string, unknown>, string, string][] = [
    [{ type: 'pix', name: 'N', city: 'C' }, 'missing_field', 'key'],
    [{ ...base, name: undefined }, 'missing_field', 'name'],
    [{ ...base, city: undefined }, 'missing_field', 'city'],
    [{ ...base, key: '11144477736' }, 'invalid_value', 'key'],
    [{ ...base, key: '11111111111' }, 'invalid_value', 'key'],
    [{ ...base, key: '11222333000182' }, 'invalid_value', 'key'],
    [{ ...base, key: '+5561888877777' }, 'invalid_value', 'key'],
    [{ ...base, key: '+14155550100' }, 'invalid_value', 'key'],
    [{ ...base, key: 'pix%x@bcb.gov.br' }, 'invalid_value', 'key'],
    [{ ...base, key: '123e4567-e12b-12d1-a456-42665544000' }, 'invalid_value', 'key'],
    [{ ...base, key: 'x'.repeat(78) }, 'out_of_range', 'key'],
    [{ ...base, key: 'loja' }, 'invalid_value', 'key'],
    [{ ...base, name: 'x'.repeat(26) }, 'out_of_range', 'name'],
    [{ ...base, city: 'Florianópolis SC' }, 'out_of_range', 'city'],
    [{ ...base, name: 'Café ☕' }, 'invalid_text', 'name'],
    [{ ...base, city: '北京' }, 'invalid_text', 'city'],
    [{ ...base, amount: 0 }, 'out_of_range', 'amount'],
    [{ ...base, amount: '10.001' }, 'out_of_range', 'amount'],
    [{ ...base, amount: 1e10 }, 'out_of_range', 'amount'],
    [{ ...base, txid: 'PEDIDO-42' }, 'invalid_value', 'txid'],
    [{ ...base, txid: 'x'.repeat(26) }, 'out_of_range', 'txid'],
    [{ ...base, description: 'two\nlines' }, 'invalid_text', 'description'],
    [{ ...base, url: 'https://example.com' }, 'unknown_option', 'url'],
  ];
  for (const [fields, code, field] of cases) {
    const answer = await post(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
    t.equal(answer.status, 400, JSON.stringify(fields).slice(0, 80));
    t.match(answer.body, { code, field }, `${code} on ${field}`);
  }
});
