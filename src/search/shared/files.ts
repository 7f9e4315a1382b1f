import { tidyPagefindText } from './excerpt.ts';
import {
  CHUNK_PAGES,
  buildDisplayChunks,
  buildPagesFile,
  comparePages,
  type FileNames,
  type PageSource,
} from './pages.ts';
import { buildTermShards } from './terms.ts';
import { normaliseText } from './query.ts';

/**
 * The files the search page reads, written at build time from Pagefind's result
 * fragments so that they say exactly what it indexed (its text, metadata and
 * filters); Pagefind's own runtime files are not deployed:
 *  - the facts file (src/search/shared/pages.ts): every page's type, filter values
 *    and time order, to count, filter and sort results;
 *  - the term index (src/search/shared/terms.ts), sharded: which pages hold a
 *    query's terms, how often and whether in the title; the shards' names are
 *    listed in shard directories (see shardDirectories), not in the facts file;
 *  - display chunks (src/search/shared/pages.ts): titles, URLs and meta lines, for
 *    the results shown;
 *  - each page's text, plain, for the excerpts of the results shown.
 */

/**
 * Where the files live, in the search bundle folder (/pagefind/, so they deploy,
 * cache offline and are measured together). The facts file keeps its name from
 * build to build (the search page revalidates it) and lists the name of every
 * other file: a hash of that file's own bytes, so a file whose bytes did not
 * change keeps its name (and its place in readers' caches) when one article
 * changes, and a cache never mixes two builds' versions of one file.
 */
export const searchFilePaths = {
  facts: 'facts.bin.gz',
  shard: (name: string, n: number): string => `terms/${name}-${n}.bin.gz`,
  /** Directory d: the names of shards d × shardsPerDirectory onwards (see shardDirectories). */
  directory: (name: string, d: number): string => `shard-names/${name}-${d}.json.gz`,
  chunk: (name: string, n: number): string => `display/${name}-${n}.json.gz`,
  text: (id: string): string => `text/${id}.txt.gz`,
  /** Block n of a long page's text (see textBlocks): what an excerpt needs, without the rest of the page. */
  block: (id: string, n: number): string => `excerpt/${id}-${BLOCK_CHARS}-${n}.txt.gz`,
  /** Traditional → Simplified dictionary, fetched only for a query that holds Traditional characters (src/search/build/traditional.ts). */
  traditional: (name: string): string => `traditional/${name}.txt.gz`,
};

/** What the build reads from a Pagefind fragment (its pagefind/fragment/<id>.pf_fragment). */
export interface PagefindFragment {
  url: string;
  /** The indexed text, words separated by zero-width spaces. */
  content: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
  /** Elements with an id, in page order: the section headings are those whose element is h2–h6. */
  anchors?: ReadonlyArray<{ element: string; text: string }>;
}

/**
 * What ranks a page like a heading: its subtitle (an article's) or dek (a
 * story's), declared as the `subtitle` meta in the markup, and its section
 * headings, from the fragment's anchors (a heading without an id is not among them).
 */
export function pageHeadings(fragment: PagefindFragment): string[] {
  const headings = (fragment.anchors ?? []).filter((a) => /^h[2-6]$/u.test(a.element)).map((a) => a.text);
  return [fragment.meta.subtitle ?? '', ...headings].map((text) => text.trim()).filter((text) => text !== '');
}

/** A page's text as a reader reads it: Pagefind's text without its word breaks, tidied (see tidyPagefindText). */
export function pageText(content: string): string {
  return tidyPagefindText(content.replace(/\u200b/gu, '')).trim();
}

/** Characters a text block starts apart: a few kilobytes gzipped, a fraction of a long page. */
export const BLOCK_CHARS = 800;
/** Characters a block runs on into the next, so a term or an excerpt that starts near its end is whole. */
export const BLOCK_OVERLAP = 120;

/**
 * A page's text as blocks of BLOCK_CHARS (each running BLOCK_OVERLAP into the
 * next), with where each starts in the normalised text (the term index's
 * positions): the search page fetches the block where the query's terms are.
 * One block for a short page.
 */
export function textBlocks(text: string): { blocks: string[]; starts: number[] } {
  const blocks: string[] = [];
  const starts: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + BLOCK_CHARS);
    // Never split a surrogate pair.
    if (end < text.length && /[\udc00-\udfff]/u.test(text.charAt(end))) end += 1;
    starts.push([...normaliseText(text.slice(0, start))].length);
    blocks.push(text.slice(start, Math.min(text.length, end + BLOCK_OVERLAP)));
    start = end;
  }
  return { blocks, starts };
}

/**
 * Shards whose names one shard directory lists. The facts file names the
 * directories, not the shards: at 5,000 articles the 10,593 shard names were
 * 68 KB of its 97 KB gzipped, fetched by every first query for the two or
 * three shards it reads. A directory of 128 names is about 0.7 KB gzipped.
 */
export const SHARDS_PER_DIRECTORY = 128;

/** The shard directories (JSON arrays of names), before gzip: directory d lists shards d × perDirectory onwards. */
export function shardDirectories(shardNames: readonly string[], perDirectory = SHARDS_PER_DIRECTORY): string[] {
  const directories: string[] = [];
  for (let start = 0; start < shardNames.length; start += perDirectory)
    directories.push(JSON.stringify(shardNames.slice(start, start + perDirectory)));
  return directories;
}

/** Where shard n's name is: its directory, and its place in it. */
export function directoryOf(shard: number, perDirectory: number): { directory: number; at: number } {
  return { directory: Math.floor(shard / perDirectory), at: shard % perDirectory };
}

/** Read a shard directory. */
export function readShardDirectory(json: string): string[] {
  const names: unknown = JSON.parse(json);
  const isNames = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((name) => typeof name === 'string');
  if (!isNames(names)) throw new Error('shard directory: not a list of names');
  return names;
}

/** Every shard's name, from a bundle's shard directories (`read` gives a file's text, unzipped): for tools and tests, not the search page. */
export function readShardNames(facts: { names: FileNames }, read: (path: string) => string): string[] {
  return facts.names.directories.flatMap((name, d) => readShardDirectory(read(searchFilePaths.directory(name, d))));
}

export interface SearchFiles {
  /** A hash of every file's name: changes whenever any file does. */
  version: string;
  /** The facts file, before gzip. */
  facts: Uint8Array;
  /** Term shards, before gzip: shard n is shards[n]. */
  shards: Uint8Array[];
  /** Each shard's name (a hash of its bytes), as the shard directories list them. */
  shardNames: string[];
  /** Shard directories (JSON), before gzip. */
  directories: string[];
  /** Display chunks (JSON), before gzip. */
  chunks: string[];
  /** Page id → its text. */
  texts: Map<string, string>;
  /** Page id → its text in blocks (pages longer than one block only). */
  blocks: Map<string, string[]>;
  /** The Traditional → Simplified dictionary (empty without one). */
  traditional: string;
  /** The names of the files the facts file lists (each a hash of its bytes). */
  names: FileNames;
}

/** A build's Traditional → Simplified dictionary and the Traditional grams to mark in the term index, from the pages' normalised texts. */
export type TraditionalSource = (texts: readonly string[]) => { dictionary: string; grams: readonly string[] };

/**
 * Every search file for these fragments. Pages are numbered newest first (see
 * comparePages); `hash` names each shard, chunk and the dictionary by its own
 * bytes; `dictionary` (given the pages' texts) makes the Traditional dictionary.
 */
export function buildSearchFiles(
  fragments: ReadonlyArray<{ id: string; fragment: PagefindFragment }>,
  hash: (bytes: Uint8Array) => string,
  traditionalOf: TraditionalSource = () => ({ dictionary: '', grams: [] }),
): SearchFiles {
  const sources: Array<PageSource & { text: string; headings: string[] }> = fragments
    .map(({ id, fragment }) => ({
      id,
      url: fragment.url,
      meta: fragment.meta,
      filters: fragment.filters,
      text: pageText(fragment.content),
      headings: pageHeadings(fragment),
    }))
    .sort(comparePages);
  const traditional = traditionalOf(sources.map((page) => normaliseText(page.text)));
  const {
    shards,
    heavy,
    layout: shardLayout,
  } = buildTermShards(
    sources.map((page) => ({ text: page.text, title: page.meta.title ?? '', headings: page.headings })),
    traditional.grams,
  );
  const split = new Map(sources.map((page) => [page.id, textBlocks(page.text)]));
  const long = [...split].filter(([, { blocks }]) => blocks.length > 1);
  const chunks = buildDisplayChunks(
    sources.map((page) => {
      const starts = split.get(page.id)!.starts;
      return starts.length > 1 ? { ...page, blocks: starts } : page;
    }),
    CHUNK_PAGES,
  );
  const encoder = new TextEncoder();
  const shardNames = shards.map(hash);
  const directories = shardDirectories(shardNames);
  const names: FileNames = {
    directories: directories.map((directory) => hash(encoder.encode(directory))),
    chunks: chunks.map((chunk) => hash(encoder.encode(chunk))),
    traditional: hash(encoder.encode(traditional.dictionary)),
  };
  const layout = {
    names,
    shards: { hashed: shardLayout.hashed, heavy },
    chunkPages: CHUNK_PAGES,
    shardsPerDirectory: SHARDS_PER_DIRECTORY,
  };
  const unversioned = buildPagesFile(sources, { version: '', ...layout });
  const version = hash(encoder.encode(`${JSON.stringify(names)}\n${hash(unversioned)}`));
  return {
    version,
    facts: buildPagesFile(sources, { version, ...layout }),
    shards,
    shardNames,
    directories,
    chunks,
    texts: new Map(sources.map((page) => [page.id, page.text])),
    blocks: new Map(long.map(([id, { blocks }]) => [id, blocks])),
    traditional: traditional.dictionary,
    names,
  };
}
