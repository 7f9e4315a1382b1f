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
/** Articles before stories: a story retells articles, so the articles come first among equals. */
const articlesFirst = (a: Hit, b: Hit): number => Number(a.type === 'story') - Number(b.type === 'story');

/** Stories among the first five results by relevance, while articles are left to fill the rest. */
export const STORIES_IN_FIRST_FIVE = 1;

/** Move stories past the first five, beyond STORIES_IN_FIRST_FIVE, while articles remain to take their places. */
function limitStories(order: Hit[]): Hit[] {
  const first: Hit[] = [];
  const held: Hit[] = [];
  let stories = 0;
  let articlesLeft = order.filter((hit) => hit.type !== 'story').length;
  for (const hit of order) {
    if (first.length === 5) break;
    if (hit.type === 'story' && stories >= STORIES_IN_FIRST_FIVE && articlesLeft > 0) {
      held.push(hit);
      continue;
    }
    if (hit.type === 'story') stories += 1;
    else articlesLeft -= 1;
    first.push(hit);
  }
  const placed = new Set([...first, ...held]);
  return [...first, ...held, ...order.filter((hit) => !placed.has(hit))];
}
const newestFirst = (a: Hit, b: Hit): number => b.time - a.time;
/** Pages are numbered newest first, so the number settles what is left in a stable, repeatable order. */
const byNumber = (a: Hit, b: Hit): number => a.page - b.page;

/**
 * Results in the order asked for. Relevance is the score, then articles before
 * stories, then newest first, with at most STORIES_IN_FIRST_FIVE stories in the first five;
 * without a query (nothing ranked) newest first. Year orders keep relevance
 * between pages of the same time.
 */
export function orderHits(hits: readonly Hit[], ranked: boolean, sort: SortOrder): Hit[] {
  const order = [...hits];
  if (sort === 'oldest') return order.sort((a, b) => a.time - b.time || byRelevance(a, b) || byNumber(a, b));
  if (sort === 'newest' || !ranked)
    return order.sort((a, b) => newestFirst(a, b) || byRelevance(a, b) || byNumber(a, b));
  return limitStories(
    order.sort((a, b) => byRelevance(a, b) || articlesFirst(a, b) || newestFirst(a, b) || byNumber(a, b)),
  );
}
