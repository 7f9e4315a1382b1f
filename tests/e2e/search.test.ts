import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fixture from '../fixtures/search-queries.json' with { type: 'json' };
import { launchBrowser, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { serveSite, type StaticSite } from '../support/serve.ts';
import { builtSite } from '../support/site.ts';
import { readEntries } from '../support/content.ts';
import { resultSlugs, submitSearch, waitForSearch } from '../support/search.ts';
import { ui } from '../../src/lib/ui-strings.ts';

let site: StaticSite;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  site = await serveSite(builtSite());
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const watched of opened) await watched.context.close();
  await browser?.close();
  await site?.close();
});

async function open(path: string, width = 1280): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, { viewport: { width, height: 900 } });
  opened.push(watched);
  await watched.page.goto(`${site.url}${path}`);
  return watched;
}

function expectClean(watched: WatchedPage): void {
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.failedRequests).toEqual([]);
}

const entries = new Map(readEntries().map((e) => [e.slug, e.data]));
const expectedFor = (q: string): string[] => fixture.queries.find((query) => query.q === q)!.expected;
const searchPath = (q: string, extra = ''): string => `/search/?q=${encodeURIComponent(q)}${extra}`;

function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}` : '';
  });
}

/** Press Tab until the focused element matches, as a keyboard-only reader would. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('the header search box', () => {
  it('takes focus on "/" and goes to /search/?q= on Enter', async () => {
    const watched = await open('/articles/jiyang-2024/', 375);
    const { page } = watched;
    await page.keyboard.press('/');
    expect(await focusedElement(page)).toBe('input#header-search-q');
    await expect(page.inputValue('#header-search-q')).resolves.toBe('');
    await page.keyboard.type('医养结合');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/u);
    expect(params(page).get('q')).toBe('医养结合');
    await waitForSearch(page, '医养结合');
    expect((await resultSlugs(page)).sort()).toEqual(expectedFor('医养结合'));
    expectClean(watched);
  });

  it('is on every page but the search page, which has its own box', async () => {
    const home = await open('/');
    await expect(home.page.locator('header form[role="search"] input[name="q"]').count()).resolves.toBe(1);
    const search = await open('/search/');
    await expect(search.page.locator('header form[role="search"]').count()).resolves.toBe(0);
    await search.page.keyboard.press('/');
    expect(await focusedElement(search.page)).toBe('input#search-q');
  });

  it('does not steal "/" from a reader typing in a field', async () => {
    const { page } = await open('/search/');
    await page.focus('#search-q');
    await page.keyboard.type('1/2');
    await expect(page.inputValue('#search-q')).resolves.toBe('1/2');
  });
});

describe('the search page', () => {
  it('searches for ?q= on load and shows title, region · year and a highlighted excerpt', async () => {
    const watched = await open(searchPath('家庭医生签约'));
    const { page } = watched;
    await waitForSearch(page, '家庭医生签约');
    await expect(page.inputValue('#search-q')).resolves.toBe('家庭医生签约');
    const slugs = await resultSlugs(page);
    expect(slugs.sort()).toEqual(expectedFor('家庭医生签约'));
    await expect(page.textContent('[data-search-status]')).resolves.toBe(ui.search.found(slugs.length, '家庭医生签约'));
    for (const item of await page.$$('.search-result')) {
      const href = await item.$eval('h2 a', (a) => a.getAttribute('href') ?? '');
      const data = entries.get(/\/articles\/([^/]+)\//u.exec(href)![1]!)!;
      await expect(item.$eval('h2 a', (a) => a.textContent)).resolves.toBe(data.title);
      await expect(item.$eval('.search-result-meta', (p) => p.textContent)).resolves.toBe(ui.search.resultMeta(data.region, String(data.year)));
      await expect(item.$$eval('.search-result-excerpt mark', (marks) => marks.map((m) => m.textContent))).resolves.toContain('家庭医生签约');
    }
    expectClean(watched);
  });

  it('shows a helpful empty state with example searches that all find something', async () => {
    const { page } = await open('/search/');
    await page.waitForSelector('archive-search[data-view="empty"] .search-examples a');
    await expect(page.textContent('.search-empty')).resolves.toContain(ui.search.emptyTitle);
    const examples = await page.$$eval('.search-examples a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(examples).toHaveLength(ui.search.examples.length);
    for (const example of ui.search.examples) {
      const slugs = await submitSearch(page, example);
      expect(slugs.length, example).toBeGreaterThan(0);
    }
  });

  it('shows a helpful no-result state', async () => {
    const watched = await open(searchPath('人工智能'));
    const { page } = watched;
    await waitForSearch(page, '人工智能');
    await expect(page.getAttribute('archive-search', 'data-view')).resolves.toBe('none');
    await expect(page.textContent('[data-search-status]')).resolves.toBe(ui.search.noResultsTitle('人工智能'));
    await expect(page.$$eval('.search-tips li', (items) => items.map((li) => li.textContent))).resolves.toEqual([...ui.search.noResultsTips]);
    await expect(page.getAttribute('.search-none a', 'href')).resolves.toBe('/');
    expectClean(watched);
  });

  it('shows filter counts, narrows by a filter, keeps it in the URL, and the back button restores', async () => {
    const q = '扶贫';
    const expected = expectedFor(q);
    const { page } = await open(searchPath(q));
    await waitForSearch(page, q);
    await page.click('[data-search-filters-summary]');
    const counts = await page.$$eval('.search-facet label', (labels) =>
      labels.map((label) => ({ value: label.querySelector('input')!.value, name: label.querySelector('input')!.name, count: label.querySelector('.search-facet-count')!.textContent })),
    );
    for (const year of new Set(expected.map((slug) => String(entries.get(slug)!.year)))) {
      const n = expected.filter((slug) => String(entries.get(slug)!.year) === year).length;
      expect(counts).toContainEqual({ value: year, name: 'year', count: ui.search.count(n) });
    }
    for (const region of new Set(expected.map((slug) => entries.get(slug)!.region))) {
      const n = expected.filter((slug) => entries.get(slug)!.region === region).length;
      expect(counts).toContainEqual({ value: region, name: 'region', count: ui.search.count(n) });
    }

    const of2020 = expected.filter((slug) => entries.get(slug)!.year === 2020).sort();
    expect(of2020.length).toBeGreaterThan(0);
    expect(of2020.length).toBeLessThan(expected.length);
    await page.check('input[name="year"][value="2020"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    expect((await resultSlugs(page)).sort()).toEqual(of2020);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(`${ui.search.found(of2020.length, q)}${ui.search.filteredFrom(expected.length)}`);

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
    await waitForSearch(page, q);
    expect((await resultSlugs(page)).sort()).toEqual(expected);
    await expect(page.isChecked('input[name="year"][value="2020"]')).resolves.toBe(false);

    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, of2020.length);
    await expect(page.isChecked('input[name="year"][value="2020"]')).resolves.toBe(true);
  });

  it('opens a filtered, sorted URL as it was shared', async () => {
    const { page } = await open(searchPath('扶贫', '&region=%E5%B7%A8%E9%87%8E%E5%8E%BF&sort=oldest'));
    await waitForSearch(page, '扶贫');
    const slugs = await resultSlugs(page);
    expect(slugs.sort()).toEqual(expectedFor('扶贫').filter((slug) => entries.get(slug)!.region === '巨野县').sort());
    await expect(page.inputValue('[data-search-sort]')).resolves.toBe('oldest');
    await expect(page.isChecked('input[name="region"][value="巨野县"]')).resolves.toBe(true);
  });

  it('lists the articles of a filter when the URL has a filter but no query', async () => {
    const { page } = await open('/search/?year=2020&sort=newest');
    await waitForSearch(page, '');
    const of2020 = [...entries].filter(([, data]) => data.year === 2020).map(([slug]) => slug).sort();
    expect((await resultSlugs(page)).sort()).toEqual(of2020);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(`${ui.search.found(of2020.length, '')}${ui.search.filteredFrom(entries.size)}`);
  });

  it('sorts by year, newest or oldest first, and keeps the order in the URL', async () => {
    const q = '党建';
    const { page } = await open(searchPath(q));
    await waitForSearch(page, q);
    const years = async () => (await resultSlugs(page)).map((slug) => entries.get(slug)!.year);
    await page.selectOption('[data-search-sort]', 'newest');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'newest');
    await waitForSearch(page, q);
    const newest = await years();
    expect(newest).toHaveLength(expectedFor(q).length);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(new Set(newest).size).toBeGreaterThan(1);
    await page.selectOption('[data-search-sort]', 'oldest');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'oldest');
    await waitForSearch(page, q);
    const oldest = await years();
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'newest');
    await expect(page.inputValue('[data-search-sort]')).resolves.toBe('newest');
  });

  it('restores the previous query on Back after a new search', async () => {
    const { page } = await open(searchPath('托育'));
    await waitForSearch(page, '托育');
    const first = await resultSlugs(page);
    await submitSearch(page, '丙肝');
    expect(params(page).get('q')).toBe('丙肝');
    await page.goBack();
    await waitForSearch(page, '托育');
    await expect(page.inputValue('#search-q')).resolves.toBe('托育');
    expect(await resultSlugs(page)).toEqual(first);
  });

  it('searches as the reader types, keeping one history entry for the typed query', async () => {
    const { page } = await open(searchPath('托育'));
    await waitForSearch(page, '托育');
    const before = await page.evaluate(() => history.length);
    await page.click('#search-q', { clickCount: 3 });
    await page.keyboard.type('丙肝', { delay: 30 });
    await waitForSearch(page, '丙肝');
    expect((await resultSlugs(page)).sort()).toEqual(expectedFor('丙肝'));
    expect(params(page).get('q')).toBe('丙肝');
    await expect(page.evaluate(() => history.length)).resolves.toBe(before + 1);
    await page.goBack();
    await waitForSearch(page, '托育');
    expect((await resultSlugs(page)).sort()).toEqual(expectedFor('托育'));
  });

  it('waits for the input method to commit Chinese before searching', async () => {
    const { page } = await open('/search/');
    await page.focus('#search-q');
    const cdp = await page.context().newCDPSession(page);
    for (const pinyin of ['y', 'yi', 'yiy', 'yiya', 'yiyan', 'yiyang']) {
      await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    }
    await page.waitForTimeout(600);
    expect(params(page).has('q')).toBe(false);
    await expect(page.getAttribute('archive-search', 'data-view')).resolves.toBe('empty');
    await cdp.send('Input.insertText', { text: '医养' });
    await waitForSearch(page, '医养');
    expect(params(page).get('q')).toBe('医养');
  });

  it('can be used by keyboard alone: search, filter, open a result', async () => {
    const { page } = await open('/search/');
    await page.keyboard.press('/');
    await page.keyboard.type('扶贫');
    await page.keyboard.press('Enter');
    await waitForSearch(page, '扶贫');
    await tabTo(page, '[data-search-filters-summary]');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input[name="year"][value="2018"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2018');
    // The checkbox keeps focus after the list re-renders.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('2018');
    const shown = await resultSlugs(page);
    expect(shown.length).toBeGreaterThan(0);
    await tabTo(page, '.search-result-title a');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/articles/${shown[0]}/$`, 'u'));
  });

  it('loads without layout shift and fits a 375 px screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) w.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.url}${searchPath('医养结合')}`);
    await waitForSearch(page, '医养结合');
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as unknown as { shift: number }).shift)).resolves.toBeLessThan(0.01);
    await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await context.close();
  });

  it('says plainly without JavaScript that search needs it, and links to the article list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${site.url}${searchPath('医养结合')}`);
    const message = page.locator('.search-noscript');
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(message.textContent()).resolves.toContain(ui.search.noScript);
    await expect(message.locator('a').getAttribute('href')).resolves.toBe('/');
    await expect(page.locator('archive-search').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
