// The choice reader: one of a list, compared case-insensitively, answered as the list writes it.
import t from 'tap';
import { choiceField } from '../../../lambda/input/choice.js';

t.test('any case in, the list’s spelling out; anything else names the choices', async (t) => {
  t.equal(choiceField({ ecLevel: 'h' }, 'ecLevel', ['L', 'M', 'Q', 'H'] as const), 'H');
  t.equal(choiceField({ format: 'PNG' }, 'format', ['png', 'svg'] as const), 'png');
  t.equal(choiceField({}, 'format', ['png']), undefined);
  t.throws(() => choiceField({}, 'format', ['png'], { required: true }), { code: 'missing_field' });
  for (const value of ['gif', '', null, 1, ['png']]) {
    t.throws(() => choiceField({ format: value }, 'format', ['png', 'svg']), {
      code: 'invalid_value',
      message: /^'format' must be one of png, svg, not /,
      details: { field: 'format', allowed: ['png', 'svg'] },
    });
  }
});
