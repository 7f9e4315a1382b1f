/**
 * The open data of this build, made once from the articles collection and shared by /data/ and
 * every file under it, so the page states the same version, date and sizes as the files it lists.
 */
import { getCollection } from 'astro:content';
import { articleRecord, sortArticles } from './articles.ts';
import { metricRecords, metricSources } from '../figures/metrics-export.ts';
import { offerDownloadSource } from '../downloads/handoff.ts';
import { dataPackage, openDataFiles, type ArticleSource, type OpenDataFiles } from './open-data.ts';

/** The files under /data/, in the order the page lists them. */
export const DATA_FILES = ['metrics.csv', 'metrics.json', 'articles.csv', 'articles.json', 'datapackage.json'] as const;
export type DataFile = (typeof DATA_FILES)[number];

export interface OpenData {
  /** Origin the data's links are built on: https://… */
  site: string;
  articles: ArticleSource[];
  /** The data's version and build time (the files' own texts are made when served, see dataFileResponse). */
  files: Pick<OpenDataFiles, 'version' | 'created'>;
  /** A file's size in bytes, exactly as served. */
  size: (file: DataFile) => number;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

interface Loaded extends OpenData {
  bySlug: Map<string, ArticleSource>;
  /**
   * Texts made but not yet served: each global file is written once, so its text is dropped when served.
   * At 20,000 articles they are gigabytes (metrics.json alone 675 MB) that a build held to its end.
   */
  pending: Map<DataFile, string>;
  make: Record<DataFile, () => string>;
}

let loading: Promise<Loaded> | undefined;

async function load(site: string): Promise<Loaded> {
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
  // The CSVs are made now: the version hashes them and the data package states their sizes and hashes.
  // No closure below holds `files`, so its texts go once served (a closure would keep them to the end).
  const files = openDataFiles(articles, site);
  const { version, created } = files;
  const pending = new Map<DataFile, string>([
    ['metrics.csv', files.metricsCsv],
    ['articles.csv', files.articlesCsv],
    ['datapackage.json', json(dataPackage(files, articles, site))],
  ]);
  // A text asked for again after it was served (never in a build: each file is written once) is made again.
  const remade = (): OpenDataFiles => openDataFiles(articles, site, new Date(created));
  const make: Record<DataFile, () => string> = {
    'metrics.csv': () => remade().metricsCsv,
    'metrics.json': () => json(metricRecords(metricSources(articles, site))),
    'articles.csv': () => remade().articlesCsv,
    'articles.json': () => json(records),
    'datapackage.json': () => json(dataPackage(remade(), articles, site)),
  };
  // Each article's downloads are written after the pages, from these same articles (src/downloads/).
  offerDownloadSource({ origin: site, articles });
  const sizes = new Map<DataFile, number>();
  for (const [file, text] of pending) sizes.set(file, Buffer.byteLength(text));
  const size = (file: DataFile): number => {
    let bytes = sizes.get(file);
    if (bytes === undefined) {
      // Not served yet: its text is made now and kept until it is.
      const text = pending.get(file) ?? make[file]();
      pending.set(file, text);
      sizes.set(file, (bytes = Buffer.byteLength(text)));
    }
    return bytes;
  };
  return {
    site,
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    files: { version, created },
    size,
    pending,
    make,
  };
}

function loadOnce(site: URL | undefined): Promise<Loaded> {
  const origin = site?.origin ?? '';
  if (import.meta.env.DEV) return load(origin);
  loading ??= load(origin);
  return loading;
}

/** The open data for the site at `site` (Astro.site, from astro.config.mjs). */
export function loadOpenData(site: URL | undefined): Promise<OpenData> {
  return loadOnce(site);
}

/** The response serving one of the files: its text, made now unless the page's sizes made it first, then let go. */
export async function dataFileResponse(file: DataFile, site: URL | undefined): Promise<Response> {
  const data = await loadOnce(site);
  const text = data.pending.get(file) ?? data.make[file]();
  data.pending.delete(file);
  const type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
