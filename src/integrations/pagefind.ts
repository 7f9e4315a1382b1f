import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdirSync, rmSync } from 'node:fs';

/**
 * Elements never indexed, whatever page they are on: what assistive technology
 * skips is decoration (the "photo not included" frames), not text to search.
 * Navigation, footers and provenance opt out in the markup (data-pagefind-ignore).
 */
export const EXCLUDE_SELECTORS = ['[aria-hidden="true"]'];

/**
 * Words per index chunk (Pagefind counts word locations; its default is 20000).
 * A query fetches only the chunks its words fall in, so smaller chunks mean fewer
 * bytes for the first query (see scripts/bench-search.ts) at the cost of more,
 * smaller files and a longer chunk list in the metadata file. Pagefind reads it
 * from an environment variable it calls unstable; without it search still works,
 * only heavier.
 */
export const INDEX_CHUNK_SIZE = 2000;

/** Pagefind's stock UIs and highlighter: this site ships its own small UI, so they would only be dead weight to deploy and cache. */
const STOCK_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/u;

/** Remove the stock UI files from a written bundle; returns what was removed. */
export function pruneStockUi(bundleDir: string): string[] {
  const removed = readdirSync(bundleDir).filter((file) => STOCK_UI.test(file));
  for (const file of removed) rmSync(join(bundleDir, file));
  return removed;
}

/**
 * Index the built site with Pagefind (its extended binary segments Chinese)
 * and write the index to dist/pagefind/. Throws on any indexing error so a
 * build never publishes without search.
 */
export async function buildSearchIndex(siteDir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  const previousChunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  // The Node API spawns the Pagefind binary, which inherits this environment (a value already set wins, for experiments).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const bundleDir = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    pruneStockUi(bundleDir);
    logger.info(`indexed ${added.page_count} pages into ${bundleDir}`);
    return { pages: added.page_count };
  } finally {
    if (previousChunkSize === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await pagefind.close();
  }
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
