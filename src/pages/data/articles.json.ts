import { getCollection } from 'astro:content';
import { articleRecord, sortArticles } from '../../lib/articles.ts';

/** Every article's metadata, from the same collection the pages use. */
export async function GET(): Promise<Response> {
  const records = sortArticles(await getCollection('articles')).map(articleRecord);
  return new Response(JSON.stringify(records, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
