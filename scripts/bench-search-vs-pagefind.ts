/**
 * npm run bench:search -- --vs-pagefind [--site DIR] [--failures]
 *
 * The site's search and stock Pagefind 1.6 (scripts/support/search-eval/stock-pagefind.ts) over the same
 * built pages, every reader query (scripts/support/search-eval/queries.json) through both in headless
 * Chromium, judged against the independent oracle's expected pages (expected.json). Prints, per split
 * (tune / heldout) and per category: recall@5, precision@5 (all results, and article results only),
 * MRR@10 and must-be-empty success (definitions: scripts/support/search-eval/metrics.ts); then, over
 * every query, first-query bytes (everything a fresh /search/?q= page transfers until results show,
 * service workers blocked, cache off) and median query time (a warm page: query → first five results shown).
 * --failures lists the tuning half's misses (never the held-out half's); --no-bytes skips the fresh-page byte counts
 * (the slow part). Writes .bench/search-vs-pagefind.json.
 * Numbers, not a test: nothing fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { serveSite } from './support/serve.ts';
import { resultSlugs, timeSearch, waitForSearch } from './support/search.ts';
import { median } from './support/stats.ts';
import { expectedPages, readOraclePages } from './support/search-eval/oracle.ts';
import { figuresBySplit, formatFigure, type Figures, type QueryOutcome } from './support/search-eval/metrics.ts';
import { EXPECTED_FILE, loadExpected, loadQueries, type EvalQuery } from './support/search-eval/queries.ts';
import { STOCK_PAGE, buildStockPagefind } from './support/search-eval/stock-pagefind.ts';

export type Engine = 'site' | 'pagefind';
const ENGINES: Engine[] = ['site', 'pagefind'];
const LABEL: Record<Engine, string> = { site: 'this site', pagefind: 'stock Pagefind' };

interface Run {
  outcomes: QueryOutcome[];
  bytes: number[];
  gzippedBytes: number[];
  ms: number[];
}

/** Bytes a compressing host would send: text files gzipped, everything else (images, fonts, Pagefind's own gzipped files) as is. */
function gzippedSize(siteDir: string, url: string, bytes: number): number {
  const path = join(siteDir, decodeURIComponent(new URL(url).pathname));
  const file = path.endsWith('/') ? join(path, 'index.html') : path;
  if (!existsSync(file) || !/\.(js|json|css|html|svg|txt)$/u.test(file)) return bytes;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Load a fresh results page for q (empty cache, no service worker); returns the bytes moved until results show, and the page. */
export async function firstQuery(browser: Browser, origin: string, siteDir: string, engine: Engine, q: string) {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  // Playwright's request events include the requests of Pagefind's web worker, which a CDP page session does not see.
  const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })),
    );
  });
  const path = engine === 'site' ? '/search/' : STOCK_PAGE;
  await page.goto(`${origin}${path}?q=${encodeURIComponent(q)}`);
  if (engine === 'site') await waitForSearch(page, q);
  else await page.waitForFunction((q) => document.documentElement.dataset.stockShown === q, q);
  const moved = await Promise.all(sizes.splice(0));
  const bytes = moved.reduce((sum, m) => sum + m.bytes, 0);
  const gzipped = moved.reduce((sum, m) => sum + gzippedSize(siteDir, m.url, m.bytes), 0);
  return { page, close: () => context.close(), bytes, gzipped, moved };
}

/** The first ten result keys the page ranks for its current query. */
async function topTen(page: Page, engine: Engine, q: string): Promise<string[]> {
  if (engine === 'pagefind')
    return (await page.evaluate((q) => (window as unknown as StockWindow).stockSearch(q), q)).keys;
  let keys = await resultSlugs(page);
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (keys.length >= 10 || (await more.count()) === 0) return keys.slice(0, 10);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, keys.length);
    keys = await resultSlugs(page);
  }
}

interface StockWindow {
  stockSearch(q: string): Promise<{ ms: number; total: number; keys: string[] }>;
}

/**
 * Every query in turn on one warm page: the first ten result keys of each, and query times
 * (the first query, which loads the engine's files, is left out of the times).
 */
export async function warmRun(
  browser: Browser,
  origin: string,
  engine: Engine,
  queries: EvalQuery[],
): Promise<{ times: number[]; keys: string[][] }> {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const times: number[] = [];
  const keys: string[][] = [];
  if (engine === 'pagefind') {
    await page.goto(`${origin}${STOCK_PAGE}`);
    await page.waitForFunction(() => document.documentElement.dataset.stockShown !== undefined);
    for (const { q } of queries) {
      const outcome = await page.evaluate((q) => (window as unknown as StockWindow).stockSearch(q), q);
      times.push(outcome.ms);
      keys.push(outcome.keys);
    }
  } else {
    await page.goto(`${origin}/search/`);
    for (const { q } of queries) {
      const ms = await timeSearch(page, q);
      times.push(ms);
      await waitForSearch(page, q);
      keys.push(await topTen(page, engine, q));
    }
  }
  await context.close();
  return { times: times.slice(1), keys };
}

export async function benchSearchVsPagefind(
  siteDir: string,
  options: { failures: boolean; bytes: boolean },
): Promise<void> {
  const queries = loadQueries();
  const { expected, pages } = loadExpected();
  const missing = queries.filter((q) => !expected[q.id]);
  if (missing.length > 0)
    throw new Error(
      `${EXPECTED_FILE} has no expected pages for ${missing.map((q) => q.id).join(', ')}: run npm run search-eval:expected`,
    );
  const oraclePages = readOraclePages(siteDir);
  const stale = queries.filter((q) => expectedPages(oraclePages, q.q).join(' ') !== expected[q.id]!.join(' '));
  if (stale.length > 0) {
    throw new Error(
      `${EXPECTED_FILE} does not match this build for ${stale.map((q) => q.id).join(', ')}: the content changed; run npm run search-eval:expected and review the diff`,
    );
  }
  const isArticle = (key: string) => pages[key] === 'article';

  const scratch = resolve('.bench/pagefind-stock');
  const indexed = await buildStockPagefind(siteDir, scratch);
  console.log(`stock Pagefind indexed ${indexed} pages into ${scratch}`);
  const site = await serveSite(scratch);
  const browser = await launchBrowser();
  const runs = new Map<Engine, Run>();
  try {
    for (const engine of ENGINES) {
      const run: Run = { outcomes: [], bytes: [], gzippedBytes: [], ms: [] };
      const warm = await warmRun(browser, site.url, engine, queries);
      run.ms = warm.times;
      run.outcomes = queries.map((query, i) => ({ query, expected: expected[query.id]!, results: warm.keys[i]! }));
      // Fresh pages two at a time: most of a page load is waiting.
      for (let i = 0; options.bytes && i < queries.length; i += 2) {
        const loaded = await Promise.all(
          queries.slice(i, i + 2).map((query) => firstQuery(browser, site.url, scratch, engine, query.q)),
        );
        for (const { bytes, gzipped, close } of loaded) {
          run.bytes.push(bytes);
          run.gzippedBytes.push(gzipped);
          await close();
        }
      }
      runs.set(engine, run);
    }
  } finally {
    await browser.close();
    await site.close();
  }

  const figures = new Map(ENGINES.map((e) => [e, figuresBySplit(runs.get(e)!.outcomes, isArticle)]));
  const row = (name: string, f: Figures) =>
    `${name.padEnd(14)}${String(f.queries).padStart(4)}  ${formatFigure(f.recall5)}  ${formatFigure(f.precision5)}  ${formatFigure(f.articlePrecision5)}  ${formatFigure(f.mrr10)}  ${f.empty.of ? `${f.empty.ok}/${f.empty.of}` : '–'}`;
  console.log(
    '\nrecall@5 = |top 5 ∩ expected| / min(5, |expected|); precision@5 over queries with results (articles: article results only);',
  );
  console.log(
    'MRR@10 against the hand-checked best pages where a query has them, else its expected pages; empty = must-be-empty queries that returned nothing.',
  );
  for (const split of ['tune', 'heldout'] as const) {
    console.log(`\n== ${split} half ==`);
    for (const engine of ENGINES) {
      const { all, byCategory } = figures.get(engine)!.get(split)!;
      console.log(`-- ${LABEL[engine]} --`);
      console.log(`${'category'.padEnd(14)}   n  rec@5  prec@5 art@5  MRR@10 empty`);
      console.log(row('ALL', all));
      for (const [category, f] of byCategory) console.log(row(category, f));
    }
  }
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  console.log(
    `\n${'engine'.padEnd(16)}first query: median / max on the wire (if the host gzips text: median)   query time median`,
  );
  for (const engine of ENGINES) {
    const run = runs.get(engine)!;
    console.log(
      `${LABEL[engine].padEnd(16)}${run.bytes.length ? `${kb(median(run.bytes))} / ${kb(Math.max(...run.bytes))} (${kb(median(run.gzippedBytes))})` : 'not measured (--no-bytes)'}`.padEnd(
        88,
      ) + `${median(run.ms).toFixed(1)} ms`,
    );
  }
  if (options.failures) {
    console.log('\ntuning-half misses (top 5 lacks an expected page, or a must-be-empty query returned something):');
    for (const engine of ENGINES) {
      for (const o of runs.get(engine)!.outcomes.filter((o) => o.query.split === 'tune')) {
        const top5 = o.results.slice(0, 5);
        const found = top5.filter((k) => o.expected.includes(k)).length;
        const miss = o.expected.length === 0 ? top5.length > 0 : found < Math.min(5, o.expected.length);
        if (miss)
          console.log(
            `  ${LABEL[engine].padEnd(15)} ${o.query.id} "${o.query.q}": got [${top5.join(' ')}], expected [${o.expected.join(' ')}]`,
          );
      }
    }
  }
  mkdirSync('.bench', { recursive: true });
  const report = {
    date: new Date().toISOString(),
    engines: Object.fromEntries(
      ENGINES.map((e) => {
        const run = runs.get(e)!;
        const bySplit = figures.get(e)!;
        return [
          e,
          {
            firstQueryBytes: {
              median: median(run.bytes),
              max: Math.max(...run.bytes),
              medianIfGzipped: median(run.gzippedBytes),
            },
            queryTimeMs: { median: median(run.ms) },
            figures: Object.fromEntries(
              [...bySplit].map(([split, f]) => [split, { all: f.all, byCategory: Object.fromEntries(f.byCategory) }]),
            ),
          },
        ];
      }),
    ),
  };
  writeFileSync('.bench/search-vs-pagefind.json', `${JSON.stringify(report, null, 1)}\n`);
  console.log('written to .bench/search-vs-pagefind.json');
}
