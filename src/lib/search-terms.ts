import { normaliseText } from './search-query.ts';

/**
 * The term check: which pages can contain a term, known without reading them.
 * Built from the pages' indexed text, it lists for every one- and two-character
 * gram of that text (normalised as queries are) the pages that hold it. A page
 * can only contain a term if it holds every gram of the term (the character
 * itself for a one-character term, each pair of neighbours otherwise), so the
 * check drops Pagefind's loose matches (医保 on a page with 医 and 保 apart)
 * without fetching those pages. For one- and two-character terms it is exact;
 * a longer term's pairs can occur apart without the whole term (2580 on a page
 * with 25, 58 and 80 in other numbers): the page's text, read when its result
 * is shown, settles those few.
 */

/** Grams, by shard: gram → indices of the pages that hold it, ascending. */
export type TermShard = Record<string, number[]>;

/**
 * Shards the grams are split into (by the first character's code point), so a
 * query fetches only the shards its grams fall in: a few kilobytes, not the
 * whole table. More shards mean smaller fetches but more files.
 */
export const TERM_SHARD_COUNT = 64;

/** The grams a page must hold to contain `term` (already normalised): its pairs, or the character itself. */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return [...grams];
}

/** The shard a gram is filed in. */
export function shardOf(gram: string): number {
  return (gram.codePointAt(0) ?? 0) % TERM_SHARD_COUNT;
}

/** The shards to fetch to check these terms, ascending. */
export function shardsForTerms(terms: readonly string[]): number[] {
  return [...new Set(terms.flatMap(termGrams).map(shardOf))].sort((a, b) => a - b);
}

/** Every gram of each page's text, filed by shard; page i of `texts` is index i in the postings. */
export function buildTermShards(texts: readonly string[]): TermShard[] {
  const postings = new Map<string, number[]>();
  texts.forEach((text, page) => {
    const chars = [...normaliseText(text)];
    const grams = new Set<string>();
    chars.forEach((ch, i) => {
      grams.add(ch);
      const next = chars[i + 1];
      if (next !== undefined) grams.add(`${ch}${next}`);
    });
    for (const gram of grams) {
      const pages = postings.get(gram);
      if (pages) pages.push(page);
      else postings.set(gram, [page]);
    }
  });
  const shards: TermShard[] = Array.from({ length: TERM_SHARD_COUNT }, () => ({}));
  // Sorted keys, so the same texts always give byte-identical files.
  for (const gram of [...postings.keys()].sort()) shards[shardOf(gram)]![gram] = postings.get(gram)!;
  return shards;
}

/**
 * Indices of the pages that hold every gram of every term (all pages when there
 * are no terms), ascending. `shards` must hold every shard shardsForTerms names.
 */
export function pagesWithTerms(terms: readonly string[], shards: ReadonlyMap<number, TermShard>, pageCount: number): number[] {
  let pages = Array.from({ length: pageCount }, (_, i) => i);
  for (const gram of new Set(terms.flatMap(termGrams))) {
    const shard = shards.get(shardOf(gram));
    if (!shard) throw new Error(`term check: shard ${shardOf(gram)} not loaded`);
    const holding = new Set(Object.hasOwn(shard, gram) ? shard[gram] : []);
    pages = pages.filter((page) => holding.has(page));
    if (pages.length === 0) break;
  }
  return pages;
}
