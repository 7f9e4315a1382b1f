import { containsAllTerms, pagefindQuery, type ParsedQuery } from '../lib/search-query.ts';
import type { SortOrder } from '../lib/search-state.ts';

/** What Pagefind's data() gives for a result (the fields this site uses). */
export interface PagefindData {
  url: string;
  /** The page's indexed text. */
  content: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

interface PagefindSearchOptions {
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Pagefind's browser API (/pagefind/pagefind.js), as far as this site calls it. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(term: string | null, options?: PagefindSearchOptions, timeout?: number): Promise<{ results: PagefindResult[] } | null>;
}

/**
 * Options for every search. noWorker: a worker costs another 43 KB script
 * before the first result, while searching this index takes a few ms on the
 * main thread. Ranking: see RANKING.
 */
export const PAGEFIND_OPTIONS = {
  noWorker: true,
};

/** A search result that contains every term of the query, with what the results list shows. */
export interface Hit {
  url: string;
  title: string;
  region: string;
  year: string;
  image: string | undefined;
  content: string;
  filters: Partial<Record<string, string[]>>;
}

let loading: Promise<PagefindApi> | undefined;

/** Import Pagefind once per page (on first need) and configure it. */
export function loadPagefind(bundlePath: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindApi;
    await pagefind.options(PAGEFIND_OPTIONS);
    return pagefind;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

const SORTS: Record<SortOrder, PagefindSearchOptions['sort']> = {
  relevance: undefined,
  newest: { year: 'desc' },
  oldest: { year: 'asc' },
};

function toHit(data: PagefindData): Hit {
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    region: data.meta.region ?? '',
    year: data.meta.year ?? '',
    image: data.meta.image,
    content: data.content,
    filters: data.filters,
  };
}

/**
 * Search, then keep only results whose text contains every term of the query.
 * Pagefind matches the words its browser-side segmenter cuts a Chinese query
 * into, each on its own and by prefix, so "医保" also finds pages that merely
 * have 医 and 保 somewhere; reading each result's text removes those. An empty
 * query lists every article. Returns null when a newer debounced search took over.
 */
export async function findArticles(pagefind: PagefindApi, query: ParsedQuery, sort: SortOrder, debounce = 0): Promise<Hit[] | null> {
  const term = query.terms.length > 0 ? pagefindQuery(query) : null;
  const options: PagefindSearchOptions = {};
  const order = SORTS[sort];
  if (order) options.sort = order;
  const search = debounce > 0 ? await pagefind.debouncedSearch(term, options, debounce) : await pagefind.search(term, options);
  if (!search) return null;
  const pages = await Promise.all(search.results.map((result) => result.data()));
  return pages.filter((page) => containsAllTerms(page.content, query.terms)).map(toHit);
}
