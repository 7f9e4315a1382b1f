/**
 * The open data of this build, made once from the articles collection and shared by /data/ and
 * every file under it, so the page states the same version, date and sizes as the files it lists.
 */
import { getCollection } from 'astro:content';
import { articleRecord, sortArticles } from './articles.ts';
import { metricRecords, metricsCsv, metricSources } from '../figures/metrics-export.ts';
import { recordBuiltFileBytes } from '../lib/built-file-hashes.ts';
import { articleMetricsPath, dataPackage, openDataFiles, type ArticleSource, type OpenDataFiles } from './open-data.ts';

/** The files under /data/, in the order the page lists them. */
export const DATA_FILES = ['metrics.csv', 'metrics.json', 'articles.csv', 'articles.json', 'datapackage.json'] as const;
export type DataFile = (typeof DATA_FILES)[number];

export interface OpenData {
  /** Origin the data's links are built on: https://… */
  site: string;
  articles: ArticleSource[];
  files: OpenDataFiles;
  /** Each file's text, exactly as served. */
  texts: Record<DataFile, string>;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

let loading: Promise<OpenData> | undefined;

async function load(site: string): Promise<OpenData> {
  const entries = sortArticles(await getCollection('articles'));
  const records = entries.map(articleRecord);
  const articles = entries.map((entry, i): ArticleSource => ({
    slug: entry.id,
    title: entry.data.title,
    subtitle: entry.data.subtitle,
    region: entry.data.region,
    city: entry.data.city,
    year: entry.data.year,
    publication: entry.data.publication,
    sourceFile: entry.data.source?.file,
    characters: records[i]?.characters ?? 0,
    metrics: entry.data.metrics,
  }));
  const files = openDataFiles(articles, site);
  return {
    site,
    articles,
    files,
    texts: {
      'metrics.csv': files.metricsCsv,
      'metrics.json': json(metricRecords(metricSources(articles, site))),
      'articles.csv': files.articlesCsv,
      'articles.json': json(records),
      'datapackage.json': json(dataPackage(files, articles, site)),
    },
  };
}

/** The open data for the site at `site` (Astro.site, from astro.config.mjs). */
export function loadOpenData(site: URL | undefined): Promise<OpenData> {
  const origin = site?.origin ?? '';
  if (import.meta.env.DEV) return load(origin);
  loading ??= load(origin);
  return loading;
}

/** The response serving one of the files. */
export async function dataFileResponse(file: DataFile, site: URL | undefined): Promise<Response> {
  const { texts } = await loadOpenData(site);
  const type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(texts[file], { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** The response serving one article's figures: the rows of metrics.csv/.json for that article. */
export async function metricArticleFile(
  slug: string,
  extension: 'csv' | 'json',
  site: URL | undefined,
): Promise<Response> {
  const data = await loadOpenData(site);
  const article = data.articles.find((a) => a.slug === slug);
  if (!article) throw new Error(`${articleMetricsPath(slug, extension)}: no article with slug "${slug}"`);
  const sources = metricSources([article], data.site);
  const text = extension === 'csv' ? metricsCsv(sources) : json(metricRecords(sources));
  const type = extension === 'csv' ? 'text/csv' : 'application/json';
  // Its revision for the precache list, so the service worker step need not read the file again.
  recordBuiltFileBytes(decodeURIComponent(articleMetricsPath(slug, extension)).slice(1), text);
  return new Response(text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
