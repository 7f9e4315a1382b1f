import { getCollection } from 'astro:content';
import { sortArticles } from '../../lib/articles.ts';
import { METRIC_COLUMNS, metricRecords, toCsv } from '../../figures/metrics-export.ts';

/** The same rows as /data/metrics.json, as CSV for spreadsheets. */
export async function GET(): Promise<Response> {
  const articles = sortArticles(await getCollection('articles')).map((e) => ({ slug: e.id, metrics: e.data.metrics }));
  return new Response(toCsv(metricRecords(articles), METRIC_COLUMNS), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
