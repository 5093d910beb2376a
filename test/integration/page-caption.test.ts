// The page's caption controls in Chromium: text under the code, its colour and size, sent
// only when a caption is typed. Needs the API's caption options (caption, captionColor,
// captionSize): without them the API refuses the fields as unknown (400).
import t from 'tap';
import type { Page } from 'playwright-core';
import { pageHarness, shownImage } from '../helpers/page-browser.js';
import { decodeQr } from '../helpers/qr-decode.js';

const URL_TEXT = 'https://example.com/menu';
const { open } = await pageHarness(t);

/** Enter in the text field, and the page's answer to it: fails at once, with the page's message, if it is an error. */
async function generate(page: Page): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/generate'));
  await page.getByLabel('URL or text').press('Enter');
  await answered;
  await page.getByRole('button', { name: 'Generate', exact: true }).waitFor();
  const error = await page.locator('#error').textContent();
  if (error) throw new Error(`the page said: ${error}`);
}

t.test('a caption, its colour and size: sent, drawn under a code that still decodes, verified', async (t) => {
  const { context, page, sent, violations } = await open();
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByText('Style', { exact: true }).click();
  await page.getByLabel('Caption', { exact: true }).fill('Scan for the menu');
  await page.locator('#caption-same').uncheck();
  await page.getByLabel('Caption colour').fill('#1a237e');
  await page.getByLabel('Caption text size').fill('24');
  await generate(page);
  const image = page.locator('#qr');
  t.match(sent.at(-1)!, { caption: 'Scan for the menu', captionColor: '#1a237e', captionSize: 24 });
  const shown = await shownImage(page);
  t.equal((await decodeQr(shown.bytes)).bytes.toString(), URL_TEXT, 'the code still decodes');
  t.ok(
    Number(await image.getAttribute('height')) > Number(await image.getAttribute('width')),
    'taller than wide: the caption is under the code',
  );
  t.match(await page.locator('#verified').textContent(), /^Read by 2 decoders/, 'and verified');
  t.same(violations, []);
});

t.test('the caption colour and size are sent only with a caption, and only when chosen', async (t) => {
  const { context, page, sent } = await open();
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByText('Style', { exact: true }).click();
  await page.getByLabel('Caption text size').fill('24');
  await generate(page);
  t.same(
    Object.keys(sent.at(-1)!).filter((name) => name.startsWith('caption')),
    [],
    'no caption: none of its options',
  );
  await page.getByLabel('Caption', { exact: true }).fill('Menu');
  await generate(page);
  t.same(sent.at(-1)!.caption, 'Menu');
  t.notOk('captionColor' in sent.at(-1)!, 'a colour left “same as the dots” is not sent');
  t.equal(sent.at(-1)!.captionSize, 24);
});
