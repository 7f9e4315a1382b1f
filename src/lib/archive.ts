import type { Article } from '../schemas/article.ts';
import type { Metric } from '../schemas/metric.ts';
import { findPlace, isTopic, listPlaces, type Place, type Taxonomy, type Topic } from './taxonomy.ts';

/** What the archive needs of an entry: a collection entry or a test fixture. */
export interface ArticleLike {
  id: string;
  data: Article;
  body?: string | undefined;
}

/** Newest year first, then title: the archive's reading order (same rule as sortArticles). */
export function archiveOrder<T extends ArticleLike>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title, 'zh-CN') || a.id.localeCompare(b.id));
}

/** The taxonomy place an article is about (its region, or its city for a city-wide article). */
export function placeOf(taxonomy: Taxonomy, data: Pick<Article, 'region' | 'city'>): Place | undefined {
  const places = listPlaces(taxonomy);
  return findPlace(places, data.region, data.city) ?? findPlace(places, data.region);
}

export interface PlaceGroup<T> {
  place: Place;
  entries: T[];
}

/** Places that have articles, in taxonomy order (city by city), each with its articles in archive order. */
export function groupByPlace<T extends ArticleLike>(taxonomy: Taxonomy, entries: readonly T[]): PlaceGroup<T>[] {
  const ordered = archiveOrder(entries);
  return listPlaces(taxonomy)
    .map((place) => ({ place, entries: ordered.filter((e) => placeOf(taxonomy, e.data)?.pinyin === place.pinyin) }))
    .filter((group) => group.entries.length > 0);
}

export interface YearGroup<T> {
  year: number;
  entries: T[];
}

/** Years that have articles, newest first. */
export function groupByYear<T extends ArticleLike>(entries: readonly T[]): YearGroup<T>[] {
  const ordered = archiveOrder(entries);
  const years = [...new Set(ordered.map((e) => e.data.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, entries: ordered.filter((e) => e.data.year === year) }));
}

export interface TopicGroup<T> {
  topic: Topic;
  entries: T[];
  /** The figures filed under the topic, per article, in archive order. */
  metrics: Array<{ entry: T; metric: Metric }>;
}

/** Topic ids an article has figures under. */
export function topicsOf(data: Pick<Article, 'metrics'>): Set<string> {
  return new Set(data.metrics.map((m) => m.topic));
}

/** Topics that have at least one article's figure, in taxonomy order; topics without articles get no page. */
export function groupByTopic<T extends ArticleLike>(taxonomy: Taxonomy, entries: readonly T[]): TopicGroup<T>[] {
  const ordered = archiveOrder(entries);
  return taxonomy.topics
    .map((topic) => ({
      topic,
      entries: ordered.filter((e) => e.data.metrics.some((m) => isTopic(topic, m.topic))),
      metrics: ordered.flatMap((entry) => entry.data.metrics.filter((m) => isTopic(topic, m.topic)).map((metric) => ({ entry, metric }))),
    }))
    .filter((group) => group.entries.length > 0);
}

export interface Neighbours<T> {
  /** The article before this one in archive order (newer, or same year earlier in the list). */
  newer?: T;
  /** The article after this one in archive order. */
  older?: T;
}

export function neighbours<T extends ArticleLike>(entries: readonly T[], id: string): Neighbours<T> {
  const ordered = archiveOrder(entries);
  const index = ordered.findIndex((e) => e.id === id);
  if (index < 0) return {};
  const result: Neighbours<T> = {};
  const newer = ordered[index - 1];
  const older = ordered[index + 1];
  if (newer) result.newer = newer;
  if (older) result.older = older;
  return result;
}

/**
 * Articles that share a topic or a place with this one, best first: each shared
 * topic counts 2, the same region 3, the same city 1 (a reader in 济南 wants the
 * other 济南 story too, but less than one about the same county or subject).
 */
export function relatedArticles<T extends ArticleLike>(entries: readonly T[], id: string, limit = 3): T[] {
  const self = entries.find((e) => e.id === id);
  if (!self) return [];
  const topics = topicsOf(self.data);
  const scored = archiveOrder(entries)
    .filter((e) => e.id !== id)
    .map((entry) => {
      const shared = [...topicsOf(entry.data)].filter((t) => topics.has(t)).length;
      const sameRegion = entry.data.region === self.data.region && entry.data.city === self.data.city;
      const sameCity = entry.data.city === self.data.city;
      return { entry, score: shared * 2 + (sameRegion ? 3 : sameCity ? 1 : 0) };
    })
    .filter((s) => s.score > 0);
  // Stable sort keeps archive order among equals.
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.entry);
}

/** URL helpers for the archive pages. */
export const archiveUrls = {
  index: '/archive/',
  region: (pinyin: string) => `/regions/${pinyin}/`,
  year: (year: number) => `/years/${year}/`,
  topic: (id: string) => `/topics/${id}/`,
};
