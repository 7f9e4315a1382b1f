import type { APIContext } from 'astro';
import { dataFileResponse } from '../../site/open-data-archive.ts';

/** Every figure of the archive with its article and sentence, for spreadsheets (columns: /data/). */
export function GET({ site }: APIContext): Promise<Response> {
  return dataFileResponse('metrics.csv', site);
}
