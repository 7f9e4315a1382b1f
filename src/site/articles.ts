import type { CollectionEntry } from 'astro:content';
import { archiveOrder } from '../lib/archive.ts';
import { readingStats } from './reading.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

export function articleUrl(slug: string): string {
  return `/articles/${slug}/`;
}

/** Newest year first, then title: the archive's reading order. */
export function sortArticles(entries: readonly ArticleEntry[]): ArticleEntry[] {
  return archiveOrder(entries);
}

/** One row of /data/articles.json. */
export function articleRecord(entry: ArticleEntry) {
  const data = entry.data;
  return {
    slug: entry.id,
    url: articleUrl(entry.id),
    title: data.title,
    subtitle: data.subtitle ?? null,
    region: data.region,
    city: data.city,
    year: data.year,
    authors: data.authors,
    source: data.source?.file ?? null,
    sections: data.sections,
    characters: readingStats(entry.body ?? '').characters,
  };
}
