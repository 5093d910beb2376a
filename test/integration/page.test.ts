// The page at GET /, driven in headless Chromium (Debian's, through playwright-core).
import t from 'tap';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { openTarget } from '../helpers/target.js';
import { decodeQr } from '../helpers/qr-decode.js';

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));
const TYPED = 'https://例え.jp/ページ?q=café&emoji=🎉';

const target = await openTarget();
const origin = new URL(target.httpUrl).origin;
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
t.teardown(async () => {
  await browser.close();
  await target.close();
});

async function openPage(width = 1024, height = 800) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const elsewhere: string[] = [];
  // Anything not for the API's own origin (or the page's data: images) is recorded and refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${target.httpUrl}/`);
  return { context, page, elsewhere, violations };
}

t.test('type a UTF-8 URL, press Enter: the shown image decodes to exactly that text', async (t) => {
  const { context, page, elsewhere, violations } = await openPage();
  t.teardown(() => context.close());
  const input = page.getByLabel('URL or text');
  await input.fill(TYPED);
  await input.press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  const src = (await image.getAttribute('src'))!;
  t.match(src, /^data:image\/png;base64,/);
  const decoded = await decodeQr(Buffer.from(src.split(',')[1]!, 'base64'));
  t.same(decoded.bytes, Buffer.from(TYPED, 'utf8'), 'decodes back to the typed text');
  t.equal(await image.getAttribute('alt'), `QR code for ${TYPED}`);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PNG' }).click();
  const file = await (await download).path();
  t.same((await decodeQr(await readFile(file))).bytes, Buffer.from(TYPED, 'utf8'), 'the PNG download decodes too');
  const svgHref = await page.getByRole('link', { name: 'Download SVG' }).getAttribute('href');
  t.match(svgHref, /^generate\?url=.*&format=svg/);

  await mkdir(outputDir, { recursive: true });
  await page.screenshot({ path: `${outputDir}page.png`, fullPage: true });
  t.same(elsewhere, [], 'no request leaves the API’s origin');
  t.same(violations, [], 'no Content-Security-Policy violations');
  if (!target.stack) t.comment(`target: ${origin}`);
  else t.match(origin, /^http:\/\/127\.0\.0\.1:/, 'which is localhost');
});

t.test('errors from the API appear inline in an alert', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  const input = page.getByLabel('URL or text');
  await input.press('Enter');
  const alert = page.getByRole('alert');
  await t.resolves(alert.filter({ hasText: "'url' must not be empty" }).waitFor(), 'empty input');
  await input.fill('x'.repeat(3000));
  await input.press('Enter');
  await t.resolves(alert.filter({ hasText: 'does not fit a QR code' }).waitFor(), 'text too long');
  t.equal(await page.locator('#result').isHidden(), true, 'no stale image beside an error');
  t.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'url', 'focus back on the input');
});

t.test('keyboard only, at phone width, SVG', async (t) => {
  const { context, page } = await openPage(375, 740);
  t.teardown(() => context.close());
  t.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal scrolling at 375 px');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // Format: PNG → SVG
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab'); // size, error correction, dark, light, Generate
  t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Generate', 'Tab reaches the button');
  await page.keyboard.press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  const src = (await image.getAttribute('src'))!;
  t.match(src, /^data:image\/svg\+xml;base64,/);
  await mkdir(outputDir, { recursive: true });
  await page.screenshot({ path: `${outputDir}page-phone.png`, fullPage: true });
});
