import { archiveUrls, groupByPlace, groupByTopic, groupByYear, type ArticleLike } from '../lib/archive.ts';
import type { Taxonomy } from '../lib/taxonomy.ts';
import { ui } from '../lib/ui-strings.ts';

export interface BrowseChip {
  href: string;
  label: string;
  count: number;
}

/** Entry points of the front page and the archive: places, years and topics that have articles, with counts. */
export function browseChips(taxonomy: Taxonomy, entries: readonly ArticleLike[]) {
  return {
    regions: groupByPlace(taxonomy, entries).map((g): BrowseChip => ({
      href: archiveUrls.region(g.place.pinyin),
      label: g.place.name,
      count: g.entries.length,
    })),
    years: groupByYear(entries).map((g): BrowseChip => ({
      href: archiveUrls.year(g.year),
      label: ui.yearLabel(g.year),
      count: g.entries.length,
    })),
    topics: groupByTopic(taxonomy, entries).map((g): BrowseChip => ({
      href: archiveUrls.topic(g.topic.id),
      label: g.topic.name,
      count: g.entries.length,
    })),
  };
}
