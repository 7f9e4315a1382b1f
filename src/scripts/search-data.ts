/**
 * What the search page fetches: the catalogue, term shards and page texts
 * written beside Pagefind's index (src/lib/search-catalogue.ts), each once, and
 * Pagefind itself, which only ranks.
 */
import { containsAllTerms, pagefindQuery, type ParsedQuery } from '../lib/search-query.ts';
import { searchFilePaths, type SearchCatalogue } from '../lib/search-catalogue.ts';
import { pagesWithTerms, shardsForTerms, type TermShard } from '../lib/search-terms.ts';
import { toHit, type Hit } from '../lib/search-results.ts';

interface PagefindResult {
  /** The page's id, as named in the catalogue. */
  id: string;
  score: number;
}

/** Pagefind's browser API (/pagefind/pagefind.js), as far as this site calls it. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null): Promise<{ results: PagefindResult[] }>;
}

/**
 * Options for every search. noWorker: a worker costs another 43 KB script
 * before the first result, while searching this index takes a few ms on the
 * main thread.
 */
export const PAGEFIND_OPTIONS = {
  noWorker: true,
};

let pagefindLoading: Promise<PagefindApi> | undefined;
let catalogueLoading: Promise<SearchCatalogue> | undefined;
const shardLoading = new Map<string, Promise<TermShard>>();
const textLoading = new Map<string, Promise<string>>();

/** Remember a promise until it fails, so the next call tries again. */
function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let loading = cache.get(key);
  if (!loading) {
    loading = load();
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
  }
  return loading;
}

/**
 * Fetch one of the search files (src/lib/search-catalogue.ts): gzip, which a
 * host may already have undone on the way (Content-Encoding), so unpack only
 * what still starts with gzip's magic bytes.
 */
async function fetchSearchFile(url: string, init?: RequestInit): Promise<string> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** Import Pagefind once per page (on first need) and configure it. */
export function loadPagefind(bundlePath: string): Promise<PagefindApi> {
  pagefindLoading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindApi;
    await pagefind.options(PAGEFIND_OPTIONS);
    return pagefind;
  })().catch((error: unknown) => {
    pagefindLoading = undefined;
    throw error;
  });
  return pagefindLoading;
}

/** The catalogue, once per page; revalidated with the server, as its name stays the same from build to build. */
export function loadCatalogue(bundlePath: string): Promise<SearchCatalogue> {
  catalogueLoading ??= fetchSearchFile(`${bundlePath}${searchFilePaths.catalogue}`, { cache: 'no-cache' })
    .then((json) => JSON.parse(json) as SearchCatalogue)
    .catch((error: unknown) => {
      catalogueLoading = undefined;
      throw error;
    });
  return catalogueLoading;
}

async function loadShards(bundlePath: string, catalogue: SearchCatalogue, terms: readonly string[]): Promise<Map<number, TermShard>> {
  const numbers = shardsForTerms(terms);
  const shards = await Promise.all(
    numbers.map((n) => {
      const path = searchFilePaths.shard(catalogue.version, n);
      return once(shardLoading, path, async () => JSON.parse(await fetchSearchFile(`${bundlePath}${path}`)) as TermShard);
    }),
  );
  return new Map(numbers.map((n, i) => [n, shards[i]!]));
}

/** A page's text (fetched once per page). */
export function loadText(bundlePath: string, id: string): Promise<string> {
  return once(textLoading, id, () => fetchSearchFile(`${bundlePath}${searchFilePaths.text(id)}`));
}

/** What a query found: the pages, and Pagefind's ranking of them (page ids, best first; null without a query). */
export interface Found {
  hits: Hit[];
  ranking: string[] | null;
}

/**
 * The pages that contain every term of the query: the term check
 * (src/lib/search-terms.ts) decides which pages, Pagefind how they rank
 * (orderHits puts them in order). Pagefind matches the pieces its browser-side
 * segmenter cuts a Chinese query into, each on its own and by prefix, so on its
 * own "医保" would also find pages that merely have 医 and 保 somewhere. It is
 * loaded only when two or more pages need ranking. An empty query finds every
 * page.
 */
export async function findPages(bundlePath: string, query: ParsedQuery): Promise<Found> {
  const catalogue = await loadCatalogue(bundlePath);
  const shards = await loadShards(bundlePath, catalogue, query.terms);
  const hits = pagesWithTerms(query.terms, shards, catalogue.pages.length).map((i) => toHit(catalogue.pages[i]!));
  if (query.terms.length === 0) return { hits, ranking: null };
  if (hits.length < 2) return { hits, ranking: hits.map((hit) => hit.id) };
  const pagefind = await loadPagefind(bundlePath);
  const search = await pagefind.search(pagefindQuery(query));
  return { hits, ranking: search.results.map((r) => r.id) };
}

/**
 * Fetch the texts of these results and read them: returns the texts of those
 * that contain every term and the ids of those that do not (pages whose
 * character pairs all occur, but never together).
 */
export async function readResults(bundlePath: string, hits: readonly Hit[], terms: readonly string[]): Promise<{ texts: Map<string, string>; rejected: Set<string> }> {
  const texts = new Map<string, string>();
  const rejected = new Set<string>();
  const loaded = await Promise.all(hits.map((hit) => loadText(bundlePath, hit.id)));
  hits.forEach((hit, i) => {
    const text = loaded[i]!;
    if (containsAllTerms(text, terms)) texts.set(hit.id, text);
    else rejected.add(hit.id);
  });
  return { texts, rejected };
}
