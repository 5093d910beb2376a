// format=txt through the whole handler: GET, POST with the format, POST by Accept.
import t from 'tap';
import { handler } from '../../../lambda/handler.js';
import type { HttpResponse } from '../../../lambda/http/response.js';
import { httpApiEvent } from '../../helpers/events.js';
import { TUTORIAL_URL } from '../../helpers/fixtures.js';
import { decodeQrText } from '../../helpers/qr-decode.js';
import { captureStdout } from '../../helpers/stdout.js';
import { rasterizeText } from '../../helpers/text-raster.js';

const invoke = async (event: unknown): Promise<HttpResponse> => (await captureStdout(() => handler(event, {}))).result;
const post = (body: unknown, headers: Record<string, string> = {}) =>
  invoke(
    httpApiEvent({
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );
const TEXT_TYPE = 'text/plain; charset=utf-8';

t.test('GET ?format=txt answers the code as text, as curl prints it, and it scans', async (t) => {
  const response = await invoke(httpApiEvent({ query: `url=${encodeURIComponent(TUTORIAL_URL)}&format=txt` }));
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], TEXT_TYPE);
  t.equal(response.isBase64Encoded, false, 'text travels as text');
  t.ok(response.headers.etag, 'cacheable like the images');
  t.equal(await decodeQrText(rasterizeText(response.body)), TUTORIAL_URL);
});

t.test('POST with Accept: text/plain answers the text itself', async (t) => {
  const response = await post({ url: TUTORIAL_URL, margin: 2 }, { accept: 'text/plain' });
  t.equal(response.headers['content-type'], TEXT_TYPE);
  t.equal(response.headers.vary, 'accept');
  t.equal(await decodeQrText(rasterizeText(response.body)), TUTORIAL_URL);
  const withSize = await post({ url: TUTORIAL_URL, size: 300 }, { accept: 'text/plain' });
  t.equal(withSize.statusCode, 406, 'a size asks for pixels: text is not offered');
  t.match(JSON.parse(withSize.body), {
    error: /text\/plain; charset=utf-8 is not among them because size, dark or light was given/,
  });
});

t.test(
  'POST {"format": "txt"} keeps the JSON contract: the text base64 in qr_code, characters a line and lines',
  async (t) => {
    const response = await post({ url: TUTORIAL_URL, format: 'txt' });
    const body = JSON.parse(response.body) as Record<string, unknown>;
    t.match(body, {
      message: 'QR Code generated successfully',
      url: TUTORIAL_URL,
      format: 'txt',
      content_type: TEXT_TYPE,
      width: 37,
      height: 19,
    });
    const text = Buffer.from(String(body.qr_code), 'base64').toString('utf8');
    t.equal(await decodeQrText(rasterizeText(text)), TUTORIAL_URL);
  },
);

t.test('size and colours do not apply to text: a 400 that says why', async (t) => {
  for (const [field, value] of [
    ['size', 300],
    ['dark', '#123'],
    ['light', '#fff'],
  ] as const) {
    const response = await post({ url: TUTORIAL_URL, format: 'txt', [field]: value });
    t.equal(response.statusCode, 400);
    t.match(JSON.parse(response.body), { error: new RegExp(`^'${field}' does not apply to format txt`) });
  }
  const get = await invoke(httpApiEvent({ query: 'url=x&format=TXT&size=100' }));
  t.equal(get.statusCode, 400, 'GET too, the format in any case');
});
