// A GET's query parameters as option fields (what parseQrSpec then reads).
import t from 'tap';
import { fieldsFromQuery } from '../../../lambda/generate/query-fields.js';

t.test('a repeated query parameter is ambiguous: 400', async (t) => {
  t.throws(() => fieldsFromQuery(new URLSearchParams('url=a&url=b')), {
    statusCode: 400,
    message: /'url' is given more than once/,
  });
});
