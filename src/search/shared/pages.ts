import { ByteWriter, readContainer, readPostings, writeContainer, writePostings, type ByteReader } from './codec.ts';
import { FACETS, type FilterName } from './state.ts';
import { normaliseText } from './query.ts';
import { shardCount, shardLayout, type HeavyKeys, type ShardLayout } from './terms.ts';

/**
 * What the search page knows of each page, in three parts:
 *  - the facts file: every page's type, place in time order and text length,
 *    a few bytes a page, enough to rank and sort without any title;
 *  - the filters file: every page's filter values (as small integers against a
 *    dictionary of values), to count and apply filters: fetched after the first
 *    results show, unless the reader has chosen a filter (at 20,000 articles it
 *    is 55 KB of what was an 88 KB facts file);
 *  - display chunks: the title, URL and meta line of CHUNK_PAGES pages at a
 *    time, fetched only for the results shown.
 * Page i is the i-th page in both, and in the term index's postings.
 */

/** The kinds of page search finds; the 类型 filter shows them by name (searchUi.types). */
export const PAGE_TYPES = ['article', 'story'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** Pages per display chunk: a chunk is about 2 KB gzipped, and five results need at most five. */
export const CHUNK_PAGES = 32;

/** A page as Pagefind described it (its fragment's id, URL, metadata and filters). */
export interface PageSource {
  id: string;
  url: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
  /** The page's indexed text (its length, normalised, goes into the facts file for ranking). */
  text?: string;
  /** That length, for a page whose text is no longer held (the build streams the texts). */
  textLength?: number;
}

/** Values of every filter of a page (empty when the page has none): the filters file. */
export type PageFilters = Record<FilterName, string[]>;

/** What the facts file says about a page. */
export interface PageFacts {
  type: PageType;
  /** Rank in time order (year, then a story's date): higher is newer, equal for pages of the same time. */
  time: number;
  /**
   * Characters of the page's indexed text, normalised (src/search/shared/query.ts), to within 2% (lengthCode):
   * relevance is normalised by it.
   */
  length: number;
}

/** What a result row shows of a page. */
export interface PageDisplay {
  /** Pagefind's page id, which names the page's text file. */
  id: string;
  url: string;
  title: string;
  /** An article's region (empty for stories). */
  region: string;
  /** A story's places, joined with 、 (empty for articles). */
  regions: string;
  year: string;
  /** A story's date, YYYY-MM-DD (empty for articles). */
  date: string;
  image?: string;
  /** For a page whose text is in blocks (src/search/shared/files.ts textBlocks): where each starts in the normalised text. */
  blocks?: number[];
}

/** The names of the files the facts file points to (src/search/shared/files.ts), each a hash of the file's bytes. */
export interface FileNames {
  /** The shard directories, which name the term shards. */
  directories: string[];
  chunks: string[];
  traditional: string;
  filters: string;
}

/** The facts file, read. */
export interface PagesFile {
  /** Changes whenever any search file does. */
  version: string;
  /** Term shards, all of them. */
  shards: number;
  /** Where each gram is filed (src/search/shared/terms.ts shardOf). */
  layout: ShardLayout;
  chunkPages: number;
  /** Shards named by one shard directory (src/search/shared/files.ts shardDirectories). */
  shardsPerDirectory: number;
  /** Names of the shard directories, display chunks and the Traditional dictionary. */
  names: FileNames;
  pages: PageFacts[];
}

interface FactsHeader {
  version: string;
  /** Hash shards; then a shard for each heavy key (the body lists the keys). */
  shards: number;
  heavyBits: number;
  chunkPages: number;
  shardsPerDirectory: number;
  names: FileNames;
  pages: number;
  types: readonly string[];
}

interface FiltersHeader {
  pages: number;
  /** Each filter's values; pages name them by index. */
  values: Record<FilterName, string[]>;
}

const pageType = (meta: PageSource['meta']): PageType => (meta.type === 'story' ? 'story' : 'article');

/** Year, then date (stories have one; an article's year stands for its whole year). */
export function compareTime(a: PageSource['meta'], b: PageSource['meta']): number {
  return Number(a.year ?? 0) - Number(b.year ?? 0) || (a.date ?? '').localeCompare(b.date ?? '');
}

/** The order pages are numbered in: newest first, then by URL, so a listing without a query reads chunks in order. */
export function comparePages(a: PageSource, b: PageSource): number {
  return compareTime(b.meta, a.meta) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/** Each page's rank in time order (0 for the oldest time; pages of the same time share one). */
function timeRanks(pages: readonly PageSource[]): number[] {
  const order = pages.map((_, i) => i).sort((a, b) => compareTime(pages[a]!.meta, pages[b]!.meta));
  const ranks = new Array<number>(pages.length);
  let rank = 0;
  order.forEach((page, i) => {
    if (i > 0 && compareTime(pages[order[i - 1]!]!.meta, pages[page]!.meta) !== 0) rank += 1;
    ranks[page] = rank;
  });
  return ranks;
}

/**
 * A length as one small code, in steps of 4% (as search engines keep a field's
 * length in a byte): ranking needs its size, not its last digit, and at 5,000
 * pages exact lengths were 8.9 KB of the facts file gzipped, codes 4.7 KB.
 */
const LENGTH_STEP = Math.log(1.04);
export const lengthCode = (length: number): number => Math.round(Math.log(Math.max(1, length)) / LENGTH_STEP);
export const lengthOfCode = (code: number): number => Math.round(Math.exp(code * LENGTH_STEP));

/** Filters of at most this many values may be written as a bit set a page (see writeFilter). */
const BIT_SET_VALUES = 32;

/**
 * One filter's column. Each page's values as a count and gaps between value
 * indices, or, when that is longer, as a bit set of ceil(values / 8) bytes (a
 * filter like 主题 with 15 values and about six a page: 9.2 KB gzipped at 5,000
 * pages instead of 12.9). The first byte says which.
 */
function writeFilter(body: ByteWriter, codes: readonly number[][], values: number): void {
  const setBytes = Math.ceil(values / 8);
  const gapBytes = codes.reduce((sum, list) => sum + 1 + list.length, 0);
  if (values <= BIT_SET_VALUES && codes.length * setBytes < gapBytes) {
    body.varint(1);
    for (const list of codes) {
      const set = new Uint8Array(setBytes);
      for (const code of list) set[code >> 3]! |= 1 << (code & 7);
      body.bytes(set);
    }
    return;
  }
  body.varint(0);
  for (const list of codes) body.varint(list.length);
  for (const list of codes) {
    let previous = -1;
    for (const code of list) {
      body.varint(code - previous - 1);
      previous = code;
    }
  }
}

function readFilter(payload: ByteReader, count: number, values: number): number[][] {
  if (payload.varint() === 1) {
    const setBytes = Math.ceil(values / 8);
    return Array.from({ length: count }, () => {
      const set = payload.bytes(setBytes);
      const list: number[] = [];
      for (let code = 0; code < values; code += 1) if (set[code >> 3]! & (1 << (code & 7))) list.push(code);
      return list;
    });
  }
  const counts = readColumn(payload, count);
  return counts.map((n) => {
    const list: number[] = [];
    let code = -1;
    for (let i = 0; i < n; i += 1) {
      code += payload.varint() + 1;
      list.push(code);
    }
    return list;
  });
}

/**
 * The filters file (before gzip): each filter's column (writeFilter), page by page.
 */
export function buildFiltersFile(pages: readonly PageSource[]): Uint8Array {
  const values = {} as Record<FilterName, string[]>;
  for (const { filter } of FACETS) values[filter] = [...new Set(pages.flatMap((p) => p.filters[filter] ?? []))].sort();
  const body = new ByteWriter();
  for (const { filter } of FACETS) {
    const index = new Map(values[filter].map((value, i) => [value, i]));
    const codes = pages.map((page) =>
      [...new Set(page.filters[filter] ?? [])].map((value) => index.get(value)!).sort((a, b) => a - b),
    );
    writeFilter(body, codes, values[filter].length);
  }
  const header: FiltersHeader = { pages: pages.length, values };
  return writeContainer(header, body.finish());
}

/** Read the filters file: each page's filter values, by page number. */
export function readFiltersFile(bytes: Uint8Array): PageFilters[] {
  const { header, payload } = readContainer(bytes);
  const { pages: count, values } = header as FiltersHeader;
  const filters = Array.from({ length: count }, () => ({}) as PageFilters);
  for (const { filter } of FACETS) {
    const dictionary = values[filter] ?? [];
    readFilter(payload, count, dictionary.length).forEach((codes, page) => {
      filters[page]![filter] = codes.map((code) => dictionary[code]!);
    });
  }
  return filters;
}

/**
 * The facts file (before gzip). Columns, page by page: type; time rank; length
 * code, so that the long runs of small numbers gzip to almost nothing; then the
 * heavy keys (as postings) and their weights.
 */
export function buildPagesFile(
  pages: readonly PageSource[],
  files: {
    version: string;
    names: FileNames;
    shards: { hashed: number; heavy: HeavyKeys };
    chunkPages: number;
    shardsPerDirectory: number;
  },
): Uint8Array {
  const { heavy } = files.shards;
  const header: FactsHeader = {
    version: files.version,
    shards: files.shards.hashed,
    heavyBits: heavy.bits,
    chunkPages: files.chunkPages,
    shardsPerDirectory: files.shardsPerDirectory,
    names: files.names,
    pages: pages.length,
    types: PAGE_TYPES,
  };
  const body = new ByteWriter();
  for (const page of pages) body.varint(PAGE_TYPES.indexOf(pageType(page.meta)));
  for (const rank of timeRanks(pages)) body.varint(rank);
  for (const page of pages) body.varint(lengthCode(page.textLength ?? normaliseText(page.text ?? '').length));
  writePostings(body, heavy.keys, 2 ** heavy.bits);
  for (const weight of heavy.weights) body.varint(weight);
  return writeContainer(header, body.finish());
}

function readColumn(reader: ByteReader, count: number): number[] {
  return Array.from({ length: count }, () => reader.varint());
}

/** Read the facts file. */
export function readPagesFile(bytes: Uint8Array): PagesFile {
  const { header, payload } = readContainer(bytes);
  const {
    version,
    shards,
    heavyBits,
    chunkPages,
    shardsPerDirectory,
    names,
    pages: count,
    types,
  } = header as FactsHeader;
  const typeOf = readColumn(payload, count).map((code) => PAGE_TYPES.find((t) => t === types[code]) ?? 'article');
  const times = readColumn(payload, count);
  const lengths = readColumn(payload, count).map(lengthOfCode);
  const keys = [...readPostings(payload, 2 ** heavyBits)];
  const layout = shardLayout(shards, { bits: heavyBits, keys, weights: readColumn(payload, keys.length) });
  return {
    version,
    shards: shardCount(layout),
    layout,
    chunkPages,
    shardsPerDirectory,
    names,
    pages: typeOf.map((type, i) => ({ type, time: times[i]!, length: lengths[i]! })),
  };
}

/** A page's display entry: what its result row shows, empty fields left out. */
function displayEntry(page: PageSource & { blocks?: number[] }): Partial<PageDisplay> & { id: string; url: string } {
  const { meta } = page;
  const entry: Partial<PageDisplay> & { id: string; url: string } = { id: page.id, url: page.url };
  if (page.blocks) entry.blocks = page.blocks;
  const fields = {
    title: meta.title,
    region: meta.region,
    regions: meta.regions,
    year: meta.year,
    date: meta.date,
    image: meta.image,
  };
  for (const [key, value] of Object.entries(fields)) if (value) Object.assign(entry, { [key]: value });
  return entry;
}

/** The display chunks (JSON, before gzip): pages 0 to CHUNK_PAGES − 1 in the first, and so on. */
export function buildDisplayChunks(
  pages: ReadonlyArray<PageSource & { blocks?: number[] }>,
  chunkPages = CHUNK_PAGES,
): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < pages.length; start += chunkPages)
    chunks.push(JSON.stringify(pages.slice(start, start + chunkPages).map(displayEntry)));
  return chunks;
}

/** Read a display chunk. */
export function readDisplayChunk(json: string): PageDisplay[] {
  const entries = JSON.parse(json) as Array<Partial<PageDisplay> & { id: string; url: string }>;
  return entries.map((e) => ({
    id: e.id,
    url: e.url,
    title: e.title ?? e.url,
    region: e.region ?? '',
    regions: e.regions ?? '',
    year: e.year ?? '',
    date: e.date ?? '',
    ...(e.image ? { image: e.image } : {}),
    ...(e.blocks ? { blocks: e.blocks } : {}),
  }));
}

/** The chunk that holds a page, and its place there. */
export function chunkOf(page: number, chunkPages: number): { chunk: number; at: number } {
  return { chunk: Math.floor(page / chunkPages), at: page % chunkPages };
}
