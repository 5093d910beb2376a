// The data to encode: any text, control characters included, and none too long for any QR code.
import t from 'tap';
import { dataValue, MAX_DATA_LENGTH } from '../../../lambda/input/data.js';

t.test('any non-empty, well-formed text; past 7089 characters a 413', async (t) => {
  t.equal(MAX_DATA_LENGTH, 7089, 'version 40-L, digits only');
  t.equal(dataValue('line\r\nbreak\u0000', 'url'), 'line\r\nbreak\u0000', 'a code may hold control characters');
  t.equal(dataValue('1'.repeat(7089), 'url').length, 7089);
  const error = t.throws(() => dataValue('1'.repeat(7090), 'url'), { code: 'data_too_large' }) as unknown as {
    statusCode: number;
  };
  t.equal(error.statusCode, 413);
  t.throws(() => dataValue('', 'url'), { code: 'empty_value' });
  t.throws(() => dataValue(7, 'url'), { code: 'invalid_type' });
  t.throws(() => dataValue('\udc00', 'url'), { code: 'invalid_text' });
});
