// make screenshots: the page's states as docs/api.md shows them, taken from the local stack in
// Debian's Chromium: docs/page-desktop.png (a result), docs/page.png (a result at phone
// width), docs/page-busy.png (a request in flight), docs/page-error.png (an error, in the
// page's own words), docs/page-style.png (a styled code with a logo, its verification said).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStack } from '../local/stack.js';
import { holdRequests } from './hold-requests.js';
import { SCREENSHOT } from './screenshot-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = `${root}docs/`;
const stack = await startStack({ dir: root, env: process.env });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const open = async (width: number, height: number) => {
    const page = await (await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })).newPage();
    await page.goto(`${stack.httpUrl}/`);
    await page.getByLabel('URL or text').fill('https://example.com/menu');
    return page;
  };

  const desktop = await open(1024, 900);
  await desktop.getByLabel('Error correction').selectOption('M');
  await desktop.getByLabel('Dark').fill('#1a237e');
  await desktop.getByLabel('Transparent background').check();
  await desktop.getByLabel('URL or text').press('Enter');
  await desktop.locator('#qr').waitFor({ state: 'visible' });
  await desktop.screenshot({ ...SCREENSHOT, path: `${docs}page-desktop.png` });

  const styled = await open(1024, 1400);
  await styled.getByLabel('Error correction').selectOption('H');
  await styled.getByText('Style', { exact: true }).click();
  await styled.getByLabel(/^Dot style/).selectOption('rounded');
  await styled.getByLabel(/^Corner squares/).selectOption('extra-rounded');
  await styled.getByLabel(/^Gradient(?! colour| angle)/).selectOption('radial');
  await styled.getByLabel('Gradient colour').fill('#1a237e');
  await styled.getByLabel('Logo', { exact: true }).setInputFiles(`${root}test/fixtures/logos/circle.svg`);
  await styled.locator('#logo-name').filter({ hasText: 'circle.svg' }).waitFor();
  await styled.getByLabel('URL or text').press('Enter');
  await styled.locator('#verified').filter({ hasText: 'Read by' }).waitFor();
  await styled.screenshot({ ...SCREENSHOT, path: `${docs}page-style.png`, fullPage: true });

  const phone = await open(375, 740);
  await phone.getByLabel('URL or text').press('Enter');
  await phone.locator('#qr').waitFor({ state: 'visible' });
  await phone.screenshot({ ...SCREENSHOT, path: `${docs}page.png`, fullPage: true });

  const busy = await open(375, 600);
  const release = await holdRequests(busy, '**/generate');
  await busy.getByLabel('URL or text').press('Enter');
  await busy.getByRole('button', { name: 'Generating…' }).waitFor();
  await busy.screenshot({ ...SCREENSHOT, path: `${docs}page-busy.png` });
  release();

  const error = await open(375, 600);
  await error.getByLabel('URL or text').fill('x'.repeat(3000));
  await error.getByLabel('URL or text').press('Enter');
  await error.getByRole('alert').filter({ hasText: 'too much text' }).waitFor();
  await error.screenshot({ ...SCREENSHOT, path: `${docs}page-error.png` });
  console.log('docs/page-desktop.png, docs/page-style.png, docs/page.png, docs/page-busy.png, docs/page-error.png');
} finally {
  await browser.close();
  await stack.close();
}
