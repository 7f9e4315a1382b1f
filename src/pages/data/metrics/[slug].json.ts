import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { metricArticleFile } from '../../../site/open-data-archive.ts';

/** One article's figures, in the columns of /data/metrics.json (linked from the article's data panel). */
export async function getStaticPaths() {
  const entries = await getCollection('articles');
  return entries.filter((e) => e.data.metrics.length > 0).map((e) => ({ params: { slug: e.id } }));
}

export function GET({ params, site }: APIContext): Promise<Response> {
  return metricArticleFile(params['slug'] ?? '', 'json', site);
}
