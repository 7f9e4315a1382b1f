/**
 * Stock Pagefind over a built site, for comparison: a copy of the site in a scratch folder with
 * Pagefind's own index (pagefind_extended, so Chinese is segmented) in /pagefind-stock/ and a
 * search page, /search-stock/, that is the site's search page with the site's search script
 * replaced by Pagefind's UI-less JS API (its runtime, default options).
 *
 * The harness page, on /search-stock/?q=…, searches, loads the first five results' data (what
 * Pagefind's default UI shows first) and lists them, then sets data-stock-shown on <html>.
 * window.stockSearch(q) runs a query in the loaded page: { ms (to five results shown), total, keys of the first ten }.
 * The page's Content-Security-Policy <meta> is dropped: Pagefind's WebAssembly needs 'wasm-unsafe-eval'.
 */
import { cpSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
// The site's own exclusions (its Pagefind configuration), so both engines index the same text.
import { EXCLUDE_SELECTORS } from '../../../src/search/build/integration.ts';

export const STOCK_BUNDLE = '/pagefind-stock/';
export const STOCK_PAGE = '/search-stock/';

const HARNESS = `
const pagefind = await import('${STOCK_BUNDLE}pagefind.js');
await pagefind.options({ baseUrl: '/' });
const list = document.createElement('ol');
list.id = 'stock-results';
(document.querySelector('main') ?? document.body).prepend(list);
const keyOf = (url) => {
  const story = /\\/stories\\/([^/]+)\\//u.exec(url);
  if (story) return 'stories/' + decodeURIComponent(story[1]);
  const article = /\\/articles\\/([^/]+)\\//u.exec(url);
  return article ? decodeURIComponent(article[1]) : url;
};
const show = (datas) => list.replaceChildren(...datas.map((d) => {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = d.url;
  link.textContent = d.meta?.title ?? d.url;
  item.append(link);
  return item;
}));
window.stockSearch = async (q) => {
  const start = performance.now();
  const search = await pagefind.search(q);
  const results = search?.results ?? [];
  const firstFive = await Promise.all(results.slice(0, 5).map((r) => r.data()));
  show(firstFive);
  const ms = performance.now() - start;
  const rest = await Promise.all(results.slice(5, 10).map((r) => r.data()));
  return { ms, total: results.length, keys: [...firstFive, ...rest].map((d) => keyOf(d.url)) };
};
const q = new URLSearchParams(location.search).get('q');
if (q) {
  const search = await pagefind.search(q);
  const results = search?.results ?? [];
  show(await Promise.all(results.slice(0, 5).map((r) => r.data())));
  document.documentElement.dataset.stockShown = q;
} else {
  document.documentElement.dataset.stockShown = '';
}
`;

/** Copy the built site to `scratch`, index it with stock Pagefind and add the harness page; returns the number of pages indexed. */
export async function buildStockPagefind(siteDir: string, scratch: string): Promise<number> {
  rmSync(scratch, { recursive: true, force: true });
  cpSync(siteDir, scratch, { recursive: true });
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!index || errors.length > 0) throw new Error(`stock Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: scratch });
    if (added.errors.length > 0)
      throw new Error(`stock Pagefind could not index ${scratch}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(scratch, STOCK_BUNDLE) });
    if (written.errors.length > 0)
      throw new Error(`stock Pagefind could not write its index: ${written.errors.join('; ')}`);
    const sitePage = readFileSync(join(siteDir, 'search', 'index.html'), 'utf8');
    const page = sitePage
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/u, '')
      .replace(/<script type="module" src="[^"]*SearchPage[^"]*"><\/script>/u, '');
    if (page.includes('SearchPage') || !page.includes('</head>')) {
      throw new Error(
        `${siteDir}/search/index.html: expected one <script type="module" src="…SearchPage…"> and a </head> to swap the site's search for stock Pagefind`,
      );
    }
    mkdirSync(join(scratch, STOCK_PAGE), { recursive: true });
    writeFileSync(join(scratch, STOCK_PAGE, 'harness.js'), HARNESS);
    writeFileSync(
      join(scratch, STOCK_PAGE, 'index.html'),
      page.replace('</head>', `<script type="module" src="${STOCK_PAGE}harness.js"></script></head>`),
    );
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
