/**
 * The search page's controls in a real browser: the filter options hold still when one is
 * clicked (only their counts change), and Tab meets 筛选 and 排序 in the order they are seen.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';
import { waitForSearch } from '../../scripts/support/search.ts';

let site: StaticSite;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});
// Each test's pages are closed when it ends: an open page keeps its renderer drawing frames for the rest of the file.
afterEach(async () => {
  for (const watched of opened.splice(0)) await watched.context.close();
});

async function open(path: string, width: number): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, { viewport: { width, height: 900 } });
  opened.push(watched);
  await watched.page.goto(`${site.url}${path}`);
  return watched;
}

/** Every filter option in page order: its name, value and count text. */
function options(page: Page): Promise<Array<{ key: string; count: string }>> {
  return page.$$eval('.search-facet label', (labels) =>
    labels.map((label) => {
      const box = label.querySelector('input')!;
      return { key: `${box.name}=${box.value}`, count: label.querySelector('.search-facet-count')?.textContent ?? '' };
    }),
  );
}

describe('the search filters', () => {
  it.each([375, 1280])('keep their order after a click, counts updating in place (%i px)', async (width) => {
    const q = '扶贫';
    const { page, consoleErrors } = await open(`/search/?q=${encodeURIComponent(q)}`, width);
    await waitForSearch(page, q);
    await page.click('[data-search-filters-summary]');
    const before = await options(page);
    expect(before.length).toBeGreaterThan(3);
    await page.check('input[name="year"][value="2020"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    await waitForSearch(page, q);
    const after = await options(page);
    expect(after.map((o) => o.key)).toEqual(before.map((o) => o.key));
    // The click did change some counts, so a list sorted by count would have had reason to move.
    expect(after.map((o) => o.count)).not.toEqual(before.map((o) => o.count));
    // And the clicked box is still where the pointer was.
    await page.uncheck('input[name="year"][value="2020"]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
    await waitForSearch(page, q);
    expect((await options(page)).map((o) => o.key)).toEqual(before.map((o) => o.key));
    expect(consoleErrors).toEqual([]);
  });
});

describe('the search controls', () => {
  it.each([375, 1280])(
    'are reached by Tab in the order they are seen: 筛选, then 排序 to its right (%i px)',
    async (width) => {
      const q = '聊城';
      const { page } = await open(`/search/?q=${encodeURIComponent(q)}`, width);
      await waitForSearch(page, q);
      await page.focus('#search-q');
      const reached: string[] = [];
      for (let i = 0; i < 6 && reached.length < 2; i += 1) {
        await page.keyboard.press('Tab');
        const which = await page.evaluate(() => {
          const el = document.activeElement;
          if (el?.matches('[data-search-filters-summary]')) return 'filters';
          if (el?.matches('[data-search-sort]')) return 'sort';
          return '';
        });
        if (which) reached.push(which);
      }
      expect(reached).toEqual(['filters', 'sort']);
      const filters = (await page.locator('[data-search-filters-summary]').boundingBox())!;
      const sort = (await page.locator('[data-search-sort]').boundingBox())!;
      // Same row, 筛选 on the left: the tab order above is the reading order.
      expect(Math.abs(filters.y + filters.height / 2 - (sort.y + sort.height / 2))).toBeLessThan(16);
      expect(filters.x + filters.width).toBeLessThanOrEqual(sort.x);
    },
  );
});
