import t from 'tap';
import { etagOf, ifNoneMatchHits } from '../../../lambda/http/etag.js';

t.test('the ETag follows the bytes', async (t) => {
  const tag = etagOf(Buffer.from('a'));
  t.match(tag, /^"[A-Za-z0-9_-]{32}"$/);
  t.equal(etagOf(Buffer.from('a')), tag);
  t.not(etagOf(Buffer.from('b')), tag);
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
