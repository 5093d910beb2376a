// The number reader: JSON numbers, or their digits as a string (all a query has).
import t from 'tap';
import { numberField } from '../../../lambda/input/number.js';

const size = { min: 21, max: 2048, integer: true };

t.test('a whole number in range, as a JSON number or digits; -0 is 0', async (t) => {
  t.equal(numberField({ size: 300 }, 'size', size), 300);
  t.equal(numberField({ size: '300' }, 'size', size), 300);
  t.equal(numberField({ size: '+300' }, 'size', size), 300);
  t.equal(numberField({ m: -0 }, 'm', { min: 0, max: 16, integer: true }), 0);
  t.ok(Object.is(numberField({ m: '-0' }, 'm', { min: 0, max: 16, integer: true }), 0));
  t.equal(numberField({}, 'size', size), undefined);
  t.throws(() => numberField({}, 'size', { ...size, required: true }), { code: 'missing_field' });
});

t.test('anything else is out_of_range, with the range and the value as given', async (t) => {
  for (const value of [20, 2049, 1.5, '1.5', '100.0', ' 100', '1e3', '0x20', '100px', '', null, true, [300]]) {
    t.throws(() => numberField({ size: value }, 'size', size), {
      code: 'out_of_range',
      message: /^'size' must be a whole number from 21 to 2048, not /,
      details: { field: 'size', min: 21, max: 2048 },
    });
  }
});

t.test('a decimal takes a fraction and a sign, never an exponent', async (t) => {
  const latitude = { min: -90, max: 90 };
  t.equal(numberField({ lat: '-48.8583701' }, 'lat', latitude), -48.8583701);
  t.equal(numberField({ lat: 0.5 }, 'lat', latitude), 0.5);
  t.throws(() => numberField({ lat: '1e1' }, 'lat', latitude), { message: /must be a number from -90 to 90/ });
  t.throws(() => numberField({ lat: Number.NaN }, 'lat', latitude), { code: 'out_of_range' });
});
