/**
 * How many items a page lists before it links on instead, so no page grows with
 * the archive (at 5,000 articles the front page, feed and timeline would run to
 * megabytes). One place to tune them.
 */
export const LISTING_LIMITS = {
  /** Front page: the lead story and the newest others. */
  frontPage: 13,
  /** /rss.xml: the newest articles, in full. */
  feed: 50,
  /** /archive/: the newest articles of each year; the year page lists all. */
  archivePerYear: 30,
  /** /topics/<id>/: the newest articles, and the figures shown. */
  topicArticles: 60,
  topicFigures: 24,
  /** <Timeline />: events drawn; the rest are counted in a note. */
  timelineEvents: 60,
  /** <RegionMap />: articles named under each place; the place's page lists all. */
  articlesPerPlace: 5,
} as const;

/** Up to `limit` items spread evenly over the list (first and last kept), in order. */
export function spreadSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  if (limit <= 1) return items.slice(0, Math.max(0, limit));
  const picked: T[] = [];
  for (let k = 0; k < limit; k++) picked.push(items[Math.round((k * (items.length - 1)) / (limit - 1))]!);
  return picked;
}
