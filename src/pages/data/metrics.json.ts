import { getCollection } from 'astro:content';
import { sortArticles } from '../../lib/articles.ts';
import { metricRecords } from '../../figures/metrics-export.ts';

/** Every figure of the archive with the sentence it came from. */
export async function GET(): Promise<Response> {
  const articles = sortArticles(await getCollection('articles')).map((e) => ({ slug: e.id, metrics: e.data.metrics }));
  return new Response(JSON.stringify(metricRecords(articles), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
