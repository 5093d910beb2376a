// The decimal reader: amounts of money or of a coin, answered as their exact digits.
import t from 'tap';
import { decimalField } from '../../../lambda/input/decimal.js';

const euros = { min: 0.01, max: 999999999.99, decimals: 2 };
const coins = { min: 0.00000001, max: 21000000, decimals: 8 };

t.test('a JSON number or its digits, answered as plain digits without trailing zeros', async (t) => {
  t.equal(decimalField({ a: 12.5 }, 'a', euros), '12.5');
  t.equal(decimalField({ a: '12.50' }, 'a', euros), '12.5');
  t.equal(decimalField({ a: '+012' }, 'a', euros), '12');
  t.equal(decimalField({ a: 1 }, 'a', euros), '1');
  t.equal(decimalField({ a: 999999999.99 }, 'a', euros), '999999999.99');
  t.equal(decimalField({ a: '0.01' }, 'a', euros), '0.01');
  t.equal(decimalField({ a: 1e-8 }, 'a', coins), '0.00000001', 'never in exponent form');
  t.equal(decimalField({ a: '20999999.99999999' }, 'a', coins), '20999999.99999999', 'every digit of a string');
  t.equal(decimalField({ a: '-0.0' }, 'a', { min: -1, max: 1, decimals: 2 }), '0', '-0 is 0');
  t.equal(decimalField({ a: '-0.5' }, 'a', { min: -1, max: 1, decimals: 2 }), '-0.5');
  t.equal(decimalField({}, 'a', euros), undefined);
  t.throws(() => decimalField({}, 'a', { ...euros, required: true }), { code: 'missing_field' });
});

t.test('too many decimals, out of range or not plain digits: out_of_range with the rule', async (t) => {
  for (const value of [
    0,
    '0.00',
    0.001,
    '1.005',
    0.1 + 0.2,
    1e9,
    '1e3',
    '1,50',
    ' 1',
    '1.',
    '.5',
    '',
    'NaN',
    null,
    true,
    [1],
  ]) {
    t.throws(() => decimalField({ a: value }, 'a', euros), {
      code: 'out_of_range',
      message: /^'a' must be a number from 0\.01 to 999999999\.99 with at most 2 decimals, not /,
      details: { field: 'a', min: 0.01, max: 999999999.99, decimals: 2 },
    });
  }
  t.throws(() => decimalField({ a: Number.POSITIVE_INFINITY }, 'a', coins), { code: 'out_of_range' });
  t.throws(() => decimalField({ a: '21000000.00000001' }, 'a', coins), { code: 'out_of_range' });
});
