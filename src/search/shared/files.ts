import { tidyPagefindText } from './excerpt.ts';
import {
  CHUNK_PAGES,
  buildDisplayChunks,
  buildFiltersFile,
  buildPagesFile,
  comparePages,
  type FileNames,
  type PageSource,
} from './pages.ts';
import { TermIndexBuilder, gramHash, type HeavyKeys, type IndexedPage } from './terms.ts';
import { normaliseText } from './query.ts';
import { choosePhrases, phraseSample } from './phrases.ts';

/**
 * The files the search page reads, written at build time from Pagefind's result
 * fragments so that they say exactly what it indexed (its text, metadata and
 * filters); Pagefind's own runtime files are not deployed:
 *  - the facts file (src/search/shared/pages.ts): every page's type, time order
 *    and text length, to rank and sort results;
 *  - the filters file (src/search/shared/pages.ts): every page's filter values,
 *    to count and apply filters, fetched once the first results show;
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
  filters: (name: string): string => `filters/${name}.bin.gz`,
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

/** What a page gives the term index, from its fragment: its text, title and headings. */
export function indexedPage(fragment: PagefindFragment): IndexedPage {
  return { text: pageText(fragment.content), title: fragment.meta.title ?? '', headings: pageHeadings(fragment) };
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

/**
 * The facts file, with its version: a hash of every file name it lists and of the facts themselves, so it changes
 * whenever any search file does.
 */
export function buildVersionedFacts(
  pages: readonly PageSource[],
  names: FileNames,
  shards: { hashed: number; heavy: HeavyKeys },
  hash: (bytes: Uint8Array) => string,
): { facts: Uint8Array; version: string } {
  const encoder = new TextEncoder();
  const filed = { names, shards, chunkPages: CHUNK_PAGES, shardsPerDirectory: SHARDS_PER_DIRECTORY };
  const unversioned = buildPagesFile(pages, { version: '', ...filed });
  const version = hash(encoder.encode(`${JSON.stringify(names)}\n${hash(unversioned)}`));
  return { facts: buildPagesFile(pages, { version, ...filed }), version };
}

/** One derived file, handed over to be written as soon as it is made (see deriveSearchFiles). */
export type SearchFile =
  | { kind: 'facts'; data: Uint8Array }
  | { kind: 'filters'; name: string; data: Uint8Array }
  | { kind: 'shard'; n: number; name: string; data: Uint8Array }
  | { kind: 'directory'; n: number; name: string; data: string }
  | { kind: 'chunk'; n: number; name: string; data: string }
  | { kind: 'text'; id: string; data: string }
  | { kind: 'block'; id: string; n: number; data: string }
  | { kind: 'traditional'; name: string; data: string };

/** A derived file's path in the search bundle (before gzip's .gz, which searchFilePaths includes). */
export function searchFilePath(file: SearchFile): string {
  switch (file.kind) {
    case 'facts':
      return searchFilePaths.facts;
    case 'filters':
      return searchFilePaths.filters(file.name);
    case 'shard':
      return searchFilePaths.shard(file.name, file.n);
    case 'directory':
      return searchFilePaths.directory(file.name, file.n);
    case 'chunk':
      return searchFilePaths.chunk(file.name, file.n);
    case 'text':
      return searchFilePaths.text(file.id);
    case 'block':
      return searchFilePaths.block(file.id, file.n);
    case 'traditional':
      return searchFilePaths.traditional(file.name);
  }
}

export interface SearchFiles {
  /** A hash of every file's name: changes whenever any file does. */
  version: string;
  /** The facts file, before gzip. */
  facts: Uint8Array;
  /** The filters file, before gzip. */
  filters: Uint8Array;
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

/**
 * A build's Traditional → Simplified dictionary and the Traditional grams to mark in the term index, from
 * the archive's grams: every character and every pair of adjacent characters of the pages' normalised
 * texts (the term index's text grams; as texts, they hold the same characters and pairs as the pages).
 */
export type TraditionalSource = (grams: readonly string[]) => { dictionary: string; grams: readonly string[] };

/** A page as the derived files record it: what the facts file, filters file and display chunks are made from. */
export type DerivedPage = PageSource & { textLength: number; blocks?: number[] };

/**
 * What a derive leaves for the next build to patch its files when few pages changed (src/search/build/patch.ts),
 * without reading the other pages: each page as filed (in page order), the phrases indexed whole, the shard
 * layout with the sizes it was chosen from, and every file's name.
 */
export interface DeriveState {
  pages: DerivedPage[];
  phrases: string[];
  heavy: HeavyKeys;
  /** Each shard's payload bytes; hash shards first (their sum chose how many there are), then the heavy keys'. */
  payloadBytes: number[];
  shardNames: string[];
  names: FileNames;
  /** The Traditional forms of the archive's grams (traditionalOf): markers in the shards where no page holds them. */
  traditionalGrams: string[];
}

/** A page to derive the files from: its id, and how to read its fragment (read more than once, so never all held at once). */
export interface FragmentSource {
  id: string;
  read: () => PagefindFragment;
}

/**
 * Derive every search file for these pages, handing each to `emit` as soon as it is made: a page's text and
 * excerpt blocks as the page is read, a display chunk once its pages are, then the term shards one at a
 * time, the Traditional dictionary, the filters file, and last the facts file, which names the others. Pages are numbered
 * newest first (see comparePages), so fragments are read once for their order (keeping only their
 * metadata), a sample of about a thousand once more to choose the phrases indexed whole (phrases.ts), and
 * again, in order, for their texts, one at a time: what is held across pages is their metadata, the sample's
 * texts while the phrases are chosen, and the term index's postings (TermIndexBuilder), never every text or
 * the files made.
 * `hash` names each shard, chunk and the dictionary by its own bytes.
 */
export function deriveSearchFiles(
  pages: readonly FragmentSource[],
  hash: (bytes: Uint8Array) => string,
  traditionalOf: TraditionalSource,
  emit: (file: SearchFile) => void,
): { pages: number; version: string; names: FileNames; state: DeriveState; textGrams: string[] } {
  const facts: Array<PageSource & { read: () => PagefindFragment }> = pages
    .map(({ id, read }) => {
      const { url, meta, filters } = read();
      return { id, url, meta, filters, read };
    })
    .sort(comparePages);
  const encoder = new TextEncoder();
  const names: FileNames = { directories: [], chunks: [], traditional: '', filters: '' };
  const shardNames: string[] = [];
  // The phrases indexed whole: chosen from a sample of the pages (read a second time), found on every page.
  const sample = phraseSample(facts.map((page) => gramHash(page.url)));
  const sampleTexts = sample.pages.map((i) => normaliseText(pageText(facts[i]!.read().content)));
  const phrases = choosePhrases(sampleTexts, sample.scale, facts.length);
  const index = new TermIndexBuilder(phrases);
  sampleTexts.length = 0;
  const derived: DerivedPage[] = [];
  let chunk: DerivedPage[] = [];
  const emitChunk = (): void => {
    const data = buildDisplayChunks(chunk, CHUNK_PAGES)[0]!;
    const name = hash(encoder.encode(data));
    emit({ kind: 'chunk', n: names.chunks.length, name, data });
    names.chunks.push(name);
    chunk = [];
  };
  for (const page of facts) {
    const fragment = page.read();
    const text = pageText(fragment.content);
    emit({ kind: 'text', id: page.id, data: text });
    const { blocks, starts } = textBlocks(text);
    if (blocks.length > 1) blocks.forEach((data, n) => emit({ kind: 'block', id: page.id, n, data }));
    const textLength = index.addPage({ text, title: page.meta.title ?? '', headings: pageHeadings(fragment) });
    const { id, url, meta, filters } = page;
    const filed: DerivedPage =
      starts.length > 1
        ? { id, url, meta, filters, textLength, blocks: starts }
        : { id, url, meta, filters, textLength };
    derived.push(filed);
    chunk.push(filed);
    if (chunk.length === CHUNK_PAGES) emitChunk();
  }
  if (chunk.length > 0) emitChunk();
  const textGrams = index.textGrams();
  const traditional = traditionalOf(textGrams);
  const { layout, heavy, payloadBytes } = index.finish(traditional.grams, (data, n) => {
    const name = hash(data);
    emit({ kind: 'shard', n, name, data });
    shardNames.push(name);
  });
  shardDirectories(shardNames).forEach((data, n) => {
    const name = hash(encoder.encode(data));
    emit({ kind: 'directory', n, name, data });
    names.directories.push(name);
  });
  names.traditional = hash(encoder.encode(traditional.dictionary));
  emit({ kind: 'traditional', name: names.traditional, data: traditional.dictionary });
  const filters = buildFiltersFile(derived);
  names.filters = hash(filters);
  emit({ kind: 'filters', name: names.filters, data: filters });
  const built = buildVersionedFacts(derived, names, { hashed: layout.hashed, heavy }, hash);
  emit({ kind: 'facts', data: built.facts });
  const state: DeriveState = {
    pages: derived,
    phrases,
    heavy,
    payloadBytes,
    shardNames,
    names,
    traditionalGrams: [...traditional.grams],
  };
  return { pages: facts.length, version: built.version, names, state, textGrams };
}

/**
 * Every search file for these fragments, held in memory (for a few pages: the build streams them with
 * deriveSearchFiles). Pages are numbered newest first (see comparePages); `hash` names each shard, chunk
 * and the dictionary by its own bytes; `traditionalOf` (given the archive's grams) makes the Traditional dictionary.
 */
export function buildSearchFiles(
  fragments: ReadonlyArray<{ id: string; fragment: PagefindFragment }>,
  hash: (bytes: Uint8Array) => string,
  traditionalOf: TraditionalSource = () => ({ dictionary: '', grams: [] }),
): SearchFiles {
  const files: Omit<SearchFiles, 'version' | 'names'> = {
    facts: new Uint8Array(0),
    filters: new Uint8Array(0),
    shards: [],
    shardNames: [],
    directories: [],
    chunks: [],
    texts: new Map(),
    blocks: new Map(),
    traditional: '',
  };
  const { version, names } = deriveSearchFiles(
    fragments.map(({ id, fragment }) => ({ id, read: () => fragment })),
    hash,
    traditionalOf,
    (file) => {
      if (file.kind === 'facts') files.facts = file.data;
      else if (file.kind === 'filters') files.filters = file.data;
      else if (file.kind === 'shard') {
        files.shards[file.n] = file.data;
        files.shardNames[file.n] = file.name;
      } else if (file.kind === 'directory') files.directories[file.n] = file.data;
      else if (file.kind === 'chunk') files.chunks[file.n] = file.data;
      else if (file.kind === 'text') files.texts.set(file.id, file.data);
      else if (file.kind === 'block') {
        const blocks = files.blocks.get(file.id) ?? [];
        blocks[file.n] = file.data;
        files.blocks.set(file.id, blocks);
      } else files.traditional = file.data;
    },
  );
  return { ...files, version, names };
}
