// The page's Style section in Chromium: styles and a logo reach the API, the verified image it
// shows decodes, the verification is said, an unscannable design is refused in the page's words,
// and a logo is read in the page, never fetched.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { holdRequests } from '../../scripts/hold-requests.js';
import { pageHarness, shownImage } from '../helpers/page-browser.js';
import { decodeQr } from '../helpers/qr-decode.js';

const logos = new URL('../fixtures/logos/', import.meta.url);
const RED_SQUARE = new URL('red-square.png', logos);
const URL_TEXT = 'https://example.com/menu';
/** What the page sends for a plain code, as it did before it had styles. */
const PLAIN_FIELDS = ['url', 'format', 'size', 'margin', 'ecLevel', 'dark', 'light'];
const VERIFIED =
  /^Read by 2 decoders \(zxing-wasm, jsqr\) at (\d+) and (\d+) px · level ([LMQH]) · worst block uses \d+% of its error correction \(50% allowed\)/;

const { open } = await pageHarness(t);

/** A Style control by its label: a select's name ends in its choice, so only the label's start is matched. */
const exact = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}(?! colour| angle)`));

async function imageShown(page: Page): Promise<void> {
  await page.locator('#qr').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Generate', exact: true }).waitFor();
}

t.test('the Style section starts closed, and a plain code sends exactly what it did', async (t) => {
  const { context, page, sent } = await open();
  t.teardown(() => context.close());
  t.equal(await page.locator('#style').getAttribute('open'), null, 'collapsed');
  t.equal(await exact(page, 'Dot style').isVisible(), false, 'its controls out of the way');
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);
  t.same(Object.keys(sent[0]!), PLAIN_FIELDS);
  t.equal(await page.locator('#verified').textContent(), '', 'no verification line for a plain code');
  t.equal((await decodeQr((await shownImage(page)).bytes)).bytes.toString(), URL_TEXT);
});

t.test('a dot style and a logo from a file: a verified image that decodes, the check said', async (t) => {
  const { context, page, sent, elsewhere, violations } = await open();
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByText('Style', { exact: true }).click();
  await page.getByLabel('Error correction').selectOption('H');
  await exact(page, 'Dot style').selectOption('rounded');
  await page.getByLabel('Logo', { exact: true }).setInputFiles(RED_SQUARE.pathname);
  await page.locator('#logo-name').filter({ hasText: 'red-square.png' }).waitFor();
  t.equal(await page.getByLabel('Logo size').isEnabled(), false, 'the size is automatic until asked for');
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);

  const body = sent.at(-1)!;
  t.equal(body.dotStyle, 'rounded');
  t.equal(body.logo, `data:image/png;base64,${(await readFile(RED_SQUARE)).toString('base64')}`, 'the file, as read');
  t.notOk('logoSize' in body, 'no logoSize: the API may shrink it');
  const image = await shownImage(page);
  t.equal(image.type, 'image/png');
  t.equal((await decodeQr(image.bytes)).bytes.toString(), URL_TEXT, 'the image shown decodes to the text');
  const said = (await page.locator('#verified').textContent())!;
  const [, full, half, level] = VERIFIED.exec(said) ?? [];
  t.ok(full, `the verification is said: ${said}`);
  t.equal(Number(full), Number(await page.locator('#qr').getAttribute('width')), 'read at the width shown');
  t.equal(Number(half), Math.round(Number(full) / 2), 'and at half');
  t.equal(level, 'H', 'at the level chosen');
  t.match(said, /· logo \d+% wide/);

  const png = await page.getByRole('link', { name: 'Download PNG' }).getAttribute('href');
  t.equal(
    png,
    await page.locator('#qr').getAttribute('src'),
    'a code with a logo is saved from the page, not named by a URL',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download SVG' }).click();
  const svg = await readFile((await (await download).path())!, 'utf8');
  t.match(svg, /^<svg[\s>]/, 'the other format is asked for and saved');
  t.equal(sent.at(-1)!.format, 'svg');
  t.same(elsewhere, [], 'no request leaves the API’s origin');
  t.same(violations, [], 'no Content-Security-Policy violations');
});

t.test('corners and a gradient reach the image, which still decodes', async (t) => {
  const { context, page, sent } = await open();
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByText('Style', { exact: true }).click();
  t.equal(await exact(page, 'Gradient colour').isDisabled(), true, 'no gradient colour without a gradient');
  await exact(page, 'Corner squares').selectOption('extra-rounded');
  await page.locator('#corner-square-same').uncheck();
  await exact(page, 'Corner square colour').fill('#b62324');
  await exact(page, 'Corner dots').selectOption('dot');
  await exact(page, 'Gradient').selectOption('linear');
  await exact(page, 'Gradient colour').fill('#0b5cad');
  await exact(page, 'Gradient angle (°)').fill('45');
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);
  t.match(sent.at(-1)!, {
    cornerSquareStyle: 'extra-rounded',
    cornerSquareColor: '#b62324',
    cornerDotStyle: 'dot',
    gradient: 'linear',
    gradientColor: '#0b5cad',
    gradientRotation: 45,
  });
  t.notOk('cornerDotColor' in sent.at(-1)!, 'a colour left “same as the dots” is not sent');
  t.equal((await decodeQr((await shownImage(page)).bytes)).bytes.toString(), URL_TEXT);
  const href = (await page.getByRole('link', { name: 'Download PNG' }).getAttribute('href'))!;
  const query = new URLSearchParams(href.split('?')[1]);
  t.equal(query.get('gradient'), 'linear', 'without a logo the download is a GET link with the style');
});

t.test('live preview: a change regenerates after a pause, never while a request is in flight', async (t) => {
  const { context, page, sent } = await open({ clock: true });
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);
  t.equal(sent.length, 1);
  const first = await page.locator('#qr').getAttribute('src');

  const release = await holdRequests(page, '**/generate');
  await page.getByText('Style', { exact: true }).click();
  await exact(page, 'Dot style').selectOption('dots');
  t.equal(sent.length, 1, 'nothing is sent at once');
  const held = page.waitForRequest((request) => request.method() === 'POST');
  await page.clock.runFor(500);
  await held;
  t.equal(sent.at(-1)!.dotStyle, 'dots', 'after the pause, the change is sent');
  t.equal(await page.locator('#result').getAttribute('aria-busy'), 'true', 'the image shown is marked as out of date');
  await exact(page, 'Corner dots').selectOption('dot');
  await page.clock.runFor(500);
  t.equal(sent.length, 2, 'a change while a request is in flight waits for it');
  const next = page.waitForRequest((request) => request.method() === 'POST');
  release();
  await next;
  t.match(sent.at(-1)!, { dotStyle: 'dots', cornerDotStyle: 'dot' }, 'then it is sent');
  await imageShown(page);
  t.not(await page.locator('#qr').getAttribute('src'), first, 'and its image shown');
  t.equal(await page.locator('#result').getAttribute('aria-busy'), null);
  t.equal(sent.length, 3, 'one request a change, no more');
});

t.test('an oversized logo at level L: the page says it would not scan and what to change', async (t) => {
  // The clock stands still: only Enter sends, so the answer awaited is the one to these settings.
  const { context, page, sent } = await open({ clock: true });
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);
  await page.getByText('Style', { exact: true }).click();
  await page.getByLabel('Logo', { exact: true }).setInputFiles(RED_SQUARE.pathname);
  await page.locator('#logo-name').filter({ hasText: 'red-square.png' }).waitFor();
  t.equal(await page.getByLabel('Error correction').inputValue(), 'auto', 'a logo turns the default level to Auto');
  await page.getByLabel('Error correction').selectOption('L');
  await page.locator('#logo-auto').uncheck();
  await page.getByLabel('Logo size').fill('0.4');
  await page.getByLabel('URL or text').press('Enter');
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'would not scan reliably' }).waitFor();
  t.match(sent.at(-1)!, { logoSize: 0.4, ecLevel: 'L' });
  const message = (await alert.textContent())!;
  t.match(message, /^This design would not scan reliably at error correction level L with the logo 40% wide: /);
  t.match(message, /Try a smaller logo, a higher error correction level or a plainer dot or corner style\.$/);
  t.notMatch(message, /logoSize|ecLevel|maxDamage|dotStyle|'/, 'in the page’s words');
  t.equal(await page.locator('#result').isHidden(), true, 'the last image is not shown as if it were this one');
});

t.test('a logo over the limit, or not an image, is refused in the page; nothing is sent', async (t) => {
  const { context, page, sent } = await open();
  t.teardown(() => context.close());
  await page.getByText('Style', { exact: true }).click();
  const input = page.getByLabel('Logo', { exact: true });
  const alert = page.getByRole('alert');
  await input.setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: Buffer.alloc(46 * 1024 + 1) });
  await alert.filter({ hasText: '“poster.png” is 47 KiB; a logo may be at most 45 KiB.' }).waitFor();
  t.pass('too large: said, with the limit');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await alert.filter({ hasText: '“notes.txt” is not a PNG, JPEG or SVG image' }).waitFor();
  t.pass('not an image: said');
  t.equal(await page.locator('#logo-chosen').isHidden(), true, 'no logo taken');
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);
  t.notOk('logo' in sent[0]!, 'the code is made without one');
});

t.test('a logo dropped on the page is read there, sent in the body, and can be removed', async (t) => {
  const { context, page, sent, urls } = await open({ clock: true });
  t.teardown(() => context.close());
  const svg = await readFile(new URL('circle.svg', logos), 'utf8');
  await page.getByLabel('URL or text').fill(URL_TEXT);
  await page.getByLabel('Error correction').selectOption('auto');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'circle.svg', { type: 'image/svg+xml' }));
    return transfer;
  }, svg);
  await page.dispatchEvent('h1', 'dragover', { dataTransfer });
  t.equal(await page.locator('#drop').getAttribute('class'), 'wide over', 'the drop zone shows it will take the file');
  await page.dispatchEvent('h1', 'drop', { dataTransfer });
  await page.locator('#logo-name').filter({ hasText: 'circle.svg' }).waitFor();
  t.equal(await page.locator('#style').getAttribute('open'), '', 'the Style section opens to show it');
  t.equal(page.url(), urls[0], 'the browser did not open the file in place of the page');
  await page.getByLabel('URL or text').press('Enter');
  await imageShown(page);
  t.equal(sent[0]!.logo, `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
  t.notOk('ecLevel' in sent[0]!, 'Auto: no level sent, so the API may raise it');
  t.match(await page.locator('#verified').textContent(), / · level [LMQH] · /, 'the level it took is said');
  t.equal((await decodeQr((await shownImage(page)).bytes)).bytes.toString(), URL_TEXT);
  t.same(
    urls.filter((url) => !url.startsWith('data:')),
    [urls[0], urls[0]!.replace(/\/$/, '/generate')],
    'the page and its requests, nothing fetched for the logo',
  );

  await page.getByRole('button', { name: 'Remove logo' }).click();
  t.equal(await page.locator('#logo-chosen').isHidden(), true);
  const again = page.waitForRequest((request) => request.method() === 'POST');
  await page.clock.runFor(500);
  await again;
  await imageShown(page);
  t.notOk('logo' in sent.at(-1)!, 'the live preview regenerates without it');
});

t.test('the Style section from the keyboard', async (t) => {
  const { context, page } = await open({ width: 375, height: 740 });
  t.teardown(() => context.close());
  await page.getByRole('button', { name: 'Generate', exact: true }).focus();
  await page.keyboard.press('Tab');
  t.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY', 'Tab reaches Style after Generate');
  await page.keyboard.press('Enter');
  t.equal(await page.locator('#style').getAttribute('open'), '', 'Enter opens it');
  await page.keyboard.press('Tab');
  t.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'dotStyle');
  t.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal scrolling at 375 px');
});
