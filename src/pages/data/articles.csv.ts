import type { APIContext } from 'astro';
import { dataFileResponse } from '../../site/open-data-archive.ts';

/** One row per article: the table metrics.csv's `article` column points into (columns: /data/). */
export function GET({ site }: APIContext): Promise<Response> {
  return dataFileResponse('articles.csv', site);
}
