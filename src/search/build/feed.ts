import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { countWork, sampleChildPeaks } from '../../lib/build-profile.ts';

/**
 * Pages handed to Pagefind as Astro renders them (src/search/build/middleware.ts), so that Pagefind's process indexes
 * on the second core while the first renders, instead of after every page is written. Each page is keyed by the hash
 * of its HTML; the search step (integration.ts) takes a fragment from here only for a page whose bytes on disk have
 * that hash, and indexes any other page itself, so a page the feed missed or saw differently is never lost.
 * Runs of at most `batchPages` pages, each in a fresh Pagefind process, as the search step's own runs.
 */
export interface SearchFeedOptions {
  fragmentCache: string;
  batchPages: number;
  excludeSelectors: readonly string[];
  /** True for a page whose fragment the cache already holds (an unchanged page): not indexed again. */
  known: (hash: string) => boolean;
  /** Reads a fragment's URL (integration.ts readFragment), to pair each fragment with its page. */
  fragmentUrl: (bytes: Buffer) => string;
}

interface SearchFeed {
  options: SearchFeedOptions;
  /** Hash of a page's HTML → its fragment id, or null when Pagefind indexed nothing of it. */
  found: Map<string, string | null>;
  /** Pages of the open run: URL → hash. */
  run: Map<string, string>;
  index: PagefindIndex | undefined;
  added: Promise<unknown>[];
  /** Every step in order: a run is opened, fed and written before the next begins. */
  queue: Promise<void>;
  error: unknown;
}

const FEED_KEY = Symbol.for('archive.searchFeed');
type Holder = typeof globalThis & { [FEED_KEY]?: SearchFeed | undefined };

/** Starts a feed for this build (the integration, at build start; the middleware and the pages are another bundle). */
export function openSearchFeed(options: SearchFeedOptions): void {
  (globalThis as Holder)[FEED_KEY] = {
    options,
    found: new Map(),
    run: new Map(),
    index: undefined,
    added: [],
    queue: Promise.resolve(),
    error: undefined,
  };
}

/** Hands a rendered page to Pagefind, without waiting for it. Does nothing outside a build or for a page already known. */
export function feedPage(url: string, html: string): void {
  const feed = (globalThis as Holder)[FEED_KEY];
  if (!feed || feed.error !== undefined || !html.includes('data-pagefind-body')) return;
  const hash = createHash('sha256').update(html).digest('hex');
  if (feed.options.known(hash) || feed.found.has(hash)) return;
  feed.queue = feed.queue
    .then(() => addPage(feed, url, hash, html))
    .catch((error: unknown) => {
      feed.error = error;
    });
}

async function addPage(feed: SearchFeed, url: string, hash: string, html: string): Promise<void> {
  if (feed.error !== undefined || feed.run.has(url)) return;
  if (!feed.index) {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...feed.options.excludeSelectors] });
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    feed.index = index;
  }
  feed.run.set(url, hash);
  feed.added.push(feed.index.addHTMLFile({ url, content: html }));
  if (feed.run.size >= feed.options.batchPages) await writeRun(feed);
}

/** Writes the open run's index to a scratch folder and keeps each page's fragment in the cache. */
async function writeRun(feed: SearchFeed): Promise<void> {
  const index = feed.index;
  if (!index) return;
  const run = feed.run;
  feed.index = undefined;
  feed.run = new Map();
  const added = feed.added;
  feed.added = [];
  const pagefind = await import('pagefind');
  mkdirSync(feed.options.fragmentCache, { recursive: true });
  const scratch = mkdtempSync(join(dirname(feed.options.fragmentCache), 'pagefind-feed-'));
  try {
    for (const result of (await Promise.all(added)) as { errors: string[] }[])
      if (result.errors.length > 0) throw new Error(`Pagefind could not index a page: ${result.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: scratch });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // Its memory and CPU time go into the stage it ran in (the pages), read before the process ends.
    sampleChildPeaks();
    countWork('pages indexed by Pagefind as they rendered', run.size);
    const found = new Map<string, string | null>([...run.values()].map((hash) => [hash, null]));
    const fragmentDir = join(scratch, 'fragment');
    for (const file of readdirSync(fragmentDir).filter((f) => f.endsWith('.pf_fragment'))) {
      const bytes = readFileSync(join(fragmentDir, file));
      const hash = run.get(feed.options.fragmentUrl(bytes));
      if (hash === undefined) throw new Error(`Pagefind wrote a fragment (${file}) for a page it was not given`);
      writeFileSync(join(feed.options.fragmentCache, file), bytes);
      found.set(hash, file.slice(0, -'.pf_fragment'.length));
    }
    for (const [hash, id] of found) feed.found.set(hash, id);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await pagefind.close();
  }
}

/**
 * Finishes the feed: the last run is written and the pages indexed so far returned (hash → fragment id). A feed that
 * failed returns what it finished before, with the error, and the search step indexes the rest itself.
 */
export async function closeSearchFeed(): Promise<{ found: Map<string, string | null>; error?: unknown }> {
  const holder = globalThis as Holder;
  const feed = holder[FEED_KEY];
  holder[FEED_KEY] = undefined;
  if (!feed) return { found: new Map() };
  await feed.queue;
  if (feed.error === undefined) {
    try {
      await writeRun(feed);
    } catch (error) {
      feed.error = error;
    }
  } else {
    await (await import('pagefind')).close();
  }
  return feed.error === undefined ? { found: feed.found } : { found: feed.found, error: feed.error };
}
