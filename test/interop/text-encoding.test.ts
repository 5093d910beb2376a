// Kanji mode and the UTF-8 ECI, read by ZBar (zbarimg, from Debian's zbar-tools, installed
// by `make system-deps`), a decoder the function does not use, and by ZXing and jsQR: every
// JIS X 0208 character Kanji mode takes, Japanese and mixed texts, with and without the ECI.
// ZBar converts what it reads to UTF-8 itself (no -Sbinary): the test is that a person's
// text comes back, not just its bytes.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler } from '../../lambda/handler.js';
import { JIS_X_0208 } from '../../lambda/qr/kanji-table.js';
import { decodePng } from '../helpers/png-decode.js';
import { decodeQr } from '../helpers/qr-decode.js';
import { captureStdout } from '../helpers/stdout.js';
import { readWithJsQr } from '../helpers/symbol-image.js';

const dir = mkdtempSync(join(tmpdir(), 'text-encoding-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The PNG POST /generate answers for these options. */
async function generate(options: Record<string, unknown>): Promise<Buffer> {
  const { result } = await captureStdout(() => handler({ body: JSON.stringify(options) }, { awsRequestId: 'zbar' }));
  if (result.statusCode !== 200) throw new Error(`${result.statusCode} ${result.body}`);
  return Buffer.from((JSON.parse(result.body) as { qr_code: string }).qr_code, 'base64');
}

/** What ZBar reads from a PNG, as the text it makes of it, or undefined. */
function zbar(png: Buffer): string | undefined {
  const file = join(dir, `${files++}.png`);
  writeFileSync(file, png);
  const run = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file]);
  return run.status === 0 ? run.stdout.toString('utf8').replace(/\n$/, '') : undefined;
}

/** What each decoder reads: ZBar, ZXing, jsQR. */
async function readAll(png: Buffer): Promise<(string | undefined)[]> {
  return [zbar(png), (await decodeQr(png)).text, readWithJsQr(decodePng(png)).text];
}

t.test('every JIS X 0208 character Kanji mode takes reads back exactly, in four version-40 codes', async (t) => {
  const characters = JIS_X_0208.flatMap(([, run]) => [...run]);
  const wrong: string[] = [];
  for (let at = 0; at < characters.length; at += 1800) {
    const part = characters.slice(at, at + 1800).join('');
    const read = await readAll(await generate({ url: part, mode: 'kanji', size: 560 }));
    ['ZBar', 'ZXing', 'jsQR'].forEach((decoder, k) => {
      const got = [...(read[k] ?? '')];
      [...part].forEach((character, i) => {
        if (got[i] !== character) wrong.push(`${decoder}: ${character} read as ${got[i] ?? 'nothing'}`);
      });
    });
  }
  t.same(wrong.slice(0, 20), [], `${characters.length} characters, each read by three decoders`);
});

t.test('Japanese and mixed texts in Kanji mode read back exactly', async (t) => {
  for (const text of [
    '東京都渋谷区神宮前一丁目',
    'こんにちは、世界！QRコードのテストです。',
    'https://example.jp/?q=日本語&n=12345',
    '例1例1例1例1例1例1',
    'ＡＢＣ αβγ АБВ 〜‖−¢£¬ ○♪─',
    'MECARD:N:山田,太郎;TEL:0312345678;EMAIL:taro@example.jp;;',
    '価格: 1,980円 (税込) / 在庫あり',
  ]) {
    t.same(await readAll(await generate({ url: text, mode: 'kanji' })), [text, text, text], text);
  }
});

t.test('with the ECI ZBar reads UTF-8 as UTF-8; without it, it guesses', async (t) => {
  for (const text of ['café ünï', 'Grüße aus 東京', 'https://例え.jp/café?q=🎉&x=ünï', '東京都渋谷区神宮前一丁目']) {
    t.same(await readAll(await generate({ url: text, eci: true })), [text, text, text], `ECI: ${text}`);
  }
  // As docs/api.md tells it: ZBar takes these short UTF-8 bytes for another character set.
  t.equal(zbar(await generate({ url: 'café ünï' })), 'caf矇 羹n簿');
  t.not(zbar(await generate({ url: 'Grüße aus 東京' })), 'Grüße aus 東京');
});
