import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { beginStage, countWork } from '../../lib/build-profile.ts';
import { takeDownloadSource } from '../handoff.ts';
import { writeArticleDownloads } from './write-downloads.ts';

/**
 * Each article's downloads (/data/charts/, /data/metrics/). A build writes them once its pages are rendered,
 * from the articles the open data read, rather than as tens of thousands of Astro routes (at 1,000 articles
 * 8,516 files, half the pages stage); the dev server serves them from a route (dev-route.ts).
 */
export function articleDownloadsIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'archive-article-downloads',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        const entrypoint = new URL('../dev-route.ts', import.meta.url);
        for (const extension of ['csv', 'json'])
          injectRoute({ pattern: `/data/[folder]/[name].${extension}`, entrypoint });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('archive-downloads/', config.cacheDir));
      },
      'astro:build:done': ({ dir, logger }) => {
        beginStage('article downloads');
        const source = takeDownloadSource();
        // The /data/ page reads the open data in every build: without it the downloads would silently be missing.
        if (!source) throw new Error('article downloads: no page read the open data (src/site/open-data-archive.ts)');
        const files = writeArticleDownloads(fileURLToPath(dir), cacheDir, source);
        countWork('download files in the site', files);
        logger.info(`${files} chart and figure downloads for ${source.articles.length} articles in data/`);
      },
    },
  };
}
