import {
  ByteWriter,
  type ByteReader,
  packTwoBits,
  readContainer,
  readPostings,
  unpackTwoBits,
  writeContainer,
  writePostings,
} from './codec.ts';
import { normaliseText } from './query.ts';
import { PHRASE_MAX_CHARS, PhraseFinder } from './phrases.ts';

/**
 * The term index: which pages hold a term, how often, and whether their title
 * or a section heading does, known without reading the pages. Built from each
 * page's indexed text (normalised as queries are), it lists for every one- and
 * two-character gram the pages that hold it, with a count level per page, the
 * pages whose title holds it and those with a heading that does; for a pair,
 * also where in each page's text it occurs. A page contains a one-character
 * term if it holds the character, a two-character term if it holds the pair,
 * and a longer term if its pairs occur one character apart from each other
 * (2580 is not on a page with 25, 58 and 80 in other numbers): so the pages
 * found, and every count made of them, are exact without reading any page.
 *
 * Grams are filed in shards by a hash of the whole gram, and there are as many
 * shards as keep each one small (SHARD_BYTES), so a query fetches a few small
 * files whatever the size of the archive. A gram whose record alone is larger
 * (a common pair: 服务, 20, 00) gets a shard of its own, so it never weighs on
 * the rarer grams filed beside it, and a query leaves it out where the term's
 * other pairs cover its characters (planQuery).
 */

/** What the index knows of one gram. */
export interface GramPostings {
  /** Pages whose text holds the gram, ascending. */
  pages: Uint32Array;
  /** For each of `pages`, how often the gram occurs there (countLevel: 1–4). */
  levels: Uint8Array;
  /** For a pair, for each of `pages`: where it starts in the page's normalised text (code points, ascending); none for a character. */
  positions: Uint32Array[];
  /** Pages whose title holds the gram, ascending. */
  title: Uint32Array;
  /** Pages one of whose section headings holds the gram, ascending. */
  heading: Uint32Array;
  /** A marker (no page holds it): the gram is a Traditional form of the archive's (see traditionalGrams, src/search/build/traditional.ts). */
  traditional?: true;
}

/** What the index is built from, per page. */
export interface IndexedPage {
  text: string;
  title: string;
  /** Section headings (h2–h6), each on its own so no pair spans two. */
  headings: readonly string[];
}

/**
 * Encoded bytes a shard aims at (before gzip, which takes off about a third). A
 * query fetches a shard for each of its grams (up to MAX_QUERY_GRAMS) and uses
 * one record of each, so small shards keep a first query light (about 3 KB
 * gzipped a shard); the cost is more files, and a request's headers for each.
 */
export const SHARD_BYTES = 4_000;

/**
 * The heavy shards: grams whose heavy key (heavyKey) is one of `keys` are filed
 * apart, one shard for each key, after the hash shards. A heavy gram (a record over
 * SHARD_BYTES) makes its key heavy; a rare gram that shares the key goes along.
 * Keys rather than grams, so the facts file that every first query loads lists
 * them in about 1.5 bytes each (2,682 grams at 5,000 articles: 11.2 KB as a
 * list of grams, 4.7 KB as keys and weights).
 */
export interface HeavyKeys {
  /** Bits of a heavy key: about eight more than the keys need, so few rare grams share one (see heavyKeyBits). */
  bits: number;
  /** Ascending; key i has shard hashed + i. */
  keys: number[];
  /** Each key's shard size class (weightClass): the planner leaves the heaviest pairs out first. */
  weights: number[];
}

export const NO_HEAVY_KEYS: HeavyKeys = { bits: 0, keys: [], weights: [] };

/** Where each gram is filed: `hashed` shards by gramHash, then one shard for each heavy key. */
export interface ShardLayout {
  hashed: number;
  keyBits: number;
  /** Heavy key → its place (its shard is hashed + place). */
  heavy: ReadonlyMap<number, number>;
  /** Heavy key → its weight class. */
  weights: ReadonlyMap<number, number>;
}

/** The layout of `hashed` hash shards followed by the shards of the heavy keys. */
export function shardLayout(hashed: number, heavy: HeavyKeys = NO_HEAVY_KEYS): ShardLayout {
  return {
    hashed,
    keyBits: heavy.bits,
    heavy: new Map(heavy.keys.map((key, i) => [key, i])),
    weights: new Map(heavy.keys.map((key, i) => [key, heavy.weights[i] ?? 0])),
  };
}

/**
 * Hash shards for this many bytes of records: about one per SHARD_BYTES, on a grid of eighth octaves (a step
 * is 9 %), so that an edited page seldom changes the count. A new count files every gram again, which a
 * build that patches the last build's files (src/search/build/patch.ts) cannot follow: with one shard per
 * SHARD_BYTES exactly, a sentence added to one of 1,000 articles crossed a boundary and every file was derived again.
 */
export function hashShardCount(bytes: number): number {
  const exact = bytes / SHARD_BYTES;
  return exact <= 1 ? 1 : Math.max(1, Math.round(2 ** (Math.round(8 * Math.log2(exact)) / 8)));
}

/** Every shard of a layout. */
export const shardCount = (layout: ShardLayout): number => layout.hashed + layout.heavy.size;

/** Key bits for this many heavy grams: one key in 256 heavy, so about 0.4% of rare grams join a heavy shard. */
export function heavyKeyBits(heavyGrams: number): number {
  return heavyGrams === 0 ? 0 : Math.min(32, Math.max(12, Math.ceil(Math.log2(heavyGrams)) + 8));
}

/** A gram's heavy key: the top `bits` of its hash (the hash shards use it modulo their count). */
export function heavyKey(gram: string, bits: number): number {
  return bits === 0 ? 0 : gramHash(gram) >>> (32 - bits);
}

/** A shard's size class, in quarter octaves above SHARD_BYTES: what the planner needs of its weight, in a byte. */
export function weightClass(bytes: number): number {
  return Math.max(0, Math.min(255, Math.round(4 * Math.log2(Math.max(1, bytes) / SHARD_BYTES))));
}

/** How heavy a gram's shard is (larger is heavier), or undefined for a gram in a hash shard. */
export type GramWeight = (gram: string) => number | undefined;

/** The weights of a layout's heavy grams. */
export function gramWeight(layout: ShardLayout): GramWeight {
  return (gram) => (layout.heavy.size === 0 ? undefined : layout.weights.get(heavyKey(gram, layout.keyBits)));
}

const NO_WEIGHT: GramWeight = () => undefined;

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

/** Does holding the term's grams prove a page contains the term, without their positions? (Only for one and two characters.) */
export function gramsProveTerm(term: string): boolean {
  return [...term].length <= 2;
}

/** The pairs of a term by where they start in it (offset 0 is the first two characters). */
function pairsByOffset(term: string): string[] {
  const chars = [...term];
  return chars.slice(0, -1).map((ch, i) => `${ch}${chars[i + 1]}`);
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

/** Does this set of a term's pair offsets cover each of its `length` characters? */
function coversTerm(offsets: Iterable<number>, length: number): boolean {
  const covered = new Set<number>();
  for (const offset of offsets) covered.add(offset).add(offset + 1);
  return covered.size === length;
}

/**
 * A term's grams without the pairs that other pairs make redundant: pairs that
 * still cover every character prove the term as all do (termsProven), so a
 * query fetches fewer shards. Heavy pairs go first, heaviest first (11861 is
 * looked up as 11, 86 and 61 when 18 is heavy), then the others from the
 * term's start (家庭医生 as 家庭 and 医生).
 */
function withoutRedundantPairs(term: string, weightOf: GramWeight): string[] {
  const pairs = pairsByOffset(term);
  const grams = termGrams(term);
  if (pairs.length < 2) return grams;
  const kept = new Set(pairs.keys());
  const offsets = [...kept];
  const weights = pairs.map((pair) => weightOf(pair));
  const heaviestFirst = offsets
    .filter((offset) => weights[offset] !== undefined)
    .sort((a, b) => weights[b]! - weights[a]! || a - b);
  for (const offset of [...heaviestFirst, ...offsets.filter((o) => weights[o] === undefined)]) {
    // A pair printed twice in the term (00 in 57000) goes only if none of its places is needed.
    const places = [...kept].filter((o) => pairs[o] === pairs[offset]);
    const rest = [...kept].filter((o) => pairs[o] !== pairs[offset]);
    if (places.length > 0 && coversTerm(rest, pairs.length + 1)) for (const o of places) kept.delete(o);
  }
  return grams.filter((gram) => [...kept].some((o) => pairs[o] === gram));
}

/**
 * The grams to look up for each term: its character, its pair, or for a longer
 * term the pairs that cover its characters, heavy ones left out where others
 * can cover (`weightOf`: see gramWeight and withoutRedundantPairs); when a
 * query has more than MAX_QUERY_GRAMS in all (a pasted sentence), long terms
 * keep only pairs that cover their characters, then lose pairs from the end,
 * longest first. Covering pairs still prove a term (termsProven); fewer keep
 * every page that contains it, and the text of a page shown settles the rest.
 */
export function planQuery(terms: readonly string[], weightOf: GramWeight = NO_WEIGHT): TermPlan[] {
  const plans = terms.map((term) => ({ term, grams: withoutRedundantPairs(term, weightOf) }));
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

/**
 * Shards at least this heavy (weightClass: four times SHARD_BYTES, about 10 KB
 * gzipped) are worth a wait: a query may leave their grams out while its other
 * pairs narrow the pages to a few, whose texts then settle the term (see deferHeavyGrams).
 */
export const DEFER_WEIGHT = 8;

/**
 * A failed deferral (more pages than the texts can settle) costs the pairs it
 * added, and the heavy shard after all; a good one saves the heavy shard. So a
 * term defers only when what it leaves out weighs this many times what it adds.
 */
const DEFER_RATIO = 4;

/** Weight classes within which a term's heavy pairs count as its heaviest (4: a factor of two). */
const HEAVIEST_CLASSES = 4;

/**
 * The plans without their heaviest grams (in shards of DEFER_WEIGHT or more, and
 * within HEAVIEST_CLASSES of the term's heaviest), each left-out pair replaced by
 * the term's other pairs that overlap its characters, to narrow the pages (57000,
 * planned as 57 and 00, is looked up as 57 and 70, which place the term; in a
 * large archive 86100 as 86, 61 and 10, without 00, ten times their weight; 0000,
 * all 00, keeps its gram); and the terms that lost a gram: the
 * pages the lighter plans find hold those terms only if their texts say so. No
 * change when the lighter plans would pass MAX_QUERY_GRAMS.
 */
export function deferHeavyGrams(
  plans: readonly TermPlan[],
  weightOf: GramWeight,
): { plans: TermPlan[]; unproven: string[] } {
  const unproven: string[] = [];
  const lighter = plans.map((plan) => {
    const heaviest = Math.max(...plan.grams.map((gram) => weightOf(gram) ?? -1));
    const deferrable = (gram: string): boolean =>
      (weightOf(gram) ?? -1) >= Math.max(DEFER_WEIGHT, heaviest - HEAVIEST_CLASSES);
    if (gramsProveTerm(plan.term) || isPhrasePlan(plan) || !plan.grams.some(deferrable)) return plan;
    const pairs = pairsByOffset(plan.term);
    const left = new Set(plan.grams.filter(deferrable));
    const kept = new Set(plan.grams.filter((gram) => !left.has(gram)));
    pairs.forEach((pair, offset) => {
      if (!left.has(pair)) return;
      for (const neighbour of [pairs[offset - 1], pairs[offset + 1]])
        if (neighbour !== undefined && !deferrable(neighbour)) kept.add(neighbour);
    });
    const added = [...kept].filter((gram) => !plan.grams.includes(gram)).length;
    // Weights are quarter octaves of SHARD_BYTES (weightClass).
    const saved = [...left].reduce((sum, gram) => sum + 2 ** (weightOf(gram)! / 4), 0);
    if (kept.size === 0 || saved < DEFER_RATIO * Math.max(1, added)) return plan;
    unproven.push(plan.term);
    return { term: plan.term, grams: termGrams(plan.term).filter((gram) => kept.has(gram)) };
  });
  if (new Set(lighter.flatMap((plan) => plan.grams)).size > MAX_QUERY_GRAMS) return { plans: [...plans], unproven: [] };
  return { plans: lighter, unproven };
}

/** Is the term looked up as a phrase of its own (see src/search/shared/phrases.ts)? Its record proves it. */
export const isPhrasePlan = (plan: TermPlan): boolean => plan.grams.length === 1 && plan.grams[0] === plan.term;

/**
 * The terms worth looking up as phrases before their pairs: a term of three to
 * PHRASE_MAX_CHARS characters whose own key is heavy (a frequent phrase's record
 * usually is), or whose pairs in heavy shards weigh DEFER_RATIO times the hash
 * shard a look-up that finds nothing costs.
 */
export function phraseCandidates(plans: readonly TermPlan[], weightOf: GramWeight): string[] {
  return plans
    .filter(({ term, grams }) => {
      const length = [...term].length;
      if (length < 3 || length > PHRASE_MAX_CHARS || grams.includes(term)) return false;
      if (weightOf(term) !== undefined) return true;
      const heavy = grams.reduce((sum, gram) => {
        const weight = weightOf(gram);
        return weight === undefined ? sum : sum + 2 ** (weight / 4);
      }, 0);
      return heavy >= DEFER_RATIO;
    })
    .map(({ term }) => term);
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
export function shardOf(gram: string, layout: ShardLayout): number {
  const heavy = layout.heavy.size === 0 ? undefined : layout.heavy.get(heavyKey(gram, layout.keyBits));
  return heavy === undefined ? gramHash(gram) % layout.hashed : layout.hashed + heavy;
}

/** The shards to fetch for these grams, ascending. */
export function shardsForGrams(grams: readonly string[], layout: ShardLayout): number[] {
  return [...new Set(grams.map((gram) => shardOf(gram, layout)))].sort((a, b) => a - b);
}

/** Where each one- and two-character gram starts in a text (normalised first), in code points, ascending. */
export function gramPositions(text: string): Map<string, number[]> {
  return charGramPositions([...normaliseText(text)]);
}

/** Where each character and pair starts in these characters (a normalised text's). */
function charGramPositions(chars: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  const add = (gram: string, at: number): void => {
    const list = positions.get(gram);
    if (list) list.push(at);
    else positions.set(gram, [at]);
  };
  chars.forEach((ch, i) => {
    add(ch, i);
    const next = chars[i + 1];
    if (next !== undefined) add(`${ch}${next}`, i);
  });
  return positions;
}

/** Is this gram a pair (two code points), whose positions the index keeps? */
const isPair = (gram: string): boolean => [...gram].length === 2;

interface Collected {
  pages: number[];
  levels: number[];
  positions: Uint32Array[];
  title: number[];
  heading: number[];
}

/** Postings of every gram of these pages (page i of `pages` is index i). */
export function collectPostings(pages: readonly IndexedPage[]): Map<string, GramPostings> {
  const collected = new Map<string, Collected>();
  const entry = (gram: string): Collected => {
    let found = collected.get(gram);
    if (!found) {
      found = { pages: [], levels: [], positions: [], title: [], heading: [] };
      collected.set(gram, found);
    }
    return found;
  };
  pages.forEach(({ text, title, headings }, page) => {
    for (const [gram, at] of gramPositions(text)) {
      const found = entry(gram);
      found.pages.push(page);
      found.levels.push(countLevel(at.length));
      if (isPair(gram)) found.positions.push(Uint32Array.from(at));
    }
    for (const gram of gramPositions(title).keys()) entry(gram).title.push(page);
    for (const gram of new Set(headings.flatMap((heading) => [...gramPositions(heading).keys()])))
      entry(gram).heading.push(page);
  });
  return new Map(
    [...collected].map(([gram, c]) => [
      gram,
      {
        pages: Uint32Array.from(c.pages),
        levels: Uint8Array.from(c.levels),
        positions: c.positions,
        title: Uint32Array.from(c.title),
        heading: Uint32Array.from(c.heading),
      },
    ]),
  );
}

/** The header of a shard file. */
interface ShardHeader {
  /** Pages in the index (the universe of its page lists). */
  pages: number;
  grams: number;
  /** Traditional markers after the grams: each a string only. */
  traditional: number;
}

/** Bytes of a value as a varint (as src/search/shared/codec.ts counts them to choose a page list's form). */
const varintBytes = (value: number): number =>
  value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : Math.ceil(Math.log2(value + 1) / 7);

/** Bytes writePostings takes for `count` pages whose gaps take `gapBytes`, below `universe`. */
function postingsBytes(count: number, gapBytes: number, universe: number): number {
  const bitmap = Math.ceil(universe / 8);
  return bitmap < gapBytes ? varintBytes(count * 2 + 1) + bitmap : varintBytes(count * 2) + gapBytes;
}

/** What a gram's entry for one page is about: its text, its title or a section heading. */
const TEXT = 0;
const TITLE = 1;
const HEADING = 2;

/** Per gram, in a row of STATS numbers: the last page of each list, its length and its gaps' bytes; the rest. */
const LAST = [0, 1, 2] as const;
const COUNT = [3, 4, 5] as const;
const GAP_BYTES = [6, 7, 8] as const;
/** Bytes of a pair's positions (counts and gaps) in its record. */
const POSITION_BYTES = 9;
/** The page of the gram's latest entry, and the bytes of its entries so far. */
const LAST_ENTRY = 10;
const STREAM_BYTES = 11;
const STATS = 12;

/**
 * The term index, built a page at a time (in page order) with memory that grows with the index's
 * bytes, not with its postings: each gram keeps its entries as one byte stream (per page: the gap
 * from its previous entry and the list, then for the text a pair's positions, as the record writes
 * them, or a character's level), and a row of counters from which its record's size is known
 * without writing it. finish() then writes the shards one at a time, each gram's stream freed as
 * its record is written, so the records of the whole index are never held at once.
 */
export class TermIndexBuilder {
  readonly #phrases: PhraseFinder;
  readonly #ids = new Map<string, number>();
  readonly #grams: string[] = [];
  #streams: Array<Uint8Array | undefined> = [];
  #stats = new Int32Array(1024 * STATS);
  #pages = 0;

  /** `phrases`: strings of three or more characters indexed whole, like a character (see choosePhrases). */
  constructor(phrases: readonly string[] = []) {
    this.#phrases = new PhraseFinder(phrases);
  }

  /** Every character and pair some page's text holds (the indexed phrases are made of them). */
  textGrams(): string[] {
    return this.#grams.filter((gram, id) => this.#stats[id * STATS + COUNT[TEXT]]! > 0 && [...gram].length <= 2);
  }

  /** The indexed phrases in a text, with how often each occurs. */
  #phrasesIn(text: string, chars = [...normaliseText(text)], pairs = charGramPositions(chars)): Map<string, number> {
    return this.#phrases.count(chars, pairs);
  }

  /**
   * Add the next page (its number is the count of pages added before it). Returns the length of its normalised
   * text, which the display chunks record: normalising is a sixth of the derive's time, so it is done once.
   */
  addPage({ text, title, headings }: IndexedPage): number {
    const page = this.#pages;
    this.#pages += 1;
    const normalised = normaliseText(text);
    const chars = [...normalised];
    const positions = charGramPositions(chars);
    for (const [phrase, count] of this.#phrasesIn(text, chars, positions))
      this.#varint(this.#entry(phrase, page, TEXT), countLevel(count));
    for (const [gram, at] of positions) {
      const id = this.#entry(gram, page, TEXT);
      if (isPair(gram)) {
        const before = this.#stats[id * STATS + STREAM_BYTES]!;
        this.#varint(id, at.length);
        let previous = 0;
        for (const position of at) {
          this.#varint(id, position - previous);
          previous = position;
        }
        this.#add(id * STATS + POSITION_BYTES, this.#stats[id * STATS + STREAM_BYTES]! - before);
      } else this.#varint(id, countLevel(at.length));
    }
    for (const gram of [...gramPositions(title).keys(), ...this.#phrasesIn(title).keys()])
      this.#entry(gram, page, TITLE);
    const inHeadings = headings.flatMap((heading) => [
      ...gramPositions(heading).keys(),
      ...this.#phrasesIn(heading).keys(),
    ]);
    for (const gram of new Set(inHeadings)) this.#entry(gram, page, HEADING);
    return normalised.length;
  }

  /** The gram's id (a new one for a new gram), after writing its entry for `page` in list `list`. */
  #entry(gram: string, page: number, list: 0 | 1 | 2): number {
    let id = this.#ids.get(gram);
    if (id === undefined) {
      id = this.#grams.length;
      this.#ids.set(gram, id);
      this.#grams.push(gram);
      this.#streams.push(undefined);
      if ((id + 1) * STATS > this.#stats.length) {
        const grown = new Int32Array(this.#stats.length * 2);
        grown.set(this.#stats);
        this.#stats = grown;
      }
      const row = id * STATS;
      for (const n of LAST) this.#stats[row + n] = -1;
      this.#stats[row + LAST_ENTRY] = 0;
    }
    const row = id * STATS;
    this.#add(row + GAP_BYTES[list], varintBytes(page - this.#stats[row + LAST[list]]! - 1));
    this.#stats[row + LAST[list]] = page;
    this.#add(row + COUNT[list], 1);
    this.#varint(id, (page - this.#stats[row + LAST_ENTRY]!) * 4 + list);
    this.#stats[row + LAST_ENTRY] = page;
    return id;
  }

  #add(at: number, value: number): void {
    this.#stats[at] = this.#stats[at]! + value;
  }

  /** Append a varint to a gram's stream, growing it as needed. */
  #varint(id: number, value: number): void {
    const row = id * STATS;
    let length = this.#stats[row + STREAM_BYTES]!;
    let stream = this.#streams[id];
    if (!stream || length + 5 > stream.length) {
      const grown = new Uint8Array(Math.max(8, (stream?.length ?? 0) * 2, length + 5));
      if (stream) grown.set(stream.subarray(0, length));
      stream = grown;
      this.#streams[id] = stream;
    }
    let rest = value;
    while (rest >= 0x80) {
      stream[length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    stream[length++] = rest;
    this.#stats[row + STREAM_BYTES] = length;
  }

  /** Bytes of a gram's record (see #writeRecord), from its counters. */
  #recordBytes(id: number, gramBytes: number): number {
    const row = id * STATS;
    const universe = this.#pages;
    const textCount = this.#stats[row + COUNT[TEXT]]!;
    const levels = isPair(this.#grams[id]!) ? this.#stats[row + POSITION_BYTES]! : Math.ceil(textCount / 4);
    return (
      varintBytes(gramBytes) +
      gramBytes +
      postingsBytes(textCount, this.#stats[row + GAP_BYTES[TEXT]]!, universe) +
      levels +
      postingsBytes(this.#stats[row + COUNT[TITLE]]!, this.#stats[row + GAP_BYTES[TITLE]]!, universe) +
      postingsBytes(this.#stats[row + COUNT[HEADING]]!, this.#stats[row + GAP_BYTES[HEADING]]!, universe)
    );
  }

  /**
   * One gram's record in a shard: the gram, its pages, then for a character their
   * levels (two bits each, level − 1), for a pair each page's positions (count,
   * then gaps; the count gives the level), then its title pages and heading pages.
   */
  #writeRecord(writer: ByteWriter, id: number): void {
    const gram = this.#grams[id]!;
    const stream = this.#streams[id] ?? new Uint8Array(0);
    const length = this.#stats[id * STATS + STREAM_BYTES]!;
    let at = 0;
    const next = (): number => {
      let value = 0;
      let scale = 1;
      for (;;) {
        const byte = stream[at]!;
        at += 1;
        value += (byte & 0x7f) * scale;
        if (byte < 0x80) return value;
        scale *= 0x80;
      }
    };
    const lists: [number[], number[], number[]] = [[], [], []];
    const levels: number[] = [];
    // Where each page's positions lie in the stream: kept as the record writes them, so copied as they are.
    const ranges: number[] = [];
    const pair = isPair(gram);
    let page = 0;
    while (at < length) {
      const tag = next();
      page += Math.floor(tag / 4);
      const list = tag % 4;
      lists[list]!.push(page);
      if (list !== TEXT) continue;
      if (!pair) {
        levels.push(next() - 1);
        continue;
      }
      const start = at;
      for (let count = next(); count > 0; count -= 1) next();
      ranges.push(start, at);
    }
    writer.string(gram);
    writePostings(writer, lists[TEXT], this.#pages);
    if (pair) for (let i = 0; i < ranges.length; i += 2) writer.bytes(stream.subarray(ranges[i], ranges[i + 1]));
    else writer.bytes(packTwoBits(levels));
    writePostings(writer, lists[TITLE], this.#pages);
    writePostings(writer, lists[HEADING], this.#pages);
  }

  /**
   * Write the term index as shard files (before gzip), shard 0 first, each passed to `emit` as soon as it is
   * made: hash shards of about SHARD_BYTES each (hashShardCount), then a shard for each heavy key (see HeavyKeys),
   * grams filed by shardOf, in code-point order within a shard so the same pages always give
   * byte-identical files. `traditional` grams are filed the same way, as markers after the grams (a string
   * each). Returns where the grams were filed; the builder is spent.
   */
  finish(traditional: readonly string[], emit: (shard: Uint8Array, n: number) => void): TermLayout {
    const encoder = new TextEncoder();
    const sorted = [...this.#ids.keys()].sort();
    const markers = [...new Set(traditional)].filter((gram) => !this.#ids.has(gram)).sort();
    const sizes = new Map(
      sorted.map((gram) => [gram, this.#recordBytes(this.#ids.get(gram)!, encoder.encode(gram).length)]),
    );
    const heavyGrams = sorted.filter((gram) => sizes.get(gram)! > SHARD_BYTES);
    const bits = heavyKeyBits(heavyGrams.length);
    const keys = [...new Set(heavyGrams.map((gram) => heavyKey(gram, bits)))].sort((a, b) => a - b);
    const isHeavyKey = new Set(keys);
    const keyWeights = new Map<number, number>();
    let total = 0;
    let hashedTotal = 0;
    const count = (gram: string, size: number): void => {
      total += size;
      const key = heavyKey(gram, bits);
      if (isHeavyKey.has(key)) keyWeights.set(key, (keyWeights.get(key) ?? 0) + size);
      else hashedTotal += size;
    };
    for (const [gram, size] of sizes) count(gram, size);
    for (const gram of markers) {
      const bytes = encoder.encode(gram).length;
      count(gram, varintBytes(bytes) + bytes);
    }
    const heavy: HeavyKeys = { bits, keys, weights: keys.map((key) => weightClass(keyWeights.get(key)!)) };
    const layout = shardLayout(hashShardCount(hashedTotal), heavy);
    const filed = Array.from({ length: shardCount(layout) }, () => ({
      grams: [] as number[],
      markers: [] as string[],
    }));
    for (const gram of sorted) filed[shardOf(gram, layout)]!.grams.push(this.#ids.get(gram)!);
    for (const gram of markers) filed[shardOf(gram, layout)]!.markers.push(gram);
    this.#ids.clear();
    let written = 0;
    const payloadBytes: number[] = [];
    filed.forEach(({ grams, markers: marked }, n) => {
      const payload = new ByteWriter();
      for (const id of grams) {
        this.#writeRecord(payload, id);
        this.#streams[id] = undefined;
      }
      for (const gram of marked) payload.string(gram);
      written += payload.length;
      payloadBytes.push(payload.length);
      const header: ShardHeader = { pages: this.#pages, grams: grams.length, traditional: marked.length };
      emit(writeContainer(header, payload.finish()), n);
    });
    // The shard count rests on the size counted before writing: a difference would be a bug here.
    if (written !== total) throw new Error(`term index: records took ${written} bytes, ${total} were counted`);
    return { layout, heavy, payloadBytes };
  }
}

/** Where a finished term index filed its grams. */
export interface TermLayout {
  layout: ShardLayout;
  /** The heavy keys (the facts file lists them). */
  heavy: HeavyKeys;
  /** Each shard's payload bytes (what its records and markers take): the layout was chosen from these. */
  payloadBytes: number[];
}

/** The term index as shard files (before gzip), and where each gram is filed. */
export interface TermShards extends Pick<TermLayout, 'layout' | 'heavy'> {
  shards: Uint8Array[];
}

/**
 * The term index as shard files (before gzip), for pages held in memory; see TermIndexBuilder.
 */
export function buildTermShards(
  pages: readonly IndexedPage[],
  traditional: readonly string[] = [],
  phrases: readonly string[] = [],
): TermShards {
  const builder = new TermIndexBuilder(phrases);
  for (const page of pages) builder.addPage(page);
  const shards: Uint8Array[] = [];
  const { layout, heavy } = builder.finish(traditional, (shard) => shards.push(shard));
  return { shards, layout, heavy };
}

/** The grams of one shard file. */
export function readTermShard(bytes: Uint8Array): Map<string, GramPostings> {
  const { header, payload } = readContainer(bytes);
  const { pages: pageCount, grams, traditional } = header as ShardHeader;
  const shard = new Map<string, GramPostings>();
  for (let i = 0; i < grams; i += 1) shard.set(...readGram(payload, pageCount));
  const none = new Uint32Array(0);
  for (let i = 0; i < traditional; i += 1)
    shard.set(payload.string(), {
      pages: none,
      levels: new Uint8Array(0),
      positions: [],
      title: none,
      heading: none,
      traditional: true,
    });
  return shard;
}

function readGram(reader: ByteReader, pageCount: number): [string, GramPostings] {
  const gram = reader.string();
  const pages = readPostings(reader, pageCount);
  const positions: Uint32Array[] = [];
  let levels: Uint8Array;
  if (isPair(gram)) {
    for (let i = 0; i < pages.length; i += 1) {
      const at = new Uint32Array(reader.varint());
      let previous = 0;
      for (let j = 0; j < at.length; j += 1) {
        previous += reader.varint();
        at[j] = previous;
      }
      positions.push(at);
    }
    levels = Uint8Array.from(positions, (at) => countLevel(at.length));
  } else {
    levels = unpackTwoBits(reader.bytes(Math.ceil(pages.length / 4)), pages.length).map((level) => level + 1);
  }
  const title = readPostings(reader, pageCount);
  const heading = readPostings(reader, pageCount);
  return [gram, { pages, levels, positions, title, heading }];
}

/** One gram's record as #writeRecord writes it, from its postings (see writeTermShard). */
function writeGram(writer: ByteWriter, gram: string, postings: GramPostings, pageCount: number): void {
  writer.string(gram);
  writePostings(writer, postings.pages, pageCount);
  if (isPair(gram)) {
    for (const at of postings.positions) {
      writer.varint(at.length);
      let previous = 0;
      for (const position of at) {
        writer.varint(position - previous);
        previous = position;
      }
    }
  } else writer.bytes(packTwoBits(Array.from(postings.levels, (level) => level - 1)));
  writePostings(writer, postings.title, pageCount);
  writePostings(writer, postings.heading, pageCount);
}

/** Bytes of one gram's record (what it adds to its shard's payload; see TermIndexBuilder.finish). */
export function gramRecordBytes(gram: string, postings: GramPostings, pageCount: number): number {
  const writer = new ByteWriter();
  if (postings.traditional) writer.string(gram);
  else writeGram(writer, gram, postings, pageCount);
  return writer.length;
}

/**
 * A shard file from its grams (as readTermShard reads them, markers included): the bytes
 * TermIndexBuilder.finish writes for the same grams, records then markers, each in code-point order.
 */
export function writeTermShard(shard: ReadonlyMap<string, GramPostings>, pageCount: number): Uint8Array {
  const grams = [...shard.keys()].filter((gram) => shard.get(gram)!.traditional !== true).sort();
  const markers = [...shard.keys()].filter((gram) => shard.get(gram)!.traditional === true).sort();
  const payload = new ByteWriter();
  for (const gram of grams) writeGram(payload, gram, shard.get(gram)!, pageCount);
  for (const gram of markers) payload.string(gram);
  const header: ShardHeader = { pages: pageCount, grams: grams.length, traditional: markers.length };
  return writeContainer(header, payload.finish());
}

/** What one page adds to a gram's record: its level or (a pair) its positions, and whether its title or a heading holds it. */
export interface PageEntry {
  /** The count level in the text (for a pair, of its positions); undefined when the text does not hold the gram. */
  level?: number;
  /** A pair's positions in the normalised text. */
  positions?: Uint32Array;
  title: boolean;
  heading: boolean;
}

/**
 * The entries TermIndexBuilder.addPage writes for a page, by gram, with the same phrases: the incremental
 * derive (src/search/build/patch.ts) compares a changed page's old and new entries to patch only their records.
 */
export function pageEntries({ text, title, headings }: IndexedPage, phrases: PhraseFinder): Map<string, PageEntry> {
  const entries = new Map<string, PageEntry>();
  const entry = (gram: string): PageEntry => {
    let found = entries.get(gram);
    if (found === undefined) {
      found = { title: false, heading: false };
      entries.set(gram, found);
    }
    return found;
  };
  const phrasesIn = (of: string): Map<string, number> => {
    const chars = [...normaliseText(of)];
    return phrases.count(chars, charGramPositions(chars));
  };
  const chars = [...normaliseText(text)];
  const positions = charGramPositions(chars);
  for (const [phrase, count] of phrases.count(chars, positions)) entry(phrase).level = countLevel(count);
  for (const [gram, at] of positions) {
    const found = entry(gram);
    found.level = countLevel(at.length);
    if (isPair(gram)) found.positions = Uint32Array.from(at);
  }
  for (const gram of [...gramPositions(title).keys(), ...phrasesIn(title).keys()]) entry(gram).title = true;
  for (const heading of headings)
    for (const gram of [...gramPositions(heading).keys(), ...phrasesIn(heading).keys()]) entry(gram).heading = true;
  return entries;
}

/** Looks a gram up in the shards loaded (undefined when no page holds it). */
export type GramLookup = (gram: string) => GramPostings | undefined;

/**
 * Does every term's plan look up pairs that cover each of its characters? Then
 * the pages pagesWithTerms finds contain every term; otherwise (a pasted
 * sentence of more than MAX_QUERY_GRAMS pairs) they may hold the looked-up
 * pairs at the right distances around a character that differs, and only a
 * page's text settles it.
 */
export function termsProven(plans: readonly TermPlan[]): boolean {
  return plans.every(({ term, grams }) => {
    if (grams.includes(term)) return true;
    if (gramsProveTerm(term)) return grams.length === termGrams(term).length;
    const looked = pairsByOffset(term).flatMap((pair, offset) => (grams.includes(pair) ? [offset] : []));
    return coversTerm(looked, [...term].length);
  });
}

/** Where a pair occurs on a page (empty when it does not). */
function positionsOn(postings: GramPostings, page: number): Uint32Array {
  let low = 0;
  let high = postings.pages.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = postings.pages[mid]!;
    if (at === page) return postings.positions[mid] ?? new Uint32Array(0);
    if (at < page) low = mid + 1;
    else high = mid - 1;
  }
  return new Uint32Array(0);
}

/**
 * Where the page holds the plan's pairs each at its offset from one common start
 * (where the term starts, when they cover it), ascending; undefined for a term
 * without pairs (one character), whose positions the index does not keep.
 */
export function termStarts(plan: TermPlan, lookup: GramLookup, page: number): number[] | undefined {
  const placed = pairsByOffset(plan.term).flatMap((pair, offset) => {
    const postings = plan.grams.includes(pair) ? lookup(pair) : undefined;
    return postings ? [{ offset, at: positionsOn(postings, page) }] : [];
  });
  const [first, ...rest] = placed;
  if (!first) return undefined;
  const others = rest.map(({ offset, at }) => ({ offset, at: new Set(at) }));
  const starts: number[] = [];
  for (const position of first.at) {
    const start = position - first.offset;
    if (others.every(({ offset, at }) => at.has(start + offset))) starts.push(start);
  }
  return starts;
}

/**
 * Indices of the pages that contain every term (all pages when there are no
 * terms), ascending: those holding every gram looked up, then, for a term of
 * three or more characters, only those where its pairs follow one another.
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
  const long = plans.filter((plan) => !gramsProveTerm(plan.term) && !isPhrasePlan(plan));
  return pages.filter((page) => long.every((plan) => (termStarts(plan, lookup, page) ?? [0]).length > 0));
}
