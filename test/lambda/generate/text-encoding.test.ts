// `eci` and `mode` through the whole handler, on POST and GET: the images read back with
// ZXing and jsQR, the ECI there only when asked for, Kanji codes smaller, the plain answer
// unchanged by the options' defaults, and every refusal a 400 that names what is wrong
// (and never a secret's characters).
import t from 'tap';
import { parseQrSpec } from '../../../lambda/generate/options.js';
import { handler } from '../../../lambda/handler.js';
import { loadKanji } from '../../../lambda/input/load-kanji.js';
import type { HttpResponse } from '../../../lambda/http/response.js';
import { httpApiEvent } from '../../helpers/events.js';
import { decodePng } from '../../helpers/png-decode.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';
import { readWithJsQr } from '../../helpers/symbol-image.js';

const invoke = async (event: unknown): Promise<HttpResponse> => (await captureStdout(() => handler(event, {}))).result;
const post = (body: unknown) =>
  invoke(httpApiEvent({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
const get = (query: Record<string, string>) => invoke(httpApiEvent({ query: new URLSearchParams(query).toString() }));

/** The PNG of a 200 answer: from the JSON of a POST, the body itself of a GET. */
function png(response: HttpResponse): Buffer {
  if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
  const body = Buffer.from(response.body, response.isBase64Encoded ? 'base64' : 'utf8');
  return response.isBase64Encoded
    ? body
    : Buffer.from((JSON.parse(response.body) as { qr_code: string }).qr_code, 'base64');
}
const errorOf = (response: HttpResponse) =>
  JSON.parse(response.body) as { error: string; code: string; field?: string; characters?: string[] };

const JAPANESE = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。';

t.test('eci: ZXing sees the designator only when asked for, and the text reads back either way', async (t) => {
  for (const text of ['café ünï', 'Grüße aus 東京']) {
    const plain = await decodeQr(png(await post({ url: text })));
    const withEci = await decodeQr(png(await post({ url: text, eci: true })));
    t.same([plain.hasEci, withEci.hasEci], [false, true], text);
    t.same([plain.text, withEci.text], [text, text]);
    const fromGet = await decodeQr(png(await get({ url: text, eci: 'true' })));
    t.same([fromGet.hasEci, fromGet.text], [true, text], 'on GET too');
  }
});

t.test('the defaults, given, change no byte of the answer', async (t) => {
  const plain = await post({ url: JAPANESE });
  for (const defaults of [{ eci: false }, { mode: 'byte' }, { eci: 'false', mode: 'BYTE' }]) {
    t.same(png(await post({ url: JAPANESE, ...defaults })), png(plain), JSON.stringify(defaults));
  }
});

t.test('mode kanji: a smaller code that ZXing and jsQR read back exactly, on POST and GET', async (t) => {
  const bytes = await decodeQr(png(await post({ url: JAPANESE })));
  const kanji = png(await post({ url: JAPANESE, mode: 'kanji' }));
  const read = await decodeQr(kanji);
  t.equal(read.text, JAPANESE);
  t.same([bytes.version, read.version], ['5', '4'], 'version 5 in bytes, 4 in Kanji');
  t.equal(readWithJsQr(decodePng(kanji)).text, JAPANESE, 'jsQR');
  t.same(png(await get({ url: JAPANESE, mode: 'Kanji' })), kanji, 'GET, the value in any case: the same image');
  const mixed = 'https://example.jp/?q=日本語&n=12345';
  t.equal((await decodeQr(png(await post({ url: mixed, mode: 'kanji' })))).text, mixed, 'Japanese in a URL');
});

t.test('mode kanji in a styled code: read by both decoders before it leaves', async (t) => {
  const response = await post({ url: JAPANESE, mode: 'kanji', dotStyle: 'rounded', ecLevel: 'M' });
  t.equal(response.statusCode, 200, response.body.slice(0, 200));
  const body = JSON.parse(response.body) as { verified: { decoders: string[] }; qr_code: string };
  t.same(body.verified.decoders, ['zxing-wasm', 'jsqr']);
  t.equal((await decodeQr(Buffer.from(body.qr_code, 'base64'))).text, JAPANESE);
});

t.test('mode kanji refuses what a Kanji code cannot carry, naming it', async (t) => {
  const refused = await post({ url: 'Café au lait ～ ｺｰﾋｰ 😀', mode: 'kanji' });
  t.equal(refused.statusCode, 400);
  const error = errorOf(refused);
  t.match(error, { code: 'not_shift_jis', field: 'mode', characters: ['é', '～', 'ｺ', 'ｰ', 'ﾋ', '😀'] });
  t.match(error.error, /'～' \(U\+FF5E, Windows' form of 〜 U\+301C: write that\)/);
  t.match(error.error, /'ｺ' \(U\+FF7A, half-width: write it full-width\)/);
  t.match(error.error, /'😀' \(U\+1F600\)/);
  const many = errorOf(await post({ url: 'àáâãäåæçèéêëìíîïðñ', mode: 'kanji' }));
  t.equal(many.characters?.length, 12);
  t.match(many.error, /and 6 more/);
  t.match(errorOf(await post({ url: 'C:\\path ~user', mode: 'kanji' })), { characters: ['\\', '~'] });
});

t.test("a secret's characters are never named", async (t) => {
  for (const body of [
    { type: 'wifi', ssid: 'Cafés', password: 'correct horse', mode: 'kanji' },
    { url: 'pässwörd', private: true, mode: 'kanji' },
  ]) {
    const response = await post(body);
    t.equal(response.statusCode, 400);
    const error = errorOf(response);
    t.equal(error.code, 'not_shift_jis');
    t.equal(error.characters, undefined);
    t.notMatch(error.error, /[äöé]/, 'no character named');
    t.match(error.error, /characters? a Kanji-mode code cannot carry \(not named: the data holds a secret\)/);
  }
});

t.test('parseQrSpec: Kanji needs its table, loaded first; the spec then carries its lookup', async (t) => {
  t.throws(() => parseQrSpec({ url: '東京', mode: 'kanji' }), /mode kanji needs loadKanji/, 'a mistake of the caller');
  const kanji = await loadKanji();
  t.equal(parseQrSpec({ url: '東京', mode: 'kanji' }, 'body', undefined, kanji).kanji, kanji.codes);
  t.same(
    [parseQrSpec({ url: '東京' }).kanji, parseQrSpec({ url: '東京', eci: 'true' }).eci],
    [undefined, true],
    'without mode kanji, no lookup',
  );
});

t.test('eci and mode kanji do not go together; other values are refused', async (t) => {
  t.match(errorOf(await post({ url: JAPANESE, mode: 'kanji', eci: true })), {
    code: 'conflicting_options',
    field: 'eci',
  });
  t.match(errorOf(await post({ url: 'x', mode: 'sjis' })), { code: 'invalid_value', field: 'mode' });
  t.match(errorOf(await get({ url: 'x', eci: 'yes' })), { code: 'invalid_value', field: 'eci' });
  t.match(errorOf(await post({ url: 'x', eci: 1 })), { code: 'invalid_value', field: 'eci' });
});
