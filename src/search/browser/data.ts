/**
 * What the search page fetches (src/search/shared/files.ts), each file once: the
 * facts file, the term shards a query needs, the display chunks and texts of the
 * results shown. Nothing else: relevance comes from the term index itself.
 */
import { containsAllTerms, normaliseText, parseQuery, type ParsedQuery } from '../shared/query.ts';
import { BLOCK_OVERLAP, directoryOf, readShardDirectory, searchFilePaths } from '../shared/files.ts';
import {
  chunkOf,
  readDisplayChunk,
  readFiltersFile,
  readPagesFile,
  type PageDisplay,
  type PageFilters,
  type PagesFile,
} from '../shared/pages.ts';
import {
  deferHeavyGrams,
  gramWeight,
  SHARD_BYTES,
  planQuery,
  pagesWithTerms,
  phraseCandidates,
  readTermShard,
  shardOf,
  shardsForGrams,
  termStarts,
  termsProven,
  type GramLookup,
  type GramPostings,
  type GramWeight,
  type TermPlan,
} from '../shared/terms.ts';
import { scorePages } from './rank.ts';
import type { Hit } from './results.ts';

const factsLoading = new Map<string, Promise<PagesFile>>();
const filtersLoading = new Map<string, Promise<PageFilters[]>>();
const filtersLoaded = new Map<string, PageFilters[]>();
const directoryLoading = new Map<string, Promise<string[]>>();
const shardLoading = new Map<string, Promise<Map<string, GramPostings>>>();
const chunkLoading = new Map<string, Promise<PageDisplay[]>>();
const textLoading = new Map<string, Promise<string>>();
const converterLoading = new Map<string, Promise<(text: string) => string>>();

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
 * Fetch one of the search files: gzip, which a host may already have undone on
 * the way (Content-Encoding), so unpack only what still starts with gzip's magic bytes.
 */
async function fetchBytes(url: string, init?: RequestInit): Promise<Uint8Array> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const unpacked = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')));
  return new Uint8Array(await unpacked.arrayBuffer());
}

const fetchText = async (url: string): Promise<string> => new TextDecoder().decode(await fetchBytes(url));

/** The facts file, once per page; revalidated with the server, as its name stays the same from build to build. */
export function loadFacts(bundlePath: string): Promise<PagesFile> {
  return once(factsLoading, bundlePath, async () =>
    readPagesFile(await fetchBytes(`${bundlePath}${searchFilePaths.facts}`, { cache: 'no-cache' })),
  );
}

/**
 * Every page's filter values (the filters file, named in the facts file): a
 * first search lists its results without them and counts its filters once they come.
 */
export function loadFilters(bundlePath: string): Promise<PageFilters[]> {
  return once(filtersLoading, bundlePath, async () => {
    const facts = await loadFacts(bundlePath);
    const filters = readFiltersFile(await fetchBytes(`${bundlePath}${searchFilePaths.filters(facts.names.filters)}`));
    filtersLoaded.set(bundlePath, filters);
    return filters;
  });
}

/** The filters file if it has come already (see loadFilters). */
export const filtersIfLoaded = (bundlePath: string): PageFilters[] | undefined => filtersLoaded.get(bundlePath);

/** Shard n's name, from its shard directory (fetched once; one directory names many shards). */
async function shardName(bundlePath: string, facts: PagesFile, n: number): Promise<string> {
  const { directory, at } = directoryOf(n, facts.shardsPerDirectory);
  const path = searchFilePaths.directory(facts.names.directories[directory] ?? '', directory);
  const names = await once(directoryLoading, path, async () =>
    readShardDirectory(await fetchText(`${bundlePath}${path}`)),
  );
  const name = names[at];
  if (name === undefined) throw new Error(`${path}: no shard ${n}`);
  return name;
}

/** The postings of these grams, from the shards they are filed in. */
async function loadGrams(
  bundlePath: string,
  facts: PagesFile,
  grams: readonly string[],
): Promise<Map<string, GramPostings>> {
  const numbers = shardsForGrams(grams, facts.layout);
  const loaded = await Promise.all(
    numbers.map(async (n) => {
      const path = searchFilePaths.shard(await shardName(bundlePath, facts, n), n);
      return once(shardLoading, path, async () => readTermShard(await fetchBytes(`${bundlePath}${path}`)));
    }),
  );
  const shards = new Map(numbers.map((n, i) => [n, loaded[i]!]));
  const found = new Map<string, GramPostings>();
  for (const gram of grams) {
    const postings = shards.get(shardOf(gram, facts.layout))?.get(gram);
    if (postings) found.set(gram, postings);
  }
  return found;
}

/** What a query found: its pages (scored when there was a query). */
export interface Found {
  hits: Hit[];
  /** Whether the hits carry relevance scores (not without a query). */
  ranked: boolean;
  /** The terms searched for: the query's own, or their Simplified form when the query was Traditional. */
  terms: string[];
  /** Whether every page found is known to contain every term (see termsProven); else each text shown is checked. */
  proven: boolean;
  /** Where each term starts on a page found, in its normalised text (undefined for a one-character term). */
  starts: (page: number) => Array<number[] | undefined>;
}

/**
 * OpenCC's converter (opencc-js core, a separate chunk) with this build's
 * Traditional → Simplified dictionary, loaded the first time a query needs it.
 */
function loadConverter(bundlePath: string, facts: PagesFile): Promise<(text: string) => string> {
  return once(converterLoading, facts.version, async () => {
    const [{ CustomConverter }, dictionary] = await Promise.all([
      import('opencc-js/core'),
      fetchText(`${bundlePath}${searchFilePaths.traditional(facts.names.traditional)}`),
    ]);
    return CustomConverter(dictionary);
  });
}

/**
 * No more pages than the first screen lists (src/search/browser/page.ts): their
 * texts are fetched for the excerpts anyway, so checking a term in them costs
 * little beside a heavy shard (00 at 5,000 articles: 64 KB gzipped).
 */
const TEXT_CHECKED_PAGES = 5;
/** At most this many texts are checked instead of a heavy shard, however heavy (each is a request). */
const MOST_TEXTS_CHECKED = 24;
/** Bytes of heavy shard (before gzip) a text checked instead is worth: about four times the block and display chunk it costs. */
const SHARD_BYTES_A_TEXT = 10_000;

/**
 * How many pages' texts may settle the terms instead of the heavy shards left out:
 * a first screen's worth at least, more the heavier those shards (00 at 20,000
 * articles is 252 KB gzipped; two dozen text blocks and display chunks, about 70 KB).
 */
function textsWorthChecking(plans: readonly TermPlan[], lighter: readonly TermPlan[], weightOf: GramWeight): number {
  const kept = new Set(lighter.flatMap((plan) => plan.grams));
  const left = [...new Set(plans.flatMap((plan) => plan.grams))].filter((gram) => !kept.has(gram));
  const bytes = left.reduce((sum, gram) => sum + SHARD_BYTES * 2 ** ((weightOf(gram) ?? 0) / 4), 0);
  return Math.max(TEXT_CHECKED_PAGES, Math.min(MOST_TEXTS_CHECKED, Math.floor(bytes / SHARD_BYTES_A_TEXT)));
}

/** Which of these pages hold every term in their text; null when a text cannot be had (offline). */
async function pagesHoldingTerms(
  bundlePath: string,
  facts: PagesFile,
  pages: readonly number[],
  plans: readonly TermPlan[],
  lookup: GramLookup,
): Promise<number[] | null> {
  const holds = await Promise.all(
    pages.map(async (page) => {
      const display = await loadDisplay(bundlePath, facts, page);
      const checks = await Promise.all(
        plans.map(async (plan) => {
          // The block where the term's other pairs place it holds it whole (blocks run on BLOCK_OVERLAP characters).
          const blocks =
            display.blocks && display.blocks.length > 1 && [...plan.term].length <= BLOCK_OVERLAP
              ? [...new Set((termStarts(plan, lookup, page) ?? []).map((start) => blockOf(display.blocks!, start)))]
              : [undefined];
          const texts = await Promise.all(
            blocks.map((block) =>
              loadText(
                bundlePath,
                block === undefined ? searchFilePaths.text(display.id) : searchFilePaths.block(display.id, block),
              ),
            ),
          );
          if (texts.some((text) => text === null)) return null;
          return texts.some((text) => containsAllTerms(text!, [plan.term]));
        }),
      );
      return checks.some((check) => check === null) ? null : checks.every(Boolean);
    }),
  );
  return holds.some((held) => held === null) ? null : pages.filter((_, i) => holds[i]);
}

/**
 * The plans with each term among phraseCandidates (and `first`) that the index
 * holds as a phrase (src/search/shared/phrases.ts) looked up as that phrase
 * alone: its record says which pages hold it, without the pairs' positions.
 */
async function withPhrases(
  bundlePath: string,
  facts: PagesFile,
  plans: readonly TermPlan[],
  first: (term: string) => boolean,
): Promise<TermPlan[]> {
  const candidates = phraseCandidates(plans, gramWeight(facts.layout)).filter(first);
  if (candidates.length === 0) return [...plans];
  const found = await loadGrams(bundlePath, facts, candidates);
  return plans.map((plan) => (found.has(plan.term) ? { term: plan.term, grams: [plan.term] } : plan));
}

/**
 * The pages holding every term. An indexed phrase is looked up whole, its pairs
 * not at all (withPhrases). A term whose pairs include a heavy one is first
 * looked up without it (deferHeavyGrams); when that leaves few enough pages
 * (textsWorthChecking), their texts settle the term and the heavy shard is
 * never fetched; else it is, as for any other term.
 */
async function searchTerms(bundlePath: string, facts: PagesFile, terms: readonly string[]) {
  const weightOf = gramWeight(facts.layout);
  // A term whose own key is heavy is most likely an indexed phrase: looked up first, before any pair.
  let plans = await withPhrases(bundlePath, facts, planQuery(terms, weightOf), (term) => weightOf(term) !== undefined);
  const lighter = deferHeavyGrams(plans, weightOf);
  if (lighter.unproven.length > 0) {
    const grams = await loadGrams(bundlePath, facts, [...new Set(lighter.plans.flatMap((p) => p.grams))]);
    const lookup = (gram: string): GramPostings | undefined => grams.get(gram);
    const candidates = pagesWithTerms(lighter.plans, lookup, facts.pages.length);
    if (candidates.length <= textsWorthChecking(plans, lighter.plans, weightOf)) {
      const unproven = lighter.plans.filter((plan) => lighter.unproven.includes(plan.term));
      const pages = await pagesHoldingTerms(bundlePath, facts, candidates, unproven, lookup);
      if (pages) return { plans: lighter.plans, lookup, pages, proven: termsProven(plans) };
    }
  }
  plans = await withPhrases(bundlePath, facts, plans, () => true);
  const grams = await loadGrams(bundlePath, facts, [...new Set(plans.flatMap((p) => p.grams))]);
  const lookup = (gram: string): GramPostings | undefined => grams.get(gram);
  return { plans, lookup, pages: pagesWithTerms(plans, lookup, facts.pages.length), proven: termsProven(plans) };
}

/**
 * The pages that contain every term of the query (all pages for no query),
 * scored for relevance (src/search/browser/rank.ts). A query with a gram the
 * term index marks as a Traditional form of the archive's (it finds nothing as
 * typed) is converted to Simplified (the archive's script) and searched again:
 * the shards a query fetches anyway decide, so no other query loads the converter.
 */
export async function findPages(bundlePath: string, query: ParsedQuery): Promise<Found> {
  const facts = await loadFacts(bundlePath);
  let terms = query.terms;
  let found = await searchTerms(bundlePath, facts, terms);
  const traditional = found.plans.some((plan) => plan.grams.some((gram) => found.lookup(gram)?.traditional));
  if (found.pages.length === 0 && traditional) {
    // Offline without the converter, a Traditional query finds nothing rather than failing.
    const convert = await loadConverter(bundlePath, facts).catch(() => null);
    const simplified = convert ? parseQuery(convert(query.text)).terms : terms;
    if (simplified.join(' ') !== terms.join(' ')) {
      terms = simplified;
      found = await searchTerms(bundlePath, facts, terms);
    }
  }
  const { plans, lookup, pages, proven } = found;
  const lengths = facts.pages.map((page) => page.length);
  const scores = terms.length > 0 ? scorePages(plans, lookup, pages, lengths) : null;
  const hits = pages.map((page, i): Hit => ({ page, ...facts.pages[page]!, score: scores?.[i] ?? 0 }));
  return {
    hits,
    ranked: scores !== null,
    terms,
    proven,
    starts: (page) => plans.map((plan) => termStarts(plan, lookup, page)),
  };
}

/** What a result row shows of a page (its display chunk, fetched once). */
async function loadDisplay(bundlePath: string, facts: PagesFile, page: number): Promise<PageDisplay> {
  const { chunk, at } = chunkOf(page, facts.chunkPages);
  const path = searchFilePaths.chunk(facts.names.chunks[chunk] ?? '', chunk);
  const entries = await once(chunkLoading, path, async () => readDisplayChunk(await fetchText(`${bundlePath}${path}`)));
  const entry = entries[at];
  if (!entry) throw new Error(`${path}: no page ${page}`);
  return entry;
}

/** A page's text (fetched once), or null when it cannot be had (offline, not stored). */
async function loadText(bundlePath: string, path: string): Promise<string | null> {
  return once(textLoading, path, () => fetchText(`${bundlePath}${path}`)).catch(() => null);
}

/** What an excerpt is cut from: the page's text, or the block of it where the terms are. */
export interface ExcerptSource {
  text: string;
  /** The text starts where the page's does (the headline first) / ends where it does. */
  first: boolean;
  last: boolean;
}

/** The block of a long page's text where a position (in its normalised text) falls: blocks[b] is where block b starts. */
function blockOf(blocks: readonly number[], position: number): number {
  let block = 0;
  while (block + 1 < blocks.length && blocks[block + 1]! <= position) block += 1;
  return block;
}

/**
 * The block of a page's text that holds the most different terms (the earliest
 * of those), counting occurrences after the headline first; undefined when the
 * terms' positions are unknown (one-character terms only) or the page is one block.
 */
export function chooseBlock(
  blocks: readonly number[] | undefined,
  starts: ReadonlyArray<readonly number[] | undefined>,
  headline: number,
): number | undefined {
  if (!blocks || blocks.length < 2 || starts.every((s) => s === undefined)) return undefined;
  const best = (skip: number): number | undefined => {
    const terms = blocks.map(() => 0);
    for (const positions of starts) {
      const held = new Set((positions ?? []).filter((p) => p >= skip).map((p) => blockOf(blocks, p)));
      for (const block of held) terms[block]! += 1;
    }
    const most = Math.max(...terms);
    return most > 0 ? terms.indexOf(most) : undefined;
  };
  return best(headline) ?? best(0);
}

/** The results about to be listed, read: what their rows show, their excerpt sources, and which of them lack a term. */
export interface ReadResults {
  displays: Map<number, PageDisplay>;
  /** Excerpt sources of the results that contain every term (missing for a text that could not be fetched). */
  texts: Map<number, ExcerptSource>;
  /** Pages whose text lacks a term (only for a query too long to look up in full: see termsProven). */
  rejected: Set<number>;
}

/**
 * Fetch the display entries of these results and what their excerpts are cut
 * from: the block of a long page's text where the terms are (the term index
 * says where), else the whole text, which is also what a query not proven by
 * the index (found.proven) reads, to check each result for every term. A result
 * whose text cannot be fetched (offline, with the archive over the offline
 * budget) stays, without an excerpt: the term index found it.
 */
export async function readResults(bundlePath: string, hits: readonly Hit[], found: Found): Promise<ReadResults> {
  const facts = await loadFacts(bundlePath);
  const displays = new Map<number, PageDisplay>();
  const texts = new Map<number, ExcerptSource>();
  const rejected = new Set<number>();
  await Promise.all(
    hits.map(async (hit) => {
      const display = await loadDisplay(bundlePath, facts, hit.page);
      displays.set(hit.page, display);
      const headline = [...normaliseText(display.title)].length;
      const block = found.proven ? chooseBlock(display.blocks, found.starts(hit.page), headline) : undefined;
      if (block !== undefined) {
        // Offline, blocks are not kept: the whole text may be.
        const text = await loadText(bundlePath, searchFilePaths.block(display.id, block));
        if (text !== null) {
          texts.set(hit.page, { text, first: block === 0, last: block === display.blocks!.length - 1 });
          return;
        }
      }
      const text = await loadText(bundlePath, searchFilePaths.text(display.id));
      if (text === null) return;
      if (found.proven || containsAllTerms(text, found.terms)) texts.set(hit.page, { text, first: true, last: true });
      else rejected.add(hit.page);
    }),
  );
  return { displays, texts, rejected };
}
