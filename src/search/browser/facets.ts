import type { PageFilters } from '../shared/pages.ts';
import type { FilterName } from '../shared/state.ts';
import { FACETS } from '../shared/state.ts';

/** Anything with Pagefind filter values (a result's data() carries them). */
export interface Filterable {
  filters: Partial<Record<string, string[]>>;
}

/** Results with their pages' filter values (none while the filters file has not come: see loadFilters). */
export function withFilters<T extends { page: number }>(
  hits: readonly T[],
  filters: readonly PageFilters[] | undefined,
): Array<T & Filterable> {
  return hits.map((hit) => ({ ...hit, filters: filters?.[hit.page] ?? {} }));
}

export interface FacetValue {
  value: string;
  /** Results this value would show, given the other filters' selections. */
  count: number;
  selected: boolean;
}

export type Facets = Record<FilterName, FacetValue[]>;
export type Selection = Record<FilterName, readonly string[]>;

function matches(item: Filterable, filter: FilterName, selected: readonly string[]): boolean {
  if (selected.length === 0) return true;
  const values = item.filters[filter] ?? [];
  return selected.some((v) => values.includes(v));
}

/** Items that match every filter with a selection (any one selected value of a filter is enough). */
export function applyFilters<T extends Filterable>(items: readonly T[], selection: Selection): T[] {
  return items.filter((item) => FACETS.every(({ filter }) => matches(item, filter, selection[filter])));
}

/**
 * Years newest first; other values in Chinese collation order. Never by count: counts change
 * with every click, and an option that moves under the pointer gets the wrong click.
 */
function compareValues(filter: FilterName, a: FacetValue, b: FacetValue): number {
  if (filter === '年份') return Number(b.value) - Number(a.value) || b.value.localeCompare(a.value);
  return a.value.localeCompare(b.value, 'zh-CN');
}

/**
 * Counts for every filter value found among the items. A value's count is what
 * selecting it would show: the items matching all *other* filters' selections
 * that have this value, so alternatives of one filter keep their counts.
 * Selected values stay listed even when nothing matches them, so they can be cleared.
 */
export function countFacets(items: readonly Filterable[], selection: Selection): Facets {
  const facets = {} as Facets;
  for (const { filter } of FACETS) {
    const others = items.filter((item) =>
      FACETS.every((f) => f.filter === filter || matches(item, f.filter, selection[f.filter])),
    );
    const counts = new Map<string, number>();
    for (const item of items)
      for (const value of new Set(item.filters[filter] ?? [])) counts.set(value, counts.get(value) ?? 0);
    for (const item of others)
      for (const value of new Set(item.filters[filter] ?? [])) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const value of selection[filter]) if (!counts.has(value)) counts.set(value, 0);
    facets[filter] = [...counts]
      .map(([value, count]) => ({ value, count, selected: selection[filter].includes(value) }))
      .sort((a, b) => compareValues(filter, a, b));
  }
  return facets;
}
