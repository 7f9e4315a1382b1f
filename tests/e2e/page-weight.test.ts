/**
 * What `npm run budget` counts is what an article page really loads before the reader does anything:
 * in Chromium, with no input, every CSS and JS file the page requests is one the budget counted (its
 * static imports; the stylesheet is inline). The chart enhancer, left out of the count, arrives only
 * once the graphic nears the screen, and then still enhances the charts.
 */
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { measurePage } from '../../scripts/budget.ts';
import { openWatchedPage, whenIdle } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';
import { builtSite } from '../support/site.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});

// The longest article (the heaviest page) and a short one, at a phone's and a desktop's size.
const CASES = [
  { path: '/articles/liaocheng-2023/', viewport: { width: 375, height: 800 } },
  { path: '/articles/juye-2020/', viewport: { width: 1280, height: 900 } },
];

describe('an article page before any interaction', () => {
  it.each(CASES)('$path at $viewport.width px requests only the scripts and styles the budget counts', async (c) => {
    const watched = await openWatchedPage(browser, { viewport: c.viewport });
    const requested: string[] = [];
    watched.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === site.url && /\.(?:m?js|css)$/u.test(url.pathname)) requested.push(url.pathname);
    });
    await watched.page.goto(`${site.url}${c.path}`, { waitUntil: 'load' });
    // Idle twice, then a little longer: anything scheduled "when idle" has had its chance to load.
    await whenIdle(watched.page);
    await whenIdle(watched.page);
    await watched.page.waitForTimeout(500);
    const counted = measurePage(builtSite(), c.path).assets;
    expect(requested.filter((path) => !counted.includes(path))).toEqual([]);
    expect(await watched.page.locator('chart-figure[data-enhanced]').count()).toBe(0);

    // Scrolling to the graphic brings the enhancer, and it enhances the charts.
    await watched.page.locator('.article-graphic').scrollIntoViewIfNeeded();
    await watched.page.waitForSelector('chart-figure[data-enhanced]');
    expect(requested).toContain('/chart-enhancer.js');
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.failedRequests).toEqual([]);
    await watched.context.close();
  });
});
