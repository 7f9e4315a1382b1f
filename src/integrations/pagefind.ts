import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Index the built site with Pagefind (its extended binary segments Chinese)
 * and write the index to dist/pagefind/. Throws on any indexing error so a
 * build never publishes without search.
 */
export async function buildSearchIndex(siteDir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    logger.info(`indexed ${added.page_count} pages into ${join(siteDir, 'pagefind')}`);
    return { pages: added.page_count };
  } finally {
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
