import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';
import { resultSlugs, waitForSearch } from '../../scripts/support/search.ts';

/** What readers type that the search must read as they mean it: Traditional characters, terms printed with punctuation inside. */
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

/** A fresh search page for q; resolves with it, its result keys and the URLs it requested. */
async function search(q: string) {
  const watched = await openWatchedPage(browser, { viewport: { width: 1280, height: 900 } });
  opened.push(watched);
  const requested: string[] = [];
  watched.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await watched.page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  await waitForSearch(watched.page, q);
  const marks = await watched.page.$$eval('.search-result mark', (found) => found.map((m) => m.textContent ?? ''));
  return { watched, keys: await resultSlugs(watched.page), marks, requested };
}

const loadsConverter = (requested: string[]) => requested.some((path) => path.includes('/traditional/'));

describe('search as readers type', () => {
  it('finds the Simplified pages for a Traditional query, marks their own text, and loads the converter only then', async () => {
    const traditional = await search('醫養結合');
    expect(traditional.keys).toEqual(expect.arrayContaining(['juye-2020', 'shanting-2018']));
    expect(traditional.marks.length).toBeGreaterThan(0);
    for (const mark of traditional.marks) expect(mark).toBe('医养结合');
    expect(loadsConverter(traditional.requested)).toBe(true);

    const simplified = await search('医养结合');
    expect(simplified.keys).toEqual(traditional.keys);
    expect(loadsConverter(simplified.requested)).toBe(false);
    expect(traditional.watched.consoleErrors).toEqual([]);
  });

  it('loads the converter for a query with Traditional characters, never for a Simplified one that finds nothing', async () => {
    // The converter is a chunk of its own and the build's dictionary; neither is requested for a Simplified query.
    const converterRequests = (requested: string[]) =>
      requested.filter((path) => path.includes('/traditional/') || /\/_astro\/core\.[^/]+\.js$/u.test(path));
    for (const q of ['青岛', '卫生健康 青岛', '新冠疫苗接种']) {
      const simplified = await search(q);
      expect(simplified.keys, q).toEqual([]);
      expect(converterRequests(simplified.requested), q).toEqual([]);
    }
    for (const q of ['衛生健康', '醫療服務']) {
      const traditional = await search(q);
      expect(traditional.keys.length, q).toBeGreaterThan(0);
      expect(converterRequests(traditional.requested), q).toHaveLength(2);
    }
  });

  it('finds a term printed with quotation marks or a middle dot inside it, and marks it as printed', async () => {
    const team = await search('3+X家庭医生');
    expect(team.keys[0]).toBe('shanting-2018');
    expect(team.marks).toContain('3+X”家庭医生');
    const byline = await search('齐鲁晚报齐鲁壹点');
    expect(byline.keys).toEqual(['shanghe-2020']);
    expect(byline.marks).toContain('齐鲁晚报·齐鲁壹点');
  });

  it('keeps stories from crowding the articles out of the first five results', async () => {
    // Both match two stories (which retell topics across the archive) besides the articles: 4 and 3 of them.
    for (const [q, articles] of [
      ['医养结合', 4],
      ['计划生育', 3],
    ] as const) {
      const { keys } = await search(q);
      const firstFive = keys.slice(0, 5);
      expect(firstFive.filter((key) => !key.startsWith('stories/')).length, q).toBe(articles);
      expect(
        firstFive.slice(0, articles + 1).filter((key) => key.startsWith('stories/')).length,
        q,
      ).toBeLessThanOrEqual(1);
    }
  });
});
