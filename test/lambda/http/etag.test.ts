import t from 'tap';
import { etagOf, ifNoneMatchHits } from '../../../lambda/http/etag.js';

t.test('the ETag is the bytes’ SHA-256, base64url, its first 32 characters, quoted', async (t) => {
  // SHA-256("a") = ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb
  t.equal(etagOf(Buffer.from('a')), '"ypeBEsobvcr6wjGzmiPcTaeG7_gUfE5y"');
  t.equal(etagOf(Buffer.from('b')), '"PiPoFgA5WUoziU9lZOGxNIu9egCI1CxK"');
});

t.test('If-None-Match uses weak comparison and lists', async (t) => {
  const tag = '"abc"';
  t.ok(ifNoneMatchHits('"abc"', tag));
  t.ok(ifNoneMatchHits('W/"abc"', tag));
  t.ok(ifNoneMatchHits('"x", "abc"', tag));
  t.ok(ifNoneMatchHits('*', tag));
  t.notOk(ifNoneMatchHits(undefined, tag));
  t.notOk(ifNoneMatchHits('"abcd"', tag));
  t.notOk(ifNoneMatchHits('abc', tag), 'tags are quoted');
});
