import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchFiles, searchFilePaths, type PagefindFragment } from '../lib/search-catalogue.ts';

/**
 * Elements never indexed, whatever page they are on: what assistive technology
 * skips is decoration (the "photo not included" frames), not text to search;
 * a chart table's caption repeats the figure's title and its header row only
 * names columns (地区, 时间, 指标, 数值), while its rows are the chart's labels
 * and stay. The tables come as strings from src/charts/data-table.ts, which
 * knows nothing of Pagefind, hence selectors here rather than attributes.
 * Navigation, footers, provenance and chart controls opt out in the markup
 * (data-pagefind-ignore); Pagefind itself never indexes svg, nav, footer or form.
 */
export const EXCLUDE_SELECTORS = ['[aria-hidden="true"]', '.chart-table caption', '.chart-table thead'];

/**
 * Words per index chunk (Pagefind counts word locations; its default is 20000).
 * A query fetches only the chunks its words fall in, so smaller chunks mean fewer
 * bytes for the first query (see scripts/bench-search.ts) at the cost of more,
 * smaller files and a longer chunk list in the metadata file. Pagefind reads it
 * from an environment variable it calls unstable; without it search still works,
 * only heavier. 1000 rather than 2000 since the stories joined the index: a long
 * Chinese query cuts into many words, each in its own chunk (~2 KB, not ~4 KB).
 */
export const INDEX_CHUNK_SIZE = 1000;

/** Pagefind's stock UIs and highlighter: this site ships its own small UI, so they would only be dead weight to deploy and cache. */
const STOCK_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/u;

/** Remove the stock UI files from a written bundle; returns what was removed. */
export function pruneStockUi(bundleDir: string): string[] {
  const removed = readdirSync(bundleDir).filter((file) => STOCK_UI.test(file));
  for (const file of removed) rmSync(join(bundleDir, file));
  return removed;
}

/** Pagefind's fragment files: gzip, then this signature, then the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** Read one of Pagefind's result fragments. */
export function readFragment(bytes: Buffer): PagefindFragment {
  const data = gunzipSync(bytes);
  if (data.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE) throw new Error('not a Pagefind fragment (no pagefind_dcd signature)');
  return JSON.parse(data.subarray(FRAGMENT_SIGNATURE.length).toString('utf8')) as PagefindFragment;
}

const gzip = (text: string): Buffer => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Write the search page's catalogue, term shards and page texts (src/lib/search-catalogue.ts) from the fragments Pagefind wrote; returns the pages covered. */
export function writeSearchFiles(bundleDir: string): number {
  const fragmentDir = join(bundleDir, 'fragment');
  const fragments = readdirSync(fragmentDir)
    .filter((file) => file.endsWith('.pf_fragment'))
    .sort()
    .map((file) => ({ id: file.slice(0, -'.pf_fragment'.length), fragment: readFragment(readFileSync(join(fragmentDir, file))) }));
  const files = buildSearchFiles(fragments, contentHash);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(bundleDir, path)), { recursive: true });
    writeFileSync(join(bundleDir, path), gzip(text));
  };
  write(searchFilePaths.catalogue, JSON.stringify(files.catalogue));
  files.shards.forEach((shard, n) => write(searchFilePaths.shard(files.catalogue.version, n), JSON.stringify(shard)));
  for (const [id, text] of files.texts) write(searchFilePaths.text(id), text);
  return fragments.length;
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
    const checked = writeSearchFiles(bundleDir);
    logger.info(`indexed ${added.page_count} pages into ${bundleDir}; catalogue, term check and texts for ${checked} pages`);
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
