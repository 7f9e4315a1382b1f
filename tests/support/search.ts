import { parse, type HTMLElement as ParsedElement } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { EXCLUDE_SELECTORS } from '../../src/integrations/pagefind.ts';

/** The text Pagefind indexes from a page: its data-pagefind-body, without ignored parts and the selectors the build excludes. */
export function indexedText(page: ParsedElement): string {
  const body = page.querySelector('[data-pagefind-body]');
  if (!body) return '';
  const copy = parse(body.outerHTML);
  for (const ignored of copy.querySelectorAll(['[data-pagefind-ignore]', ...EXCLUDE_SELECTORS].join(', '))) ignored.remove();
  return copy.textContent;
}

/** Views of <archive-search> in which a search has finished. */
export const SETTLED = ['results', 'none'];

/** Wait until the search page shows the outcome for this query. */
export async function waitForSearch(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    ({ q, settled }) => {
      const host = document.querySelector<HTMLElement>('archive-search');
      return host?.dataset.query === q && settled.includes(host.dataset.view ?? '');
    },
    { q, settled: SETTLED },
  );
}

/** Type a query into the search page's box and submit it; resolves with the result slugs in order. */
export async function submitSearch(page: Page, q: string): Promise<string[]> {
  await page.fill('[data-search-input]', q);
  await page.press('[data-search-input]', 'Enter');
  await waitForSearch(page, q);
  return resultSlugs(page);
}

/** Slugs of the results on the search page, in the order shown. */
export async function resultSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('.search-result-title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => /\/articles\/([^/]+)\//u.exec(href)?.[1] ?? href);
}
