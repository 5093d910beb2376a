// The flag reader: true or false, as JSON or as the strings a query carries.
import t from 'tap';
import { flagField } from '../../../lambda/input/flag.js';

t.test('true and false, as booleans or strings; nothing else', async (t) => {
  t.equal(flagField({ private: true }, 'private'), true);
  t.equal(flagField({ private: 'true' }, 'private'), true);
  t.equal(flagField({ private: false }, 'private'), false);
  t.equal(flagField({ private: 'false' }, 'private'), false);
  t.equal(flagField({}, 'private'), undefined);
  for (const value of ['yes', 'TRUE', 1, null, '']) {
    t.throws(() => flagField({ private: value }, 'private'), {
      code: 'invalid_value',
      details: { allowed: ['true', 'false'] },
    });
  }
});
