import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement as ParsedElement } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { EXCLUDE_SELECTORS, SEARCH_BUNDLE } from '../../src/search/build/integration.ts';
import { readShardNames, searchFilePaths } from '../../src/search/shared/files.ts';
import {
  readDisplayChunk,
  readFiltersFile,
  readPagesFile,
  type PageDisplay,
  type PageFilters,
  type PagesFile,
} from '../../src/search/shared/pages.ts';
import { readTermShard, shardOf, type GramPostings } from '../../src/search/shared/terms.ts';

/**
 * Elements Pagefind never indexes, whatever the markup says (REMOVE_SELECTORS in
 * its parser, pagefind/src/fossick/parser.rs): a chart's svg is a picture to it;
 * its words reach the index through the chart's title, note and data table.
 */
export const PAGEFIND_SKIPS = [
  'script',
  'style',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
];

/** The text a page offers search, read from its HTML: its data-pagefind-body, without ignored parts, excluded selectors and what Pagefind skips. */
export function indexedText(page: ParsedElement): string {
  const body = page.querySelector('[data-pagefind-body]');
  if (!body) return '';
  const copy = parse(body.outerHTML);
  for (const ignored of copy.querySelectorAll(
    ['[data-pagefind-ignore]', ...EXCLUDE_SELECTORS, ...PAGEFIND_SKIPS].join(', '),
  ))
    ignored.remove();
  return copy.textContent;
}

/** How tests name a page search can find: an article by its slug, a story as stories/<slug>. */
export function pageKey(url: string): string {
  const story = /\/stories\/([^/]+)\//u.exec(url);
  if (story) return `stories/${decodeURIComponent(story[1]!)}`;
  return decodeURIComponent(/\/articles\/([^/]+)\//u.exec(url)?.[1] ?? url);
}

/** Views of <archive-search> in which a search has finished. */
export const SETTLED = ['results', 'none'];

/** Wait until the search page shows the outcome for this query. */
export async function waitForSearch(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    ({ q, settled }) => {
      const host = document.querySelector<HTMLElement>('archive-search');
      return (
        host?.dataset.query === q && settled.includes(host.dataset.view ?? '') && !host.querySelector('[aria-busy]')
      );
    },
    { q, settled: SETTLED },
  );
}

/**
 * Make a page note when the search first shows its outcome (Date.now(), as window.searchShownAt): before the
 * search page fetches its filters, which it does after listing the results. Call before the page loads.
 */
export async function noteWhenSearchShows(page: Page): Promise<void> {
  await page.addInitScript((settled: string[]) => {
    const watch = new MutationObserver(() => {
      const host = document.querySelector<HTMLElement>('archive-search');
      if (!settled.includes(host?.dataset.view ?? '')) return;
      (window as unknown as { searchShownAt: number }).searchShownAt = Date.now();
      watch.disconnect();
    });
    watch.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-view'] });
  }, SETTLED);
}

/** When noteWhenSearchShows saw the outcome shown, in ms since 1970. */
export const searchShownAt = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { searchShownAt: number }).searchShownAt);

/** Submit q on an open search page and time it: milliseconds from submit until its results (or none) show. */
export async function timeSearch(page: Page, q: string): Promise<number> {
  return page.evaluate(
    ({ q, settled }) =>
      new Promise<number>((done) => {
        const host = document.querySelector<HTMLElement>('archive-search')!;
        const input = host.querySelector<HTMLInputElement>('[data-search-input]')!;
        const start = performance.now();
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        const observer = new MutationObserver(() => {
          if (host.dataset.query !== q || !settled.includes(host.dataset.view ?? '')) return;
          observer.disconnect();
          done(performance.now() - start);
        });
        observer.observe(host, { attributes: true });
        input.value = q;
        host.querySelector('form')!.requestSubmit();
      }),
    { q, settled: SETTLED },
  );
}

/** Type a query into the search page's box and submit it; resolves with the keys of the results listed first (see pageKey), in order. */
export async function submitSearch(page: Page, q: string): Promise<string[]> {
  await page.fill('[data-search-input]', q);
  await page.press('[data-search-input]', 'Enter');
  await waitForSearch(page, q);
  return resultSlugs(page);
}

/** Keys of the results listed on the search page (see pageKey), in the order shown. */
export async function resultSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('.search-result-title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map(pageKey);
}

/** Press "more" until every result is listed; resolves with all their keys, in order. */
export async function allResultSlugs(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('[data-search-more]');
    if ((await more.count()) === 0) return resultSlugs(page);
    const listed = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, listed);
  }
}

/**
 * Submit q on an open search page and list every result, pressing "more" until none is left, all inside the
 * page: what submitSearch then allResultSlugs give, without a round trip to the browser for each step (the
 * reader query set runs 216 queries). Resolves with the keys of the results (see pageKey), in the order shown.
 */
export async function searchAllResults(page: Page, q: string): Promise<string[]> {
  const hrefs = await page.evaluate(
    ({ q, settled }) =>
      new Promise<string[]>((done, fail) => {
        const host = document.querySelector<HTMLElement>('archive-search')!;
        const input = host.querySelector<HTMLInputElement>('[data-search-input]')!;
        let asked = -1;
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        const timer = setTimeout(() => fail(new Error(`no settled results for ${q}`)), 20_000);
        const observer = new MutationObserver(() => {
          if (host.dataset.query !== q || !settled.includes(host.dataset.view ?? '')) return;
          if (host.querySelector('[aria-busy]')) return;
          const listed = document.querySelectorAll('.search-result').length;
          const more = document.querySelector<HTMLElement>('[data-search-more]');
          if (more) {
            if (listed > asked) {
              asked = listed;
              more.click();
            }
            return;
          }
          observer.disconnect();
          clearTimeout(timer);
          done([...document.querySelectorAll('.search-result-title a')].map((a) => a.getAttribute('href') ?? ''));
        });
        observer.observe(document.body, { attributes: true, childList: true, subtree: true });
        input.value = q;
        host.querySelector('form')!.requestSubmit();
      }),
    { q, settled: SETTLED },
  );
  return hrefs.map(pageKey);
}

/** A built site's search files (src/search/shared/files.ts), read as the search page reads them. */
export interface BuiltSearch {
  facts: PagesFile;
  /** Every page's display entry, page i at i. */
  /** Each term shard's name, from the shard directories. */
  /** Every page's filter values (the filters file), by page number. */
  filters: PageFilters[];
  shardNames: string[];
  displays: PageDisplay[];
  lookup: (gram: string) => GramPostings | undefined;
  /** A page's text, by page number. */
  text: (page: number) => string;
}

export function readBuiltSearch(siteDir: string): BuiltSearch {
  const read = (path: string): Buffer => gunzipSync(readFileSync(join(siteDir, SEARCH_BUNDLE, path)));
  const facts = readPagesFile(read(searchFilePaths.facts));
  const chunks = Math.ceil(facts.pages.length / facts.chunkPages);
  const displays = Array.from({ length: chunks }, (_, n) =>
    readDisplayChunk(read(searchFilePaths.chunk(facts.names.chunks[n]!, n)).toString('utf8')),
  ).flat();
  const shardNames = readShardNames(facts, (path) => read(path).toString('utf8'));
  const shards = Array.from({ length: facts.shards }, (_, n) =>
    readTermShard(read(searchFilePaths.shard(shardNames[n]!, n))),
  );
  return {
    facts,
    filters: readFiltersFile(read(searchFilePaths.filters(facts.names.filters))),
    shardNames,
    displays,
    lookup: (gram) => shards[shardOf(gram, facts.layout)]!.get(gram),
    text: (page) => read(searchFilePaths.text(displays[page]!.id)).toString('utf8'),
  };
}
