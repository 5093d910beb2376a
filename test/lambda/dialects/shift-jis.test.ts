// Google's choe=Shift_JIS and QuickChart's mode=sjis: Japanese text in Kanji mode, as
// /generate's mode kanji, read back exactly; text a Kanji code cannot carry is a 400 that
// names it (but not a secret's characters), and other values are refused as before.
import t from 'tap';
import { handler } from '../../../lambda/handler.js';
import type { HttpResponse } from '../../../lambda/http/response.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';

const get = async (path: string, query: Record<string, string>): Promise<HttpResponse> =>
  (
    await captureStdout(() =>
      handler(httpApiEvent({ method: 'GET', path, query: new URLSearchParams(query).toString() }), {}),
    )
  ).result;
const png = (response: HttpResponse): Buffer => {
  if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
  return Buffer.from(response.body, 'base64');
};
const errorOf = (response: HttpResponse) =>
  JSON.parse(response.body) as {
    code: string;
    field?: string;
    error: string;
    characters?: string[];
    allowed?: string[];
  };

const JAPANESE = '東京都渋谷区神宮前一丁目、こんにちは世界！';

t.test('Google Chart: choe=Shift_JIS is Kanji mode, a smaller code that reads back', async (t) => {
  const chart = { cht: 'qr', chs: '300x300', chl: JAPANESE };
  const utf8 = await decodeQr(png(await get('/chart', { ...chart, choe: 'UTF-8' })));
  const sjis = await decodeQr(png(await get('/chart', { ...chart, choe: 'Shift_JIS' })));
  t.same([utf8.text, sjis.text], [JAPANESE, JAPANESE]);
  t.ok(Number(sjis.version) < Number(utf8.version), `version ${sjis.version} against ${utf8.version}`);
  t.same(
    png(await get('/chart', { ...chart, choe: 'shift_jis' })),
    png(await get('/chart', { ...chart, choe: 'Shift_JIS' })),
    'in any case',
  );
  t.match(errorOf(await get('/chart', { ...chart, chl: 'Café', choe: 'Shift_JIS' })), {
    code: 'not_shift_jis',
    field: 'choe',
    characters: ['é'],
  });
  t.match(errorOf(await get('/chart', { ...chart, choe: 'EUC-JP' })), {
    code: 'unsupported_option',
    field: 'choe',
    allowed: ['UTF-8', 'Shift_JIS'],
  });
});

t.test('QuickChart: mode=sjis is Kanji mode; it has no other mode', async (t) => {
  const plain = await decodeQr(png(await get('/qr', { text: JAPANESE })));
  const sjis = await decodeQr(png(await get('/qr', { text: JAPANESE, mode: 'sjis' })));
  t.same([plain.text, sjis.text], [JAPANESE, JAPANESE]);
  t.ok(Number(sjis.version) < Number(plain.version), `version ${sjis.version} against ${plain.version}`);
  t.match(errorOf(await get('/qr', { text: JAPANESE, mode: 'kanji' })), {
    code: 'invalid_value',
    field: 'mode',
    allowed: ['sjis'],
  });
  t.match(errorOf(await get('/qr', { text: '~/日本', mode: 'sjis' })), {
    code: 'not_shift_jis',
    field: 'mode',
    characters: ['~'],
  });
});

t.test("a secret's characters are never named", async (t) => {
  const secret = 'otpauth://totp/Café:jane?secret=JBSWY3DPEHPK3PXP&issuer=Café';
  const error = errorOf(await get('/qr', { text: secret, mode: 'sjis' }));
  t.equal(error.code, 'not_shift_jis');
  t.equal(error.characters, undefined);
  t.notMatch(error.error, /é/);
});
