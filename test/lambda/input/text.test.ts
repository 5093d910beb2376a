// The text reader every builder field and option reads through.
import t from 'tap';
import { stringValue, textField } from '../../../lambda/input/text.js';

t.test('absent is undefined, or missing_field when required; null is a value, refused', async (t) => {
  t.equal(textField({}, 'name'), undefined);
  t.throws(() => textField({}, 'name', { required: true }), { code: 'missing_field', details: { field: 'name' } });
  t.throws(() => textField({ name: null }, 'name'), { code: 'invalid_type', message: /not null/ });
});

t.test('a string, not empty, well-formed, within its length, one line unless multiline', async (t) => {
  t.equal(textField({ name: 'Ada' }, 'name'), 'Ada');
  t.throws(() => textField({ name: 42 }, 'name'), {
    code: 'invalid_type',
    message: "'name' must be a string, not 42",
  });
  t.throws(() => textField({ name: '' }, 'name'), { code: 'empty_value' });
  t.throws(() => textField({ name: 'abc' }, 'name', { max: 2 }), { code: 'out_of_range', details: { max: 2 } });
  t.throws(() => textField({ name: '\ud800' }, 'name'), { code: 'invalid_text', message: /surrogate/ });
  t.throws(() => textField({ name: 'a\nb' }, 'name'), { code: 'invalid_text', message: /control character$/ });
  t.equal(textField({ name: 'a\r\nb' }, 'name', { multiline: true }), 'a\r\nb');
  t.throws(() => textField({ name: 'a\u0007b' }, 'name', { multiline: true }), { message: /other than a line break/ });
});

t.test('a secret field never shows its value, only its kind', async (t) => {
  t.throws(() => textField({ key: 12345678 }, 'key', { secret: true }), {
    code: 'invalid_type',
    message: "'key' must be a string, not a number",
  });
  t.throws(() => stringValue({ k: 1 }, 'key', true), { message: "'key' must be a string, not an object" });
});
