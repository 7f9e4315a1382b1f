import type { APIContext } from 'astro';
import { dataFileResponse } from '../../site/open-data-archive.ts';

/** The rows of /data/metrics.csv as JSON: the same keys, numbers and booleans typed, empty cells null. */
export function GET({ site }: APIContext): Promise<Response> {
  return dataFileResponse('metrics.json', site);
}
