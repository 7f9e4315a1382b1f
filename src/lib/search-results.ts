import type { CataloguePage } from './search-catalogue.ts';
import type { PageType } from './search-index.ts';
import type { SortOrder } from './search-state.ts';

/** A page search found, with what its result row shows (from the catalogue; its text once fetched). */
export interface Hit {
  /** Pagefind's page id. */
  id: string;
  url: string;
  title: string;
  type: PageType;
  /** An article's region (empty for stories). */
  region: string;
  /** A story's places, joined with 、 (empty for articles). */
  regions: string;
  year: string;
  /** A story's date, YYYY-MM-DD (empty for articles). */
  date: string;
  image: string | undefined;
  filters: Partial<Record<string, string[]>>;
}

/** A catalogue entry as a result. */
export function toHit(page: CataloguePage): Hit {
  const { meta } = page;
  return {
    id: page.id,
    url: page.url,
    title: meta.title ?? page.url,
    type: meta.type === 'story' ? 'story' : 'article',
    region: meta.region ?? '',
    regions: meta.regions ?? '',
    year: meta.year ?? '',
    date: meta.date ?? '',
    image: meta.image,
    filters: page.filters,
  };
}

/** Year, then date (stories have one; an article's year stands for its whole year). */
function compareTime(a: Hit, b: Hit): number {
  return Number(a.year) - Number(b.year) || a.date.localeCompare(b.date);
}

/**
 * Results in the order asked for. Relevance is Pagefind's ranking (`ranking`:
 * page ids, best first), pages it did not rank after those; without a ranking
 * (no query, or nothing to rank) newest first. Year orders keep relevance
 * between pages of the same time.
 */
export function orderHits(hits: readonly Hit[], ranking: readonly string[] | null, sort: SortOrder): Hit[] {
  const rank = new Map((ranking ?? []).map((id, i) => [id, i]));
  const position = (hit: Hit): number => rank.get(hit.id) ?? Number.MAX_SAFE_INTEGER;
  const byRelevance = [...hits].sort((a, b) => position(a) - position(b));
  if (sort === 'oldest') return byRelevance.sort(compareTime);
  if (sort === 'newest' || ranking === null) return byRelevance.sort((a, b) => compareTime(b, a));
  return byRelevance;
}
