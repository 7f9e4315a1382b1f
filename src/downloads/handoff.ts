/**
 * The build's articles, handed from the pages to the downloads step. The open data is read once from the
 * articles collection, which only the rendered pages can read (src/site/open-data-archive.ts); the step that
 * writes each article's downloads runs after them (build/integration.ts), in the same process but as
 * another copy of this module, hence globalThis.
 */
import type { ArticleSource } from '../site/open-data.ts';

export interface DownloadSource {
  /** Origin the files' links are built on: https://… */
  origin: string;
  articles: readonly ArticleSource[];
}

const SOURCE_KEY = Symbol.for('archive.articleDownloads');

type Holder = typeof globalThis & { [SOURCE_KEY]?: DownloadSource };

/** Offer this build's articles to the downloads step (the open data does, once it has read them). */
export function offerDownloadSource(source: DownloadSource): void {
  (globalThis as Holder)[SOURCE_KEY] = source;
}

/** The articles offered in this build, once: undefined when no page read the open data. */
export function takeDownloadSource(): DownloadSource | undefined {
  const holder = globalThis as Holder;
  const source = holder[SOURCE_KEY];
  delete holder[SOURCE_KEY];
  return source;
}
