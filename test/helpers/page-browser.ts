import type { Test } from 'tap';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openTarget, type Target } from './target.js';

/** One request the page made to POST /generate: its parsed JSON body. */
export type SentBody = Record<string, unknown>;

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page asked for that was not for the API's origin (or a data: image): refused. */
  readonly elsewhere: string[];
  /** Content-Security-Policy violations the console reported. */
  readonly violations: string[];
  /** The bodies of the page's POST /generate requests, in order. */
  readonly sent: SentBody[];
  /** Every request URL the page made, the API's own included. */
  readonly urls: string[];
}

export interface PageHarness {
  readonly target: Target;
  readonly origin: string;
  /** The page at GET / in a fresh context; `clock` installs Playwright's clock before it loads (timers run only when told). */
  open(options?: { width?: number; height?: number; clock?: boolean }): Promise<OpenedPage>;
}

/**
 * The page at GET /, driven in headless Chromium (Debian's, through playwright-core), against
 * the local stack (or a deployment, see target.ts). Closed when the test ends.
 */
export async function pageHarness(t: Test): Promise<PageHarness> {
  const target = await openTarget();
  const origin = new URL(target.httpUrl).origin;
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  t.teardown(async () => {
    await browser.close();
    await target.close();
  });

  async function open({ width = 1024, height = 800, clock = false } = {}): Promise<OpenedPage> {
    const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
    const page = await context.newPage();
    const elsewhere: string[] = [];
    const sent: SentBody[] = [];
    const urls: string[] = [];
    // Anything not for the API's own origin (or the page's data: images) is recorded and refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('request', (request) => {
      urls.push(request.url());
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/generate'))
        sent.push(JSON.parse(request.postData() ?? '{}') as SentBody);
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    if (clock) await page.clock.install();
    await page.goto(`${target.httpUrl}/`);
    return { context, page, elsewhere, violations, sent, urls };
  }

  return { target, origin, open };
}

/** The bytes of the image the page shows (a data: URL in #qr). */
export async function shownImage(page: Page): Promise<{ type: string; bytes: Buffer }> {
  const src = (await page.locator('#qr').getAttribute('src')) ?? '';
  const match = /^data:([^;]+);base64,(.*)$/s.exec(src);
  if (!match) throw new Error(`the image is not a data: URL: ${src.slice(0, 40)}`);
  return { type: match[1]!, bytes: Buffer.from(match[2]!, 'base64') };
}
