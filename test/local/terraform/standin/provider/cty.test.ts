import t from 'tap';
import {
  UNKNOWN,
  decodeValue,
  encodeValue,
  fromDynamic,
  isWhollyKnown,
  toDynamic,
  type Value,
} from '../../../../../local/terraform/standin/provider/cty.js';

t.test('values round-trip, with unknowns as cty extension 0', async (t) => {
  const value: Value = {
    name: 'qr',
    size: 256,
    ratio: 0.5,
    on: true,
    none: null,
    list: ['a', UNKNOWN],
    nested: { arn: UNKNOWN },
  };
  t.same(decodeValue(encodeValue(value)), value);
  t.same([...encodeValue(UNKNOWN)], [0xd4, 0, 0], "cty's own bytes for an unknown value");
});

t.test('a refined unknown (extension 12) is unknown too', async (t) => {
  // fixext1 would not carry refinements; Terraform sends ext8: length, type 12, then a map.
  const refined = Uint8Array.from([0xc7, 3, 12, 0x81, 0x01, 0xc2]);
  t.equal(decodeValue(refined), UNKNOWN);
});

t.test('DynamicValue: MessagePack, JSON, or nothing', async (t) => {
  t.same(fromDynamic(toDynamic({ a: 1 })), { a: 1 });
  t.same(fromDynamic({ json: Buffer.from('{"a":[1,2]}') }), { a: [1, 2] });
  t.equal(fromDynamic(undefined), null);
  t.equal(isWhollyKnown({ a: [1, { b: UNKNOWN }] }), false);
  t.equal(isWhollyKnown({ a: [1, { b: 2 }] }), true);
});
