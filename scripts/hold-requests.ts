// Shared by the page's screenshots (scripts/screenshots.ts) and its browser tests (test/integration/page*.test.ts).
import type { Page } from 'playwright-core';

/**
 * Holds every request the page makes to `url` (a playwright glob) until the returned
 * function is called: the page's in-flight state stays on screen to be checked or shot.
 */
export async function holdRequests(page: Page, url: string): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
