// The page at GET /, driven in headless Chromium (Debian's, through playwright-core).
import t from 'tap';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Route } from 'playwright-core';
import { SCREENSHOT } from '../../scripts/screenshot-options.js';
import { holdRequests } from '../../scripts/hold-requests.js';
import { pageHarness } from '../helpers/page-browser.js';
import { decodeQr } from '../helpers/qr-decode.js';
import { parseWifi } from '../helpers/wifi-parse.js';

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));
const TYPED = 'https://例え.jp/ページ?q=café&emoji=🎉';

const { target, origin, open } = await pageHarness(t);
const openPage = (width = 1024, height = 800) => open({ width, height });

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

t.test('errors appear inline in the page’s own words, focus back on the input', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  const input = page.getByLabel('URL or text');
  const alert = page.getByRole('alert');
  await input.press('Enter');
  await t.resolves(alert.filter({ hasText: 'Type a URL or some text to put in the code.' }).waitFor(), 'empty input');
  await input.fill('x'.repeat(3000));
  await input.press('Enter');
  await t.resolves(alert.filter({ hasText: 'That is too much text for one QR code' }).waitFor(), 'text too long (413)');
  t.equal(await page.locator('#result').isHidden(), true, 'no stale image beside an error');
  t.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'url', 'focus back on the input');

  const cases: [string, () => Promise<void>, RegExp][] = [
    ['size too small for the code', () => page.getByLabel('Size (px)').fill('21'), /needs at least \d+ pixels/],
    ['size out of range', () => page.getByLabel('Size (px)').fill('5000'), /Choose a size from 21 to 2048 pixels/],
    [
      'margin out of range',
      async () => {
        await page.getByLabel('Size (px)').fill('300');
        await page.getByLabel('Margin (modules)').fill('40');
      },
      /Choose a margin from 0 to 16/,
    ],
    [
      'colours that scanners cannot tell apart',
      async () => {
        await page.getByLabel('Margin (modules)').fill('4');
        await page.getByLabel('Dark').fill('#777777');
        await page.getByLabel('Light').fill('#888888');
      },
      /make Dark clearly darker than Light/,
    ],
  ];
  await input.fill('https://example.com');
  for (const [name, change, message] of cases) {
    await change();
    await input.press('Enter');
    await t.resolves(alert.filter({ hasText: message }).waitFor(), name);
  }
  t.notMatch(await alert.textContent(), /'|ecLevel|dark'/, 'no API field names');
});

t.test('429, 5xx, a proxy’s HTML and no network at all: messages people can act on', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  const input = page.getByLabel('URL or text');
  const alert = page.getByRole('alert');
  const answers: [string, (route: Route) => Promise<void>, RegExp][] = [
    [
      'throttled',
      (route) =>
        route.fulfill({ status: 429, contentType: 'application/json', body: '{"message":"Too Many Requests"}' }),
      /Too many codes at once/,
    ],
    [
      'a server error',
      (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"Internal error"}' }),
      /The QR service had a problem/,
    ],
    [
      'an HTML error page',
      (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad gateway</html>' }),
      /The QR service had a problem/,
    ],
    ['no network', (route) => route.abort('internetdisconnected'), /Could not reach the QR service/],
  ];
  await input.fill('https://example.com');
  for (const [name, answer, message] of answers) {
    await page.unroute('**/generate');
    await page.route('**/generate', answer);
    await input.press('Enter');
    await t.resolves(alert.filter({ hasText: message }).waitFor(), name);
    t.notMatch(await alert.textContent(), /Failed to fetch|Unexpected token|JSON/, `${name}: no transport text`);
  }
});

t.test(
  'while a request is in flight the button says so and is disabled; the result is scrolled into view',
  async (t) => {
    const { context, page } = await openPage(1024, 500);
    t.teardown(() => context.close());
    const release = await holdRequests(page, '**/generate');
    await page.getByLabel('URL or text').fill('https://example.com');
    await page.getByLabel('Size (px)').fill('2048');
    await page.getByLabel('URL or text').press('Enter');
    const button = page.getByRole('button', { name: 'Generating…' });
    await t.resolves(button.waitFor(), 'the button reads Generating…');
    t.equal(await button.isDisabled(), true, 'and is disabled');
    t.equal(await page.locator('form').getAttribute('aria-busy'), 'true');
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}page-busy.png` });
    release();
    const image = page.locator('#qr');
    await image.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Generate', exact: true }).waitFor();
    await page.waitForFunction(() => {
      const box = document.getElementById('result')!.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    });
    t.pass('the 2048 px result is in view');
  },
);

t.test('the busy state, shot twice as make screenshots shoots it, is the same picture', async (t) => {
  // As two runs of make screenshots would: a fresh page each, caught at its own moment of
  // the spinner's turn.
  const shots: Buffer[] = [];
  for (const pause of [0, 300]) {
    const { context, page } = await openPage(375, 600);
    t.teardown(() => context.close());
    const release = await holdRequests(page, '**/generate');
    t.teardown(release);
    await page.getByLabel('URL or text').fill('https://example.com/menu');
    await page.getByLabel('URL or text').press('Enter');
    await page.getByRole('button', { name: 'Generating…' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, pause));
    shots.push(await page.screenshot(SCREENSHOT));
  }
  t.ok(shots[0]!.equals(shots[1]!), 'the same bytes: the spinner is stopped');
});

t.test('at desktop width the six options make two full rows of three; at phone width three rows of two', async (t) => {
  for (const [width, rows] of [
    [1024, 2],
    [375, 3],
  ] as const) {
    const { context, page } = await openPage(width, 800);
    const tops = await page
      .locator('.options > *')
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    t.equal(tops.length, 6, `${width} px: six option cells`);
    t.equal(new Set(tops).size, rows, `${width} px: ${rows} rows, none left alone`);
    await context.close();
  }
});

t.test('margin and a transparent background reach the image and the download links', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  await page.getByLabel('URL or text').fill('https://example.com');
  await page.getByLabel('Margin (modules)').fill('1');
  await page.getByLabel('Transparent background').check();
  t.equal(await page.getByLabel('Light').isDisabled(), true, 'the light colour is off while transparent');
  await page.getByLabel('URL or text').press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  const png = Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64');
  t.equal(png[25], 3, 'a palette PNG');
  t.ok(png.includes(Buffer.from('tRNS')), 'with transparency');
  const href = (await page.getByRole('link', { name: 'Download PNG' }).getAttribute('href'))!;
  const query = new URLSearchParams(href.split('?')[1]);
  t.equal(query.get('margin'), '1');
  t.equal(query.get('light'), '#ffffff00');
  t.equal((await decodeQr(png)).bytes.toString(), 'https://example.com');
});

t.test('keyboard only, at phone width, SVG', async (t) => {
  const { context, page } = await openPage(375, 740);
  t.teardown(() => context.close());
  t.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal scrolling at 375 px');
  // Keys go where the focus is: wait until the page has put it in the text field (autofocus).
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'url');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // Format: PNG → SVG
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab'); // size, margin, error correction, text encoding, dark, light, transparent, Generate
  t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Generate', 'Tab reaches the button');
  await page.keyboard.press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  const src = (await image.getAttribute('src'))!;
  t.match(src, /^data:image\/svg\+xml;base64,/);
  await mkdir(outputDir, { recursive: true });
  await page.screenshot({ path: `${outputDir}page-phone.png`, fullPage: true });
});

t.test('What to encode: a Wi-Fi network, its password kept out of every URL and all storage', async (t) => {
  const { context, page, urls, sent } = await openPage();
  t.teardown(() => context.close());
  const PASSWORD = 'correct horse; battery';
  await page.getByLabel('What to encode').selectOption('wifi');
  t.equal(await page.getByLabel('URL or text').isHidden(), true, 'the text field gives way to the builder’s');
  const wifi = page.locator('fieldset[data-type=wifi]');
  await wifi.getByLabel('Network name (SSID)').fill('Café; guests');
  await wifi.getByLabel('Password', { exact: true }).fill(PASSWORD);
  t.equal(await wifi.getByLabel('Password', { exact: true }).getAttribute('type'), 'password');
  await wifi.getByLabel('Password', { exact: true }).press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  t.match(sent[0]!, { type: 'wifi', ssid: 'Café; guests', password: PASSWORD });
  t.notOk('url' in sent[0]!, 'no url beside the type');
  const decoded = await decodeQr(Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64'));
  t.match(parseWifi(decoded.bytes.toString('utf8')), { ssid: 'Café; guests', password: PASSWORD, type: 'WPA' });
  t.equal(
    await image.getAttribute('alt'),
    'QR code for Wi-Fi network: Café; guests',
    'the alt text names the network, not the password',
  );

  const hrefs = await page
    .locator('.downloads a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  t.match(hrefs[0], /^data:image\/png;base64,/, 'the PNG is saved from the page');
  t.equal(hrefs[1], '#', 'the SVG is asked for by POST when clicked');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download SVG' }).click();
  t.match(await readFile((await (await download).path())!, 'utf8'), /^<svg[\s>]/, 'and saved');
  t.equal(sent.at(-1)!.format, 'svg');
  const secret = /correct|horse|battery/;
  t.same(
    urls.filter((url) => secret.test(decodeURIComponent(url.replace(/\+/g, ' ')))),
    [],
    'no request URL holds the password',
  );
  t.notMatch(page.url(), secret);
  const kept = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  t.same(kept, { local: 0, session: 0, cookie: '' }, 'nothing stored');
});

t.test('What to encode: a map location, with download links that name it by URL', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  await page.getByLabel('What to encode').selectOption('geo');
  const geo = page.locator('fieldset[data-type=geo]');
  await geo.getByLabel('Latitude').fill('48.8583701');
  await geo.getByLabel('Longitude').fill('2.2944813');
  await geo.getByLabel('Longitude').press('Enter');
  await page.locator('#qr').waitFor({ state: 'visible' });
  const href = (await page.getByRole('link', { name: 'Download PNG' }).getAttribute('href'))!;
  t.match(href, /^generate\?type=geo&latitude=48\.8583701&longitude=2\.2944813&format=png&/);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PNG' }).click();
  const file = await (await download).path();
  t.equal((await decodeQr(await readFile(file!))).bytes.toString(), 'geo:48.8583701,2.2944813', 'the link’s image');
});

t.test('What to encode: EPC locks the level at M; a missing field is named in the page’s words', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  await page.getByLabel('What to encode').selectOption('epc');
  t.equal(await page.getByLabel('Error correction').inputValue(), 'M');
  t.equal(await page.getByLabel('Error correction').isDisabled(), true, 'the level the format requires');
  const epc = page.locator('fieldset[data-type=epc]');
  await epc.getByLabel('IBAN').fill('BE72 0000 0000 1616');
  await epc.getByLabel('IBAN').press('Enter');
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: '“Beneficiary” is required.' }).waitFor();
  t.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('name')),
    'epc.name',
    'focus on the field to fill',
  );
  await epc.getByLabel('Beneficiary').fill('Red Cross of Belgium');
  await epc.getByLabel('Amount (EUR)').fill('12.5');
  await epc.getByLabel('Beneficiary').press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  const decoded = await decodeQr(Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64'));
  t.equal(decoded.ecLevel, 'M');
  t.equal(decoded.bytes.toString(), 'BCD\n002\n1\nSCT\n\nRed Cross of Belgium\nBE72000000001616\nEUR12.50');
});

t.test('What to encode: a Swiss QR-bill, its addresses sent as objects, the cross at its centre', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  await page.getByLabel('What to encode').selectOption('swissqr');
  t.equal(await page.getByLabel('Error correction').inputValue(), 'M', 'the level the QR-bill requires');
  const bill = page.locator('fieldset[data-type=swissqr]');
  await bill.getByLabel('Account (IBAN or QR-IBAN)').fill('CH44 3199 9123 0008 8901 2');
  const creditor = bill.locator('fieldset.address').first();
  await creditor.getByLabel('Name').fill('Robert Schneider AG');
  await creditor.getByLabel('Street').fill('Rue du Lac');
  await creditor.getByLabel('Building number').fill('1268');
  await creditor.getByLabel('Postcode').fill('2501');
  await creditor.getByLabel('Town').fill('Biel');
  await creditor.getByLabel('Country (two letters)').fill('CH');
  await bill.getByLabel('Currency (CHF or EUR)').fill('CHF');
  await bill.getByLabel('Amount').fill('1949.75');
  await bill.getByLabel('Reference (QR or RF)').fill('21 00000 00003 13947 14300 09017');
  await bill.getByLabel('Reference (QR or RF)').press('Enter');
  const image = page.locator('#qr');
  await image.waitFor({ state: 'visible' });
  const decoded = await decodeQr(Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64'));
  t.equal(decoded.ecLevel, 'M');
  const lines = decoded.bytes.toString('utf8').split('\n');
  t.same(lines.slice(0, 11), [
    'SPC',
    '0200',
    '1',
    'CH4431999123000889012',
    'S',
    'Robert Schneider AG',
    'Rue du Lac',
    '1268',
    '2501',
    'Biel',
    'CH',
  ]);
  t.ok(lines.includes('1949.75') && lines.includes('QRR') && lines.includes('210000000003139471430009017'));
  t.match(
    await page.locator('#verified').textContent(),
    /Read by 2 decoders/,
    'verified, as every code with a picture at its centre',
  );
  const links = [
    await page.locator('#download-png').getAttribute('href'),
    await page.locator('#download-svg').getAttribute('href'),
  ];
  t.match(
    links,
    [/^data:image\/png;base64,/, '#'],
    'no GET link (GET takes no addresses): the PNG shown, the SVG by POST',
  );
});

t.test('Text encoding: Kanji mode packs Japanese text, ECI marks UTF-8; both read back exactly', async (t) => {
  const { context, page } = await openPage();
  t.teardown(() => context.close());
  const japanese = '東京都渋谷区神宮前一丁目';
  const image = page.locator('#qr');
  // The next image: Enter, then a source other than the one shown.
  const read = async () => {
    const before = (await image.isVisible()) ? await image.getAttribute('src') : null;
    await page.getByLabel('URL or text').press('Enter');
    await page.waitForFunction((previous) => {
      const shown = document.querySelector<HTMLImageElement>('#qr');
      return shown !== null && !shown.closest('[hidden]') && shown.getAttribute('src') !== previous;
    }, before);
    return decodeQr(Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64'));
  };
  await page.getByLabel('URL or text').fill(japanese);
  const utf8 = await read();
  await page.getByLabel('Text encoding').selectOption('kanji');
  const kanji = await read();
  t.equal(kanji.text, japanese, 'Kanji mode reads back as the text');
  t.ok(Number(kanji.version) < Number(utf8.version), `a smaller version: ${kanji.version} against ${utf8.version}`);
  await page.getByLabel('Text encoding').selectOption('eci');
  await page.getByLabel('URL or text').fill('café ünï');
  const marked = await read();
  t.same([marked.text, marked.hasEci], ['café ünï', true], 'marked as UTF-8');
  await page.getByLabel('Text encoding').selectOption('kanji');
  await page.getByLabel('URL or text').fill('café');
  await page.getByLabel('URL or text').press('Enter');
  await page.getByRole('alert').waitFor();
  t.match(await page.getByRole('alert').textContent(), /é/, 'a character Kanji mode cannot carry is named');
});
