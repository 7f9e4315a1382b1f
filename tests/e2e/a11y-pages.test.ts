/**
 * axe-core on the page types the reading and story scans (a11y-reading.test.ts, stories.test.ts)
 * do not cover: the search page with results and with none, the offline page and the saved-pages list.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import { waitForSearch } from '../../scripts/support/search.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';

let site: StaticSite;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});
afterAll(async () => {
  for (const watched of opened) await watched.context.close();
});

const SCHEMES = ['light', 'dark'] as const;

async function open(
  scheme: (typeof SCHEMES)[number],
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, {
    viewport: { width: 375, height: 900 },
    colorScheme: scheme,
    serviceWorkers,
  });
  opened.push(watched);
  return watched;
}

function expectClean(watched: WatchedPage): void {
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.failedRequests).toEqual([]);
}

describe('accessibility of the search page (axe-core)', () => {
  it.each(SCHEMES)('with results, filters open, %s theme', async (scheme) => {
    const watched = await open(scheme);
    const q = '家庭医生签约';
    await watched.page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
    await waitForSearch(watched.page, q);
    expect(await watched.page.getAttribute('archive-search', 'data-view')).toBe('results');
    expect(await watched.page.locator('.search-result').count()).toBeGreaterThan(0);
    await watched.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await axeViolations(watched.page)).toEqual([]);
    expectClean(watched);
  });

  it.each(SCHEMES)('with no result, %s theme', async (scheme) => {
    const watched = await open(scheme);
    const q = '火星基地';
    await watched.page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
    await waitForSearch(watched.page, q);
    expect(await watched.page.getAttribute('archive-search', 'data-view')).toBe('none');
    expect(await axeViolations(watched.page)).toEqual([]);
    expectClean(watched);
  });
});

describe('accessibility of the offline pages (axe-core)', () => {
  let visited: Promise<Page> | undefined;
  /**
   * A reader's browser after one visit: the service worker has stored the archive. One browser for the four
   * checks, its colour scheme switched: storing the archive takes seconds each time.
   */
  async function afterOneVisit(scheme: (typeof SCHEMES)[number]): Promise<Page> {
    visited ??= (async () => {
      const watched = await open('light', 'allow');
      await watched.page.goto(`${site.url}/articles/juye-2020/`);
      await watched.page.waitForFunction(
        () => document.documentElement.dataset['offlineReady'] !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      return watched.page;
    })();
    const page = await visited;
    await page.emulateMedia({ colorScheme: scheme });
    return page;
  }

  it.each(SCHEMES)('the offline page, listing the stored pages, %s theme', async (scheme) => {
    const page = await afterOneVisit(scheme);
    await page.goto(`${site.url}/offline/`);
    await page.waitForSelector('offline-pages[data-rendered] li a');
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(SCHEMES)('the saved-pages list, %s theme', async (scheme) => {
    const page = await afterOneVisit(scheme);
    await page.goto(`${site.url}/offline/saved/`);
    // The script has replaced the no-JavaScript note with the list or its empty state.
    await page.waitForSelector('offline-pages[data-rendered]');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('accessibility of the open-data page (axe-core)', () => {
  it.each(SCHEMES)('/data/ at 375 px, %s theme', async (scheme) => {
    const watched = await open(scheme);
    await watched.page.goto(`${site.url}/data/`);
    expect(await watched.page.locator('dl[data-columns-of="metrics.csv"] dt').count()).toBeGreaterThan(0);
    expect(await axeViolations(watched.page)).toEqual([]);
    // Nothing wider than a phone: the long URLs and file names wrap.
    expect(await watched.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expectClean(watched);
  });
});
