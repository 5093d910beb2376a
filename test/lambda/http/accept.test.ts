import t from 'tap';
import { negotiate } from '../../../lambda/http/accept.js';

const offers = ['application/json', 'image/png', 'image/svg+xml'] as const;

t.test('no header, or an empty one: the first offer', async (t) => {
  t.equal(negotiate(undefined, offers), 'application/json');
  t.equal(negotiate('  ', offers), 'application/json');
});

t.test('quality values and specificity decide', async (t) => {
  t.equal(negotiate('image/png', offers), 'image/png');
  t.equal(negotiate('image/*', offers), 'image/png', 'ties go to the earlier offer');
  t.equal(negotiate('image/*;q=0.9, application/json;q=0.8', offers), 'image/png');
  t.equal(negotiate('*/*;q=0.1, image/svg+xml', offers), 'image/svg+xml');
  t.equal(negotiate('image/*, image/png;q=0', offers), 'image/svg+xml', 'a more specific range overrides');
  t.equal(negotiate('text/html, */*;q=0.8', offers), 'application/json');
  t.equal(negotiate('IMAGE/PNG; Q=1', offers), 'image/png', 'case-insensitive');
});

t.test('nothing acceptable: undefined; junk is ignored', async (t) => {
  t.equal(negotiate('text/html', offers), undefined);
  t.equal(negotiate('*/*;q=0', offers), undefined);
  t.equal(negotiate('garbage, ;;;, /, image/png;q=abc', offers), 'image/png', 'an unreadable q counts as 1');
});
