/**
 * From the archive's data (articles and their metrics, see src/schemas) to chart input.
 * Every datum links back to the sentence it came from: /articles/<slug>/#<metric-id>.
 */
import type { Article } from '../schemas/article.ts';
import type { Metric } from '../schemas/metric.ts';
import type { MapPlace } from './region-map.ts';
import type { TimelineEvent } from './timeline.ts';
import type { ChartDatum } from './types.ts';
import { figureTags } from '../figures/figure-tags.ts';

/** Link to a metric's source sentence in its article. */
export function metricHref(slug: string, metricId: string): string {
  return `/articles/${encodeURIComponent(slug)}/#${encodeURIComponent(metricId)}`;
}

export interface DatumExtra {
  /** Series or panel (a region, for small multiples). */
  group?: string;
  /** Date when the metric has no period (e.g. the article's year). */
  date?: string;
  /** Prefix the id with the slug (`<slug>/<id>`), for charts mixing articles (default false). */
  qualifyId?: boolean;
}

/** One metric as a chart datum; `href` points at its sentence in article `slug`. */
export function metricToDatum(metric: Metric, slug: string, extra: DatumExtra = {}): ChartDatum {
  const datum: ChartDatum = {
    id: extra.qualifyId ? `${slug}/${metric.id}` : metric.id,
    label: metric.label,
    value: metric.value,
    unit: metric.unit,
    href: metricHref(slug, metric.id),
  };
  if (metric.qualifier !== undefined) datum.qualifier = metric.qualifier;
  if (metric.printed !== undefined) datum.printed = metric.printed;
  if (metric.kind !== undefined) datum.kind = metric.kind;
  const tags = figureTags(metric).text;
  if (tags !== '') datum.tags = tags;
  const date = metric.period ?? extra.date;
  if (date !== undefined) datum.date = date;
  if (extra.group !== undefined) datum.group = extra.group;
  return datum;
}

/** Metrics of one article as chart data, optionally only some (by topic or a predicate). */
export function metricsToChartData(
  metrics: readonly Metric[],
  slug: string,
  options: DatumExtra & { topic?: string; where?: (metric: Metric) => boolean } = {},
): ChartDatum[] {
  return metrics
    .filter((m) => (options.topic === undefined || m.topic === options.topic) && (options.where?.(m) ?? true))
    .map((m) => metricToDatum(m, slug, options));
}

/** An article as the chart helpers need it: its slug and frontmatter. */
export interface ArticleEntry {
  slug: string;
  data: Pick<Article, 'region' | 'city' | 'year' | 'metrics'>;
}

/**
 * Matching metrics across articles, grouped by region and dated by the metric's period or the
 * article's year: input for small multiples by region or a time series per region.
 */
export function articlesToChartData(
  articles: readonly ArticleEntry[],
  where: (metric: Metric, article: ArticleEntry) => boolean,
): ChartDatum[] {
  return articles.flatMap((article) =>
    article.data.metrics
      .filter((m) => where(m, article))
      .map((m) =>
        metricToDatum(m, article.slug, {
          group: article.data.region,
          date: String(article.data.year),
          qualifyId: true,
        }),
      ),
  );
}

/** Metrics of an article that carry a date, as timeline events (label = the metric's label and figure). */
export function metricsToEvents(metrics: readonly Metric[], slug: string): TimelineEvent[] {
  return metrics
    .filter((m) => m.period !== undefined)
    .map((m) => ({ id: m.id, label: m.label, date: m.period ?? '', href: metricHref(slug, m.id) }));
}

/**
 * Places with articles, for the map: one per region (or city, for a city-wide article) with the
 * number of articles as its value (unit 篇). `hrefFor` gives each place its link, e.g. its
 * region page.
 */
export function placesFromArticles(
  articles: readonly Pick<ArticleEntry, 'data'>[] | readonly { data: Pick<Article, 'region' | 'city'> }[],
  hrefFor?: (region: string, city: string) => string | undefined,
): MapPlace[] {
  const counts = new Map<string, { name: string; city: string; count: number }>();
  for (const { data } of articles) {
    const key = `${data.city}\u0000${data.region}`;
    const entry = counts.get(key) ?? { name: data.region, city: data.city, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].map(({ name, city, count }) => {
    const place: MapPlace = { name, city, value: count, unit: '篇' };
    const href = hrefFor?.(name, city);
    if (href !== undefined) place.href = href;
    return place;
  });
}
