/** What the search page shows, as kept in its URL: /search/?q=…&type=…&region=…&year=…&topic=…&sort=… */

/** The filters readers can narrow by: URL key → Pagefind filter name (as written in the page markup). */
export const FACETS = [
  { key: 'type', filter: '类型' },
  { key: 'region', filter: '地区' },
  { key: 'year', filter: '年份' },
  { key: 'topic', filter: '主题' },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];
export type FilterName = (typeof FACETS)[number]['filter'];

export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  /** The query as typed (may be empty). */
  q: string;
  /** Selected values per filter; values of one filter are alternatives, filters combine. */
  filters: Record<FilterName, string[]>;
  sort: SortOrder;
}

export function emptyFilters(): Record<FilterName, string[]> {
  return { 类型: [], 地区: [], 年份: [], 主题: [] };
}

function isSortOrder(value: string | null): value is SortOrder {
  return (SORT_ORDERS as readonly (string | null)[]).includes(value);
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const { key, filter } of FACETS) {
    filters[filter] = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  }
  const sort = params.get('sort');
  return { q: (params.get('q') ?? '').trim(), filters, sort: isSortOrder(sort) ? sort : 'relevance' };
}

/** The query string for a state ("?q=…"), leaving out defaults so URLs stay short and shareable. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const { key, filter } of FACETS) for (const value of state.filters[filter]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some(({ filter }) => state.filters[filter].length > 0);
}

/** Select or unselect one filter value, returning a new state. */
export function toggleFilter(state: SearchState, filter: FilterName, value: string, on: boolean): SearchState {
  const current = state.filters[filter].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [filter]: on ? [...current, value] : current } };
}
