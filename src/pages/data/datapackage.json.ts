import type { APIContext } from 'astro';
import { dataFileResponse } from '../../site/open-data-archive.ts';

/** The Frictionless Data Package descriptor of metrics.csv and articles.csv. */
export function GET({ site }: APIContext): Promise<Response> {
  return dataFileResponse('datapackage.json', site);
}
