// The object reader: a field holding named fields (an address), each renamed in full so the
// readers and their refusals name it as `creditor.town`.
import t from 'tap';
import { objectField } from '../../../lambda/input/object.js';
import { textField } from '../../../lambda/input/text.js';

t.test('an object’s fields, named in full; absent is undefined unless required', async (t) => {
  const inner = objectField({ creditor: { name: 'Ada', town: 'Biel' } }, 'creditor', ['name', 'town']);
  t.same({ ...inner }, { 'creditor.name': 'Ada', 'creditor.town': 'Biel' });
  t.equal(textField(inner!, 'creditor.town'), 'Biel');
  t.throws(() => textField(inner!, 'creditor.street', { required: true }), {
    code: 'missing_field',
    details: { field: 'creditor.street' },
  });
  t.equal(objectField({}, 'debtor', ['name']), undefined);
  t.throws(() => objectField({}, 'creditor', ['name'], { required: true }), {
    code: 'missing_field',
    details: { field: 'creditor' },
  });
  t.same({ ...objectField({ debtor: {} }, 'debtor', ['name']) }, {}, 'an empty object has no fields');
});

t.test('anything but an object is refused, as is a field it does not take', async (t) => {
  for (const value of ['Ada, Biel', 1, null, ['Ada'], true]) {
    t.throws(() => objectField({ creditor: value }, 'creditor', ['name', 'town']), {
      code: 'invalid_type',
      message: /^'creditor' must be an object with the fields name, town, not /,
      details: { field: 'creditor', allowed: ['name', 'town'] },
    });
  }
  t.throws(() => objectField({ creditor: 'Ada' }, 'creditor', ['name']), { message: /POST a JSON body/ });
  t.throws(() => objectField({ creditor: { name: 'Ada', __proto__x: 1 } }, 'creditor', ['name']), {
    code: 'unknown_option',
    details: { field: 'creditor.__proto__x', allowed: ['name'] },
  });
  const inner = objectField(JSON.parse('{"c": {"__proto__": "x"}}') as Record<string, unknown>, 'c', ['__proto__']);
  t.equal(inner?.['c.__proto__'], 'x', 'a field named __proto__ is a field like any other');
});
