import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from '../../scripts/support/browser.ts';
import { serveSite, type StaticSite } from '../../scripts/support/serve.ts';
import { builtSite } from '../support/site.ts';
import { readEntries } from '../support/content.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite(builtSite());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('article pages in a real browser', () => {
  it.each(readEntries().map((e) => [e.slug, e.data.title] as const))(
    '%s loads cleanly and shows its headline',
    async (slug, title) => {
      const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 800 } });
      await watched.page.goto(`${site.url}/articles/${slug}/`);
      await expect(watched.page.locator('h1').textContent()).resolves.toBe(title);
      const overflow = await watched.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.failedRequests).toEqual([]);
      await watched.context.close();
    },
  );
});
