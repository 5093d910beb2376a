// The stage's token bucket, on a clock the test moves.
import t from 'tap';
import { tokenBucket } from '../../../../local/api/http/throttle.js';

t.test('a full bucket lets the burst through and refuses the burst+1th request', async (t) => {
  const now = 1_000;
  const take = tokenBucket(1, 3, () => now);
  t.same([take(), take(), take(), take()], [true, true, true, false]);
  t.equal(take(), false, 'still empty while the clock stands');
});

t.test('tokens refill at the rate a second, never above the burst', async (t) => {
  let now = 0;
  const take = tokenBucket(2, 2, () => now);
  t.same([take(), take(), take()], [true, true, false]);
  now += 499;
  t.equal(take(), false, 'just under half a second at 2/s is not a whole token');
  now += 1;
  t.equal(take(), true, 'half a second at 2/s is one token');
  t.equal(take(), false);
  now += 60_000;
  t.same([take(), take(), take()], [true, true, false], 'a long pause refills only up to the burst');
});

t.test('a burst of zero refuses everything', async (t) => {
  let now = 0;
  const take = tokenBucket(10, 0, () => now);
  t.equal(take(), false);
  now += 10_000;
  t.equal(take(), false);
});
