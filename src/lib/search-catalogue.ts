import { tidyPagefindText } from './search-excerpt.ts';
import { buildTermShards, type TermShard } from './search-terms.ts';

/**
 * The files the search page reads beside Pagefind's index, written at build time
 * from Pagefind's own result fragments so that they say exactly what it indexed:
 *  - a catalogue: every indexed page's id, URL, metadata and filter values, so
 *    results can be counted, filtered, sorted and titled without their fragments;
 *  - the term check (src/lib/search-terms.ts), so loose matches are dropped unread;
 *  - each page's text, plain, for the excerpts of the results actually shown:
 *    about half the bytes of a fragment, which also carries every anchor's text.
 */

/**
 * Where the files live, relative to Pagefind's bundle folder (/pagefind/), so they
 * deploy, cache offline and are measured with its own: terms/ is what a search
 * reads before results show (catalogue and term shards), text/ one file per page.
 */
export const searchFilePaths = {
  catalogue: 'terms/pages.json.gz',
  shard: (version: string, n: number): string => `terms/grams-${n}.${version}.json.gz`,
  text: (id: string): string => `text/${id}.txt.gz`,
};

/** What the build reads from a Pagefind fragment (pagefind/fragment/<id>.pf_fragment). */
export interface PagefindFragment {
  url: string;
  /** The indexed text, words separated by zero-width spaces. */
  content: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
}

/** One indexed page, as the search page counts, filters, sorts and lists it. */
export interface CataloguePage {
  /** Pagefind's page id (its fragment's name): search results name pages by it. */
  id: string;
  url: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
}

export interface SearchCatalogue {
  /** The term check's postings are indices into this list. */
  pages: CataloguePage[];
  /** Names the term shards of this build (a hash of them all), so a cache never mixes shards of two builds. */
  version: string;
}

/** A page's text as a reader reads it: Pagefind's text without its word breaks, tidied (see tidyPagefindText). */
export function pageText(content: string): string {
  return tidyPagefindText(content.replace(/\u200b/gu, '')).trim();
}

export interface SearchFiles {
  catalogue: SearchCatalogue;
  shards: TermShard[];
  /** Page id → its text. */
  texts: Map<string, string>;
}

/**
 * Catalogue, term shards and texts for these fragments (pages in the order given).
 * `hash` turns the shards' JSON into the version that names them.
 */
export function buildSearchFiles(fragments: ReadonlyArray<{ id: string; fragment: PagefindFragment }>, hash: (text: string) => string): SearchFiles {
  const texts = new Map(fragments.map(({ id, fragment }) => [id, pageText(fragment.content)]));
  const shards = buildTermShards(fragments.map(({ id }) => texts.get(id)!));
  const pages = fragments.map(({ id, fragment }) => ({ id, url: fragment.url, meta: fragment.meta, filters: fragment.filters }));
  return { catalogue: { pages, version: hash(JSON.stringify(shards)) }, shards, texts };
}
