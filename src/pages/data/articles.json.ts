import type { APIContext } from 'astro';
import { dataFileResponse } from '../../site/open-data-archive.ts';

/** Every article's metadata, from the same collection the pages use. */
export function GET({ site }: APIContext): Promise<Response> {
  return dataFileResponse('articles.json', site);
}
