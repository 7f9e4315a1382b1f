/**
 * Figures of a search engine's results against the oracle's expected pages.
 *
 * - recall@5 = |top 5 ∩ expected| / min(5, |expected|), over queries that expect something;
 * - precision@5 = |top 5 ∩ expected| / |top 5|, over queries that returned something;
 *   "articles" counts only the article results among the top 5 (stories left out of both sides);
 * - MRR@10 = 1 / rank of the first wanted page in the top 10 (0 when none), where wanted pages are the
 *   query's hand-checked `best` pages when it has them, else its expected pages; over queries that expect something;
 * - empty = share of the queries that expect nothing which returned nothing.
 */
import type { EvalQuery, Split } from './queries.ts';

export interface QueryOutcome {
  query: EvalQuery;
  expected: string[];
  /** Result keys in the order the engine ranked them (at least the first 10 when there are that many). */
  results: string[];
  /** Every result key the engine counted, when known (for exact counts), else undefined. */
  total?: number;
}

export interface Figures {
  queries: number;
  recall5: number | undefined;
  precision5: number | undefined;
  articlePrecision5: number | undefined;
  mrr10: number | undefined;
  empty: { ok: number; of: number };
}

const mean = (xs: number[]): number | undefined =>
  xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;

export function scoreOutcomes(outcomes: QueryOutcome[], isArticle: (key: string) => boolean): Figures {
  const recall: number[] = [];
  const precision: number[] = [];
  const articlePrecision: number[] = [];
  const rr: number[] = [];
  const empty = { ok: 0, of: 0 };
  for (const { query, expected, results } of outcomes) {
    const want = new Set(expected);
    const top5 = results.slice(0, 5);
    if (expected.length === 0) {
      empty.of += 1;
      if (results.length === 0) empty.ok += 1;
    } else {
      recall.push(top5.filter((k) => want.has(k)).length / Math.min(5, expected.length));
      const best = new Set(query.best ?? expected);
      const rank = results.slice(0, 10).findIndex((k) => best.has(k));
      rr.push(rank < 0 ? 0 : 1 / (rank + 1));
    }
    if (top5.length > 0) precision.push(top5.filter((k) => want.has(k)).length / top5.length);
    const articles = top5.filter(isArticle);
    if (articles.length > 0) articlePrecision.push(articles.filter((k) => want.has(k)).length / articles.length);
  }
  return {
    queries: outcomes.length,
    recall5: mean(recall),
    precision5: mean(precision),
    articlePrecision5: mean(articlePrecision),
    mrr10: mean(rr),
    empty,
  };
}

/** Figures per split, and per split and category. */
export function figuresBySplit(
  outcomes: QueryOutcome[],
  isArticle: (key: string) => boolean,
): Map<Split, { all: Figures; byCategory: Map<string, Figures> }> {
  const out = new Map<Split, { all: Figures; byCategory: Map<string, Figures> }>();
  for (const split of ['tune', 'heldout'] as const) {
    const inSplit = outcomes.filter((o) => o.query.split === split);
    const categories = [...new Set(inSplit.map((o) => o.query.category))];
    out.set(split, {
      all: scoreOutcomes(inSplit, isArticle),
      byCategory: new Map(
        categories.map((c) => [
          c,
          scoreOutcomes(
            inSplit.filter((o) => o.query.category === c),
            isArticle,
          ),
        ]),
      ),
    });
  }
  return out;
}

export function formatFigure(x: number | undefined): string {
  return x === undefined ? '–' : x.toFixed(3);
}
