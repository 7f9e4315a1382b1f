import type { PageFacts } from '../shared/pages.ts';
import type { SortOrder } from '../shared/state.ts';

/** A page search found: its number, its facts (type, filters, time) and its relevance score. */
export interface Hit extends PageFacts {
  /** The page's number in the search files (src/search/shared/pages.ts). */
  page: number;
  /** Relevance (src/search/browser/rank.ts); 0 without a query. */
  score: number;
}

const byRelevance = (a: Hit, b: Hit): number => b.score - a.score;
const newestFirst = (a: Hit, b: Hit): number => b.time - a.time;
/** Pages are numbered newest first, so the number settles what is left in a stable, repeatable order. */
const byNumber = (a: Hit, b: Hit): number => a.page - b.page;

/**
 * Results in the order asked for. Relevance is the score, then newest first;
 * without a query (nothing ranked) newest first. Year orders keep relevance
 * between pages of the same time.
 */
export function orderHits(hits: readonly Hit[], ranked: boolean, sort: SortOrder): Hit[] {
  const order = [...hits];
  if (sort === 'oldest') return order.sort((a, b) => a.time - b.time || byRelevance(a, b) || byNumber(a, b));
  if (sort === 'newest' || !ranked)
    return order.sort((a, b) => newestFirst(a, b) || byRelevance(a, b) || byNumber(a, b));
  return order.sort((a, b) => byRelevance(a, b) || newestFirst(a, b) || byNumber(a, b));
}
