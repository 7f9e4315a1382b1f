import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchFiles, searchFilePaths, type PagefindFragment } from '../shared/files.ts';

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

/** The folder of the built site the search files are written to (the search page's data-bundle). */
export const SEARCH_BUNDLE = 'pagefind';

/** Pagefind's fragment files: gzip, then this signature, then the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** Read one of Pagefind's result fragments. */
export function readFragment(bytes: Buffer): PagefindFragment {
  const data = gunzipSync(bytes);
  if (data.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE)
    throw new Error('not a Pagefind fragment (no pagefind_dcd signature)');
  return JSON.parse(data.subarray(FRAGMENT_SIGNATURE.length).toString('utf8')) as PagefindFragment;
}

const gzip = (data: string | Uint8Array): Buffer =>
  gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 9 });
const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/**
 * Write the search page's files (src/search/shared/files.ts) into `bundleDir`,
 * replacing whatever was there, from the fragments in `fragmentDir`; returns
 * the pages covered.
 */
export function writeSearchFiles(fragmentDir: string, bundleDir: string): number {
  const fragments = readdirSync(fragmentDir)
    .filter((file) => file.endsWith('.pf_fragment'))
    .sort()
    .map((file) => ({
      id: file.slice(0, -'.pf_fragment'.length),
      fragment: readFragment(readFileSync(join(fragmentDir, file))),
    }));
  const files = buildSearchFiles(fragments, contentHash);
  rmSync(bundleDir, { recursive: true, force: true });
  const write = (path: string, data: string | Uint8Array): void => {
    mkdirSync(dirname(join(bundleDir, path)), { recursive: true });
    writeFileSync(join(bundleDir, path), gzip(data));
  };
  write(searchFilePaths.facts, files.facts);
  files.shards.forEach((shard, n) => write(searchFilePaths.shard(files.version, n), shard));
  files.chunks.forEach((chunk, n) => write(searchFilePaths.chunk(files.version, n), chunk));
  for (const [id, text] of files.texts) write(searchFilePaths.text(id), text);
  return fragments.length;
}

/**
 * Index the built site with Pagefind (its extended binary segments Chinese) into
 * a scratch folder and derive the search files from what it wrote, into
 * dist/pagefind/. Pagefind's own runtime (loader, WebAssembly, index chunks,
 * fragments) is not deployed: the search page ranks and lists from the derived
 * files alone. Throws on any indexing error so a build never publishes without search.
 */
export async function buildSearchIndex(
  siteDir: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  const scratch = mkdtempSync(join(tmpdir(), 'pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: scratch });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const bundleDir = join(siteDir, SEARCH_BUNDLE);
    const pages = writeSearchFiles(join(scratch, 'fragment'), bundleDir);
    logger.info(
      `indexed ${added.page_count} pages; facts, term index, display chunks and texts for ${pages} pages in ${bundleDir}`,
    );
    return { pages: added.page_count };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
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
