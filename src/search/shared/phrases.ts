/**
 * Frequent phrases as grams of their own. A term of three or more characters is
 * found by its pairs and their positions (src/search/shared/terms.ts), and a pair
 * as common as 健康 or 结合 has positions on most pages of a large archive: at
 * 20,000 articles 健康扶贫 fetched 536 KB of pairs to find pages a record of
 * pages and counts says in a few. So the archive's most frequent phrases (by a
 * sample of its pages) are indexed whole, like a character: the pages that hold
 * the phrase, how often, and whether the title or a heading does; no positions.
 * The phrases are chosen from a sample, but each one's record is exact, made
 * from every page: a query that looks one up finds the same pages as its pairs would.
 */

/** A phrase is worth indexing when about this many pages hold it: fewer, and its pairs' records are light. */
export const PHRASE_MIN_PAGES = 1_000;
/** Longest phrase indexed (characters): longer terms are found by their pairs. */
export const PHRASE_MAX_CHARS = 8;
/** At most this many phrases, the most frequent first (about 5 KB gzipped each at 20,000 pages). */
export const PHRASE_LIMIT = 4_096;
/** Pages the phrases are chosen from, at least: see phraseSample. */
export const PHRASE_SAMPLE_PAGES = 1_000;

export interface PhraseOptions {
  minPages?: number;
  maxChars?: number;
  limit?: number;
}

/**
 * The sample the phrases are chosen from: the pages whose key (a 32-bit hash of the page's URL) falls in the
 * lowest 1/scale of the range, for the largest power of two `scale` (pages per sample page) that leaves
 * PHRASE_SAMPLE_PAGES or more. By the URL's hash, not by place or by content, so that an article added changes
 * the sample by that page at most and an article edited not at all, and the phrases (and the shards that hold
 * them) stay as they were; by the hash's top bits, which FNV-1a mixes well (its low bits follow the low bits
 * of the characters alone).
 */
export function phraseSample(keys: readonly number[], size = PHRASE_SAMPLE_PAGES): { pages: number[]; scale: number } {
  let scale = 1;
  while (keys.length / (scale * 2) >= size && scale < 2 ** 16) scale *= 2;
  const pages = keys.flatMap((key, i) => (key < 2 ** 32 / scale ? [i] : []));
  return { pages, scale };
}

/** Is this UTF-16 string cut inside a surrogate pair at either end? */
const cutsPair = (gram: string): boolean => /^[\udc00-\udfff]|[\ud800-\udbff]$/u.test(gram);

/**
 * The strings of 2 to maxLength code units that at least minHolding of the texts
 * hold, with how many texts hold each and how often they occur in all, by length. Level by level, a string is
 * counted only where both of its shorter parts are frequent (and a text's places
 * are kept as flags, not strings), so memory stays with the frequent strings.
 */
function frequentStrings(
  texts: readonly string[],
  minHolding: number,
  maxLength: number,
): Array<Map<string, { holding: number; occurrences: number }>> {
  const frequent: Array<Map<string, { holding: number; occurrences: number }>> = [];
  // Where each text's frequent strings of the previous length start: every character, to begin with.
  let starts = texts.map((text) => new Uint8Array(text.length).fill(1));
  for (let length = 2; length <= maxLength; length += 1) {
    const candidate = (t: number, i: number): boolean => starts[t]![i] === 1 && starts[t]![i + 1] === 1;
    const counts = new Map<string, { holding: number; occurrences: number }>();
    texts.forEach((text, t) => {
      const seen = new Map<string, number>();
      for (let i = 0; i + length <= text.length; i += 1) {
        if (!candidate(t, i)) continue;
        const gram = text.slice(i, i + length);
        seen.set(gram, (seen.get(gram) ?? 0) + 1);
      }
      for (const [gram, n] of seen) {
        if (cutsPair(gram)) continue;
        const count = counts.get(gram) ?? { holding: 0, occurrences: 0 };
        count.holding += 1;
        count.occurrences += n;
        counts.set(gram, count);
      }
    });
    const kept = new Map([...counts].filter(([, count]) => count.holding >= minHolding));
    frequent[length] = kept;
    if (kept.size === 0) break;
    starts = texts.map((text, t) => {
      const next = new Uint8Array(text.length);
      for (let i = 0; i + length <= text.length; i += 1)
        if (candidate(t, i) && kept.has(text.slice(i, i + length))) next[i] = 1;
      return next;
    });
  }
  return frequent;
}

/**
 * The phrases to index, from normalised sample texts, each standing for `scale`
 * pages of an archive of `pageCount`: strings of 3 to maxChars characters that
 * about minPages pages hold or more (sample pages holding × scale), each closed
 * (not always printed as part of one string a character longer, in the sample:
 * 医养结 goes, 医养结合 stays), the most frequent first, at most `limit`. None
 * for an archive of fewer than minPages pages.
 */
export function choosePhrases(
  sample: readonly string[],
  scale: number,
  pageCount: number,
  options: PhraseOptions = {},
): string[] {
  const { minPages = PHRASE_MIN_PAGES, maxChars = PHRASE_MAX_CHARS, limit = PHRASE_LIMIT } = options;
  if (pageCount < minPages || sample.length === 0) return [];
  const minHolding = Math.max(2, Math.ceil(minPages / scale));
  const frequent = frequentStrings(sample, minHolding, maxChars + 1);
  const chosen: Array<[string, number]> = [];
  for (let length = 3; length <= maxChars; length += 1) {
    const level = frequent[length];
    if (!level) break;
    const extended = new Set<string>();
    for (const [gram, { occurrences }] of frequent[length + 1] ?? [])
      for (const part of [gram.slice(1), gram.slice(0, -1)])
        if (level.get(part)?.occurrences === occurrences) extended.add(part);
    // Lengths are in UTF-16 units: a string with a character beyond them may be two characters, a pair.
    for (const [gram, { holding }] of level)
      if (!extended.has(gram) && [...gram].length >= 3) chosen.push([gram, holding]);
  }
  chosen.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  return chosen.slice(0, limit).map(([gram]) => gram);
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  phrase?: string;
}

/** Finds the chosen phrases in a text's characters: a trie walked from each place the phrases' first pair holds. */
export class PhraseFinder {
  readonly #roots = new Map<string, PhraseNode>();
  readonly size: number;

  constructor(phrases: readonly string[]) {
    this.size = phrases.length;
    for (const phrase of phrases) {
      const [first, second, ...rest] = [...phrase];
      const key = `${first}${second}`;
      let node: PhraseNode = this.#roots.get(key) ?? { next: new Map() };
      this.#roots.set(key, node);
      for (const ch of rest) {
        const child: PhraseNode = node.next.get(ch) ?? { next: new Map() };
        node.next.set(ch, child);
        node = child;
      }
      node.phrase = phrase;
    }
  }

  /** How often each phrase occurs in these characters (normalised text), given where each pair starts. */
  count(chars: readonly string[], pairs: ReadonlyMap<string, readonly number[]>): Map<string, number> {
    const found = new Map<string, number>();
    if (this.size === 0) return found;
    for (const [pair, root] of this.#roots) {
      for (const start of pairs.get(pair) ?? []) {
        let node: PhraseNode | undefined = root;
        for (let at = start + 2; node; at += 1) {
          if (node.phrase !== undefined) found.set(node.phrase, (found.get(node.phrase) ?? 0) + 1);
          const ch = chars[at];
          node = ch === undefined ? undefined : node.next.get(ch);
        }
      }
    }
    return found;
  }
}
