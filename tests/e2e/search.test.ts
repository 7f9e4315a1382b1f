import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fixture from '../../scripts/support/data/search-queries.json' with { type: 'json' };
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';
import { builtSite } from '../support/site.ts';
import { readEntries, readStories } from '../support/content.ts';
import {
  allResultSlugs,
  pageKey,
  readBuiltSearch,
  resultSlugs,
  submitSearch,
  waitForSearch,
} from '../../scripts/support/search.ts';
import { ui } from '../../src/lib/ui-strings.ts';
import { storySources } from '../../src/site/story-sources.ts';
import { searchFilePaths } from '../../src/search/shared/files.ts';
import { gramWeight, planQuery, shardOf } from '../../src/search/shared/terms.ts';
import { expectedPages, readOraclePages } from '../../scripts/support/search-eval/oracle.ts';

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

const stories = readStories();

/** What the search page shows and filters by, for every page it can find (keys as in the fixture). */
interface PageFacts {
  title: string;
  type: 'article' | 'story';
  year: string;
  /** The 年份 filter's values: an article's year; the years of the articles a story draws on. */
  years: string[];
  regions: string[];
  meta: string;
}
const sourceArticles = readEntries().map((e) => ({
  slug: e.slug,
  title: e.data.title,
  region: e.data.region,
  year: e.data.year,
}));
const pages = new Map<string, PageFacts>([
  ...readEntries().map((e): [string, PageFacts] => [
    e.slug,
    {
      title: e.data.title,
      type: 'article',
      year: String(e.data.year),
      years: [String(e.data.year)],
      regions: [e.data.region],
      meta: ui.search.resultMeta(e.data.region, String(e.data.year)),
    },
  ]),
  ...stories.map((s): [string, PageFacts] => {
    const date = s.data.date.toISOString().slice(0, 10);
    const meta = `${ui.search.types.story} ${ui.search.storyMeta(date, s.data.regions.join('、'))}`;
    return [
      `stories/${s.slug}`,
      {
        title: s.data.title,
        type: 'story',
        year: date.slice(0, 4),
        years: [...new Set(storySources(s.body, s.data.hero, sourceArticles).map((a) => String(a.year)))],
        regions: s.data.regions,
        meta,
      },
    ];
  }),
]);
const facts = (key: string): PageFacts => pages.get(key)!;
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
    expect((await allResultSlugs(page)).sort()).toEqual(expectedFor('医养结合'));
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
  it('searches for ?q= on load and shows title, region · year (or 专题 · date · places) and a highlighted excerpt', async () => {
    const watched = await open(searchPath('家庭医生签约'));
    const { page } = watched;
    await waitForSearch(page, '家庭医生签约');
    await expect(page.inputValue('#search-q')).resolves.toBe('家庭医生签约');
    const keys = await resultSlugs(page);
    expect([...keys].sort()).toEqual(expectedFor('家庭医生签约'));
    const storyCount = keys.filter((key) => facts(key).type === 'story').length;
    expect(storyCount).toBeGreaterThan(0);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      ui.search.found(keys.length, '家庭医生签约', storyCount),
    );
    for (const [i, item] of (await page.$$('.search-result')).entries()) {
      const shown = facts(keys[i]!);
      await expect(item.$eval('h2 a', (a) => a.textContent)).resolves.toBe(shown.title);
      await expect(item.$eval('.search-result-meta', (p) => p.textContent)).resolves.toBe(shown.meta);
      await expect(item.$$eval('.search-result-type', (labels) => labels.map((l) => l.textContent))).resolves.toEqual(
        shown.type === 'story' ? [ui.search.types.story] : [],
      );
      await expect(
        item.$$eval('.search-result-excerpt mark', (marks) => marks.map((m) => m.textContent)),
      ).resolves.toContain('家庭医生签约');
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
    await expect(page.$$eval('.search-tips li', (items) => items.map((li) => li.textContent))).resolves.toEqual([
      ...ui.search.noResultsTips,
    ]);
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
      labels.map((label) => ({
        value: label.querySelector('input')!.value,
        name: label.querySelector('input')!.name,
        count: label.querySelector('.search-facet-count')!.textContent,
      })),
    );
    for (const year of new Set(expected.flatMap((key) => facts(key).years))) {
      const n = expected.filter((key) => facts(key).years.includes(year)).length;
      expect(counts).toContainEqual({ value: year, name: 'year', count: ui.search.count(n) });
    }
    for (const region of new Set(expected.flatMap((key) => facts(key).regions))) {
      const n = expected.filter((key) => facts(key).regions.includes(region)).length;
      expect(counts).toContainEqual({ value: region, name: 'region', count: ui.search.count(n) });
    }

    const of2020 = expected.filter((key) => facts(key).years.includes('2020')).sort();
    expect(of2020.length).toBeGreaterThan(0);
    expect(of2020.length).toBeLessThan(expected.length);
    await page.check('input[name="year"][value="2020"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    await waitForSearch(page, q);
    expect((await allResultSlugs(page)).sort()).toEqual(of2020);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      `${ui.search.found(of2020.length, q, of2020.filter((key) => key.startsWith('stories/')).length)}${ui.search.filteredFrom(expected.length)}`,
    );

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
    await waitForSearch(page, q);
    expect((await allResultSlugs(page)).sort()).toEqual(expected);
    await expect(page.isChecked('input[name="year"][value="2020"]')).resolves.toBe(false);

    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, of2020.length);
    await expect(page.isChecked('input[name="year"][value="2020"]')).resolves.toBe(true);
  });

  it('narrows to feature stories or articles with the 类型 filter, kept in the URL, and marks story rows', async () => {
    const q = '聊城';
    const expected = expectedFor(q);
    const ofStories = expected.filter((key) => facts(key).type === 'story').sort();
    const ofArticles = expected.filter((key) => facts(key).type === 'article').sort();
    expect(ofStories.length).toBeGreaterThan(0);
    expect(ofArticles.length).toBeGreaterThan(0);
    const watched = await open(searchPath(q));
    const { page } = watched;
    await waitForSearch(page, q);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      ui.search.found(expected.length, q, ofStories.length),
    );
    await page.click('[data-search-filters-summary]');
    const typeCounts = await page.$$eval('input[name="type"]', (boxes) =>
      boxes.map(
        (box) =>
          `${(box as HTMLInputElement).value} ${box.parentElement!.querySelector('.search-facet-count')!.textContent}`,
      ),
    );
    expect(typeCounts.sort()).toEqual(
      [
        `${ui.search.types.article} ${ui.search.count(ofArticles.length)}`,
        `${ui.search.types.story} ${ui.search.count(ofStories.length)}`,
      ].sort(),
    );

    await page.check(`input[name="type"][value="${ui.search.types.story}"]`);
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('type') === v, ui.search.types.story);
    await waitForSearch(page, q);
    expect((await allResultSlugs(page)).sort()).toEqual(ofStories);
    await expect(
      page.$$eval('.search-result', (items) =>
        items.map((item) => item.querySelector('.search-result-type')?.textContent),
      ),
    ).resolves.toEqual(ofStories.map(() => ui.search.types.story));
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      `${ui.search.found(ofStories.length, q, ofStories.length)}${ui.search.filteredFrom(expected.length)}`,
    );

    // Alternatives of one filter add up: both types is everything again.
    await page.check(`input[name="type"][value="${ui.search.types.article}"]`);
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('type').length === 2);
    await waitForSearch(page, q);
    expect((await allResultSlugs(page)).sort()).toEqual(expected);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('type').length === 1);
    await waitForSearch(page, q);
    expect((await allResultSlugs(page)).sort()).toEqual(ofStories);
    expectClean(watched);
  });

  it('opens a filtered, sorted URL as it was shared', async () => {
    const { page } = await open(searchPath('扶贫', '&region=%E5%B7%A8%E9%87%8E%E5%8E%BF&sort=oldest'));
    await waitForSearch(page, '扶贫');
    const keys = await allResultSlugs(page);
    expect([...keys].sort()).toEqual(
      expectedFor('扶贫')
        .filter((key) => facts(key).regions.includes('巨野县'))
        .sort(),
    );
    expect(keys.map((key) => facts(key).year)).toEqual(keys.map((key) => facts(key).year).sort());
    await expect(page.inputValue('[data-search-sort]')).resolves.toBe('oldest');
    await expect(page.isChecked('input[name="region"][value="巨野县"]')).resolves.toBe(true);
  });

  it('lists the pages of a filter when the URL has a filter but no query', async () => {
    const { page } = await open('/search/?year=2020&sort=newest');
    await waitForSearch(page, '');
    const of2020 = [...pages]
      .filter(([, facts]) => facts.years.includes('2020'))
      .map(([key]) => key)
      .sort();
    expect((await allResultSlugs(page)).sort()).toEqual(of2020);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      `${ui.search.found(of2020.length, '', of2020.filter((key) => key.startsWith('stories/')).length)}${ui.search.filteredFrom(pages.size)}`,
    );
  });

  it('lists every feature story for /search/?type=专题, newest first, each opening its story', async () => {
    const watched = await open(`/search/?type=${encodeURIComponent(ui.search.types.story)}`);
    const { page } = watched;
    await waitForSearch(page, '');
    const keys = await allResultSlugs(page);
    expect([...keys].sort()).toEqual(stories.map((s) => `stories/${s.slug}`).sort());
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      `${ui.search.found(stories.length, '', stories.length)}${ui.search.filteredFrom(pages.size)}`,
    );
    // The excerpt starts after the headline, which the row shows already.
    const first = facts(keys[0]!);
    const excerpt = (await page.textContent('.search-result-excerpt')) ?? '';
    expect(excerpt.replace(/^…/u, '').startsWith(first.title)).toBe(false);
    await page.click('.search-result-title a');
    await page.waitForURL(new RegExp(`/${keys[0]}/$`, 'u'));
    await expect(page.textContent('h1')).resolves.toBe(first.title);
    expectClean(watched);
  });

  it('finds a story by a phrase of its headline and highlights it in the excerpt', async () => {
    const q = '一通急救电话背后';
    const watched = await open(searchPath(q));
    const { page } = watched;
    await waitForSearch(page, q);
    const keys = await resultSlugs(page);
    expect(keys).toEqual(expectedFor(q));
    const story = facts(keys[0]!);
    expect(story.type).toBe('story');
    await expect(page.textContent('.search-result-meta')).resolves.toBe(story.meta);
    await expect(
      page.$$eval('.search-result-excerpt mark', (marks) => marks.map((m) => m.textContent)),
    ).resolves.toEqual([q]);
    await expect(page.textContent('[data-search-status]')).resolves.toBe(ui.search.found(1, q, 1));
    expectClean(watched);
  });

  it('lists five results, then the rest on request, fetching only the texts (or blocks) it shows; focus moves to the first new one', async () => {
    const q = '医养结合';
    const expected = expectedFor(q);
    expect(expected.length).toBeGreaterThan(5);
    const watched = await open('/search/');
    const { page } = watched;
    const texts: string[] = [];
    page.on('request', (request) => {
      if (/^\/pagefind\/(text|excerpt)\//u.test(new URL(request.url()).pathname)) texts.push(request.url());
    });
    await submitSearch(page, q);
    expect(await resultSlugs(page)).toHaveLength(5);
    expect(texts).toHaveLength(5);
    const more = page.locator('[data-search-more]');
    await expect(more.textContent()).resolves.toBe(ui.search.more(expected.length - 5));
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, expected.length);
    expect(texts).toHaveLength(expected.length);
    await expect(page.locator('[data-search-more]').count()).resolves.toBe(0);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    expect(focused).toBe(
      (await page.$$eval('.search-result-title a', (links) => links.map((a) => a.getAttribute('href'))))[5],
    );
    expectClean(watched);
  });

  it('fetches the facts file, the shards of the query’s pairs and their directories, the display chunk and text (or text block) of each result shown, then the filters file, nothing else', async () => {
    const q = '家庭医生签约';
    const built = readBuiltSearch(builtSite());
    const grams = planQuery([q], gramWeight(built.facts.layout)).flatMap((p) => p.grams);
    // The pairs that cover the term: 家庭, 医生 and 签约 at offsets 0, 2 and 4.
    expect(grams).toEqual(['家庭', '医生', '签约']);
    const numbers = [...new Set(grams.map((gram) => shardOf(gram, built.facts.layout)))];
    const shards = numbers.map((n) => searchFilePaths.shard(built.shardNames[n]!, n));
    // Each shard's name comes from its shard directory (the facts file names the directories only).
    const directories = [...new Set(numbers.map((n) => Math.floor(n / built.facts.shardsPerDirectory)))].map((d) =>
      searchFilePaths.directory(built.facts.names.directories[d]!, d),
    );
    const watched = await open('/search/');
    const { page } = watched;
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/pagefind/')) fetched.push(path.slice('/pagefind/'.length));
    });
    await submitSearch(page, q);
    const shown = await resultSlugs(page);
    // Each result's text, or for a long page the one block of it its excerpt is cut from.
    const ids = shown.map((key) => built.displays.find((d) => pageKey(d.url) === key)!.id);
    const texts = fetched.filter((path) => /^(text|excerpt)\//u.test(path));
    expect(texts).toHaveLength(ids.length);
    for (const id of ids)
      expect(
        texts.filter((path) => path === searchFilePaths.text(id) || path.startsWith(`excerpt/${id}-`)),
      ).toHaveLength(1);
    const filters = searchFilePaths.filters(built.facts.names.filters);
    expect(fetched.filter((path) => !texts.includes(path)).sort()).toEqual(
      [
        searchFilePaths.facts,
        ...directories,
        ...shards,
        searchFilePaths.chunk(built.facts.names.chunks[0]!, 0),
        filters,
      ].sort(),
    );
    // The filters file comes after the results are read and listed: they never wait for it.
    expect(fetched.indexOf(filters)).toBeGreaterThan(Math.max(...texts.map((path) => fetched.indexOf(path))));
    expect(texts.some((path) => path.startsWith('excerpt/'))).toBe(true);
    expectClean(watched);
  });

  it('counts exactly the pages holding a three-character term, in the status and every filter, with filters combined', async () => {
    // 万人 and 人次 both occur on more pages than 万人次 does (the independent oracle's pages): the term index
    // keeps where each pair occurs, so no page counts that lacks the term, before any page's text is read.
    const q = '万人次';
    const built = readBuiltSearch(builtSite());
    const expected = expectedPages(readOraclePages(builtSite()), q);
    const holdingPairs = planQuery([q])[0]!.grams.map((gram) => new Set(built.lookup(gram)?.pages ?? []));
    const holdingAll = [...holdingPairs[0]!].filter((page) => holdingPairs.every((pages) => pages.has(page)));
    expect(holdingAll.length).toBeGreaterThan(expected.length);

    const valuesOf = (key: string, name: string): string[] =>
      name === 'type'
        ? [facts(key).type === 'story' ? ui.search.types.story : ui.search.types.article]
        : name === 'year'
          ? facts(key).years
          : facts(key).regions;
    /** What each type, region and year box should count, given the boxes checked (src/search/browser/facets.ts). */
    const wantCounts = (selection: Record<string, string[]>) =>
      ['type', 'region', 'year']
        .flatMap((name) => {
          const others = expected.filter((key) =>
            Object.entries(selection).every(
              ([other, values]) => other === name || values.some((v) => valuesOf(key, other).includes(v)),
            ),
          );
          const values = new Set(expected.flatMap((key) => valuesOf(key, name)));
          return [...values].map(
            (value) =>
              `${name} ${value} ${ui.search.count(others.filter((key) => valuesOf(key, name).includes(value)).length)}`,
          );
        })
        .sort();
    const shownCounts = (page: Page) =>
      page.$$eval('.search-facet input:is([name="type"], [name="region"], [name="year"])', (boxes) =>
        boxes
          .map(
            (box) =>
              `${(box as HTMLInputElement).name} ${(box as HTMLInputElement).value} ${box.parentElement!.querySelector('.search-facet-count')!.textContent}`,
          )
          .sort(),
      );

    const { page } = await open(searchPath(q));
    await waitForSearch(page, q);
    const storiesOf = (keys: string[]) => keys.filter((key) => key.startsWith('stories/')).length;
    await expect(page.textContent('[data-search-status]')).resolves.toBe(
      ui.search.found(expected.length, q, storiesOf(expected)),
    );
    await expect(shownCounts(page)).resolves.toEqual(wantCounts({}));

    // Two filters at once: a region and a year that some expected page has together.
    const key = expected.find((k) => facts(k).type === 'article')!;
    const selection = { region: [facts(key).regions[0]!], year: [facts(key).years[0]!] };
    const { page: filtered } = await open(
      searchPath(q, `&region=${encodeURIComponent(selection.region[0]!)}&year=${selection.year[0]!}`),
    );
    await waitForSearch(filtered, q);
    const both = expected.filter(
      (k) => valuesOf(k, 'region').includes(selection.region[0]!) && valuesOf(k, 'year').includes(selection.year[0]!),
    );
    expect(both.length).toBeGreaterThan(0);
    expect((await allResultSlugs(filtered)).sort()).toEqual([...both].sort());
    await expect(filtered.textContent('[data-search-status]')).resolves.toBe(
      `${ui.search.found(both.length, q, storiesOf(both))}${ui.search.filteredFrom(expected.length)}`,
    );
    await expect(shownCounts(filtered)).resolves.toEqual(wantCounts(selection));
  });

  it('sorts by year, newest or oldest first, and keeps the order in the URL', async () => {
    const q = '党建';
    const { page } = await open(searchPath(q));
    await waitForSearch(page, q);
    const years = async () => (await allResultSlugs(page)).map((key) => Number(facts(key).year));
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
      await cdp.send('Input.imeSetComposition', {
        text: pinyin,
        selectionStart: pinyin.length,
        selectionEnd: pinyin.length,
      });
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
    await page.waitForURL(
      new RegExp(`/${shown[0]!.startsWith('stories/') ? shown[0] : `articles/${shown[0]}`}/$`, 'u'),
    );
  });

  it('loads without layout shift and fits a 375 px screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
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
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
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
