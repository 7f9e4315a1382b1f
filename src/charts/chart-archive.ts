/**
 * The archive as the chart components need it, read once per build from the articles
 * collection: the metric index (for references) and every article's stored events (for timelines).
 * The only module here that touches astro:content; everything it calls is pure.
 */
import { getCollection } from 'astro:content';
import type { PlacedEvent } from '../figures/article-events.ts';
import { buildMetricIndex, type IndexedArticle, type MetricIndex } from '../figures/metric-index.ts';

export interface Archive {
  index: MetricIndex;
  articles: IndexedArticle[];
  events: PlacedEvent[];
}

let loading: Promise<Archive> | undefined;

async function load(): Promise<Archive> {
  const entries = await getCollection('articles');
  const articles: IndexedArticle[] = entries.map((e) => ({
    slug: e.id,
    title: e.data.title,
    region: e.data.region,
    city: e.data.city,
    year: e.data.year,
    publication: e.data.publication,
    metrics: e.data.metrics,
  }));
  const events = entries.flatMap((e) =>
    e.data.events.map((event) => ({
      ...event,
      slug: e.id,
      region: e.data.region,
      city: e.data.city,
      title: e.data.title,
    })),
  );
  return { index: buildMetricIndex(articles), articles, events };
}

/** The archive, loaded on first use and shared by every component of the build. */
export function loadArchive(): Promise<Archive> {
  // The dev server re-reads on every request, so edited articles show without a restart.
  if (import.meta.env.DEV) return load();
  loading ??= load();
  return loading;
}
