/**
 * npm run bench:search -- --dist <dir> --known <file>
 *
 * The site's search over an existing build, judged against queries whose answers are known from how the
 * archive was made (scripts/bench-known-answers.ts writes them next to the synthetic archive, as
 * <project>/known-answers.json). Prints, per split (tune / heldout, fixed in the file) and category:
 * recall@5, article precision@5, MRR@10 and must-be-empty success (scripts/support/search-eval/metrics.ts);
 * then first-query bytes (a fresh /search/?q= page, cache off, service workers blocked: everything it
 * transfers until results show, page included), raw and as a gzipping host sends them, median and max;
 * and the median query time on a warm page. Writes .bench/search-known.json. Numbers, not a test.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { launchBrowser } from './support/browser.ts';
import { serveSite } from './support/serve.ts';
import { figuresBySplit, formatFigure, type Figures, type QueryOutcome } from './support/search-eval/metrics.ts';
import type { EvalQuery } from './support/search-eval/queries.ts';
import { firstQuery, warmRun } from './bench-search-vs-pagefind.ts';

const knownFileSchema = z.object({
  about: z.string(),
  articles: z.number(),
  queries: z
    .array(
      z.object({
        id: z.string(),
        q: z.string().min(1),
        category: z.string(),
        split: z.enum(['tune', 'heldout']),
        expected: z.array(z.string()),
      }),
    )
    .min(1),
});

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

export async function benchSearchKnown(distDir: string, knownFile: string): Promise<void> {
  const parsed = knownFileSchema.safeParse(JSON.parse(readFileSync(knownFile, 'utf8')));
  if (!parsed.success) throw new Error(`${knownFile}: ${z.prettifyError(parsed.error)}`);
  const known = parsed.data;
  const queries: EvalQuery[] = known.queries.map(({ id, q, category, split }) => ({ id, q, category, split }));
  const site = await serveSite(resolve(distDir));
  const browser = await launchBrowser();
  const raw: number[] = [];
  const gzipped: number[] = [];
  const heaviest: Array<{ q: string; bytes: number; files: Array<{ path: string; bytes: number }> }> = [];
  let outcomes: QueryOutcome[];
  let times: number[];
  try {
    const warm = await warmRun(browser, site.url, 'site', queries);
    times = warm.times;
    outcomes = known.queries.map((query, i) => ({
      query: queries[i]!,
      expected: query.expected,
      results: warm.keys[i]!,
    }));
    for (const query of queries) {
      const loaded = await firstQuery(browser, site.url, resolve(distDir), 'site', query.q);
      raw.push(loaded.bytes);
      gzipped.push(loaded.gzipped);
      heaviest.push({
        q: query.q,
        bytes: loaded.bytes,
        files: loaded.moved.map((m) => ({ path: new URL(m.url).pathname, bytes: m.bytes })),
      });
      await loaded.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  // Planted answers are articles; a story in the top five counts against precision like any other wrong page.
  const figures = figuresBySplit(outcomes, () => true);
  const row = (name: string, f: Figures) =>
    `${name.padEnd(14)}${String(f.queries).padStart(4)}  ${formatFigure(f.recall5)}  ${formatFigure(f.precision5)}  ${formatFigure(f.mrr10)}  ${f.empty.of ? `${f.empty.ok}/${f.empty.of}` : '–'}`;
  console.log(`${known.articles} synthetic articles, ${queries.length} known-answer queries (${knownFile})`);
  for (const split of ['tune', 'heldout'] as const) {
    const { all, byCategory } = figures.get(split)!;
    console.log(`\n== ${split} half ==\n${'category'.padEnd(14)}   n  rec@5  prec@5 MRR@10 empty`);
    console.log(row('ALL', all));
    for (const [category, f] of byCategory) console.log(row(category, f));
  }
  console.log(
    `\nfirst query, page included: gzipped (as a compressing host sends it) median ${kb(median(gzipped))}, max ${kb(Math.max(...gzipped))}; ` +
      `raw median ${kb(median(raw))}, max ${kb(Math.max(...raw))}`,
  );
  heaviest.sort((a, b) => b.bytes - a.bytes);
  for (const { q, bytes, files } of heaviest.slice(0, 3)) {
    console.log(`heaviest first query ${JSON.stringify(q)}: ${kb(bytes)} raw`);
    for (const f of files.sort((a, b) => b.bytes - a.bytes).slice(0, 8))
      console.log(`  ${kb(f.bytes).padStart(9)}  ${f.path}`);
  }
  console.log(`query time (warm page, query → first five shown): median ${median(times).toFixed(1)} ms`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(
    '.bench/search-known.json',
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        dist: distDir,
        articles: known.articles,
        figures: Object.fromEntries(
          [...figures].map(([split, f]) => [split, { all: f.all, byCategory: Object.fromEntries(f.byCategory) }]),
        ),
        firstQueryBytes: {
          gzipped: { median: median(gzipped), max: Math.max(...gzipped) },
          raw: { median: median(raw), max: Math.max(...raw) },
        },
        queryTimeMs: { median: median(times) },
      },
      null,
      1,
    )}\n`,
  );
  console.log('written to .bench/search-known.json');
}
