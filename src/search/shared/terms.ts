import {
  ByteReader,
  ByteWriter,
  packTwoBits,
  readContainer,
  readPostings,
  unpackTwoBits,
  writeContainer,
  writePostings,
} from './codec.ts';
import { normaliseText } from './query.ts';

/**
 * The term index: which pages hold a term, how often, and whether their title
 * or a section heading does, known without reading the pages. Built from each
 * page's indexed text (normalised as queries are), it lists for every one- and
 * two-character gram the pages that hold it, with a count level per page, the
 * pages whose title holds it and those with a heading that does. A page can only contain a term if it holds every gram of the
 * term: the character itself for a one-character term, each pair of
 * neighbours otherwise (a pair's presence implies its characters', so a longer
 * term needs only pairs). For one- and two-character terms that is exact; a
 * longer term's pairs can occur apart without the whole term (2580 on a page
 * with 25, 58 and 80 in other numbers): the page's text, read when its result
 * is shown, settles those.
 *
 * Grams are filed in shards by a hash of the whole gram, and there are as many
 * shards as keep each one small (SHARD_BYTES), so a query fetches a few small
 * files whatever the size of the archive.
 */

/** What the index knows of one gram. */
export interface GramPostings {
  /** Pages whose text holds the gram, ascending. */
  pages: Uint32Array;
  /** For each of `pages`, how often the gram occurs there (countLevel: 1–4). */
  levels: Uint8Array;
  /** Pages whose title holds the gram, ascending. */
  title: Uint32Array;
  /** Pages one of whose section headings holds the gram, ascending. */
  heading: Uint32Array;
}

/** What the index is built from, per page. */
export interface IndexedPage {
  text: string;
  title: string;
  /** Section headings (h2–h6), each on its own so no pair spans two. */
  headings: readonly string[];
}

/**
 * Encoded bytes a shard aims at (before gzip, which takes off about a third):
 * big enough that a small archive has few files, small enough that a query's
 * handful of shards stays in the tens of kilobytes at 5,000 articles.
 */
export const SHARD_BYTES = 16_000;

/** At most this many grams are fetched for one query (a shard each, at worst); see planQuery. */
export const MAX_QUERY_GRAMS = 12;

/** How often a gram occurs on a page, in four steps: once, 2–3, 4–7, 8 or more times (1–4). */
export function countLevel(count: number): number {
  if (count < 1) return 0;
  return Math.min(4, Math.floor(Math.log2(count)) + 1);
}

/** The grams a page must hold to contain `term` (already normalised): its distinct pairs, or the character itself. */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return [...grams];
}

/** Does holding the term's grams prove a page contains the term? (Only for one and two characters.) */
export function gramsProveTerm(term: string): boolean {
  return [...term].length <= 2;
}

/** Pairs that still cover every character of a term: every other pair, and the last. */
function coveringGrams(term: string): string[] {
  const chars = [...term];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 2) grams.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length % 2 === 1 && chars.length > 1) grams.add(`${chars.at(-2)}${chars.at(-1)}`);
  return [...grams];
}

/** A query term and the grams looked up for it. */
export interface TermPlan {
  term: string;
  grams: string[];
}

/**
 * The grams to look up for each term. Normally all of a term's grams; when a
 * query has more than MAX_QUERY_GRAMS in all (a pasted sentence), long terms
 * keep only pairs that cover their characters, then lose pairs from the end,
 * longest first. Any subset still keeps every page that contains the term,
 * and such terms (three characters or more) are checked on the text anyway.
 */
export function planQuery(terms: readonly string[]): TermPlan[] {
  const plans = terms.map((term) => ({ term, grams: termGrams(term) }));
  const total = (): number => new Set(plans.flatMap((p) => p.grams)).size;
  if (total() <= MAX_QUERY_GRAMS) return plans;
  for (const plan of plans) plan.grams = coveringGrams(plan.term);
  for (;;) {
    if (total() <= MAX_QUERY_GRAMS) return plans;
    const longest = plans.reduce((a, b) => (b.grams.length > a.grams.length ? b : a));
    if (longest.grams.length <= 1) return plans;
    longest.grams.pop();
  }
}

/** FNV-1a over the gram's UTF-16 code units: the same number in Node and the browser. */
export function gramHash(gram: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i += 1) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shard a gram is filed in. */
export function shardOf(gram: string, shardCount: number): number {
  return gramHash(gram) % shardCount;
}

/** The shards to fetch for these grams, ascending. */
export function shardsForGrams(grams: readonly string[], shardCount: number): number[] {
  return [...new Set(grams.map((gram) => shardOf(gram, shardCount)))].sort((a, b) => a - b);
}

/** How often each one- and two-character gram occurs in a text (normalised first). */
export function countGrams(text: string): Map<string, number> {
  const chars = [...normaliseText(text)];
  const counts = new Map<string, number>();
  chars.forEach((ch, i) => {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const next = chars[i + 1];
    if (next !== undefined) counts.set(`${ch}${next}`, (counts.get(`${ch}${next}`) ?? 0) + 1);
  });
  return counts;
}

interface Collected {
  pages: number[];
  levels: number[];
  title: number[];
  heading: number[];
}

/** Postings of every gram of these pages (page i of `pages` is index i). */
export function collectPostings(pages: readonly IndexedPage[]): Map<string, GramPostings> {
  const collected = new Map<string, Collected>();
  const entry = (gram: string): Collected => {
    let found = collected.get(gram);
    if (!found) {
      found = { pages: [], levels: [], title: [], heading: [] };
      collected.set(gram, found);
    }
    return found;
  };
  pages.forEach(({ text, title, headings }, page) => {
    for (const [gram, count] of countGrams(text)) {
      const found = entry(gram);
      found.pages.push(page);
      found.levels.push(countLevel(count));
    }
    for (const gram of countGrams(title).keys()) entry(gram).title.push(page);
    for (const gram of new Set(headings.flatMap((heading) => [...countGrams(heading).keys()])))
      entry(gram).heading.push(page);
  });
  return new Map(
    [...collected].map(([gram, c]) => [
      gram,
      {
        pages: Uint32Array.from(c.pages),
        levels: Uint8Array.from(c.levels),
        title: Uint32Array.from(c.title),
        heading: Uint32Array.from(c.heading),
      },
    ]),
  );
}

/** One gram's record in a shard: the gram, its pages, their levels (two bits each, level − 1), its title pages, its heading pages. */
function writeGram(writer: ByteWriter, gram: string, postings: GramPostings, pageCount: number): void {
  writer.string(gram);
  writePostings(writer, postings.pages, pageCount);
  writer.bytes(packTwoBits(Array.from(postings.levels, (level) => level - 1)));
  writePostings(writer, postings.title, pageCount);
  writePostings(writer, postings.heading, pageCount);
}

/** The header of a shard file. */
interface ShardHeader {
  /** Pages in the index (the universe of its page lists). */
  pages: number;
  grams: number;
}

/**
 * The term index as shard files (before gzip): as many shards as make each
 * about SHARD_BYTES, grams filed by shardOf, in code-point order within a shard
 * so the same pages always give byte-identical files.
 */
export function buildTermShards(pages: readonly IndexedPage[]): Uint8Array[] {
  const postings = collectPostings(pages);
  const records = new Map<string, Uint8Array>();
  let total = 0;
  for (const gram of [...postings.keys()].sort()) {
    const writer = new ByteWriter();
    writeGram(writer, gram, postings.get(gram)!, pages.length);
    const record = writer.finish();
    records.set(gram, record);
    total += record.length;
  }
  const shardCount = Math.max(1, Math.round(total / SHARD_BYTES));
  const filed: string[][] = Array.from({ length: shardCount }, () => []);
  for (const gram of records.keys()) filed[shardOf(gram, shardCount)]!.push(gram);
  return filed.map((grams) => {
    const payload = new ByteWriter();
    for (const gram of grams) payload.bytes(records.get(gram)!);
    const header: ShardHeader = { pages: pages.length, grams: grams.length };
    return writeContainer(header, payload.finish());
  });
}

/** The grams of one shard file. */
export function readTermShard(bytes: Uint8Array): Map<string, GramPostings> {
  const { header, payload } = readContainer(bytes);
  const { pages: pageCount, grams } = header as ShardHeader;
  const shard = new Map<string, GramPostings>();
  for (let i = 0; i < grams; i += 1) shard.set(...readGram(payload, pageCount));
  return shard;
}

function readGram(reader: ByteReader, pageCount: number): [string, GramPostings] {
  const gram = reader.string();
  const pages = readPostings(reader, pageCount);
  const levels = unpackTwoBits(reader.bytes(Math.ceil(pages.length / 4)), pages.length).map((level) => level + 1);
  const title = readPostings(reader, pageCount);
  const heading = readPostings(reader, pageCount);
  return [gram, { pages, levels, title, heading }];
}

/** Looks a gram up in the shards loaded (undefined when no page holds it). */
export type GramLookup = (gram: string) => GramPostings | undefined;

/**
 * Indices of the pages that hold every gram planned for every term (all pages
 * when there are no terms), ascending.
 */
export function pagesWithTerms(plans: readonly TermPlan[], lookup: GramLookup, pageCount: number): number[] {
  const grams = [...new Set(plans.flatMap((p) => p.grams))].map((gram) => lookup(gram)?.pages ?? new Uint32Array(0));
  if (grams.length === 0) return Array.from({ length: pageCount }, (_, i) => i);
  grams.sort((a, b) => a.length - b.length);
  let pages = Array.from(grams[0]!);
  for (const other of grams.slice(1)) {
    const holding = new Uint8Array(pageCount);
    for (const page of other) holding[page] = 1;
    pages = pages.filter((page) => holding[page] === 1);
    if (pages.length === 0) break;
  }
  return pages;
}
