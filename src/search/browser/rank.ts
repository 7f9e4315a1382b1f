import type { GramLookup, TermPlan } from '../shared/terms.ts';

/**
 * Relevance from what the term index knows (src/search/shared/terms.ts), no page
 * read: Okapi BM25 over the query's terms, with the title and section headings
 * as weighted fields (BM25F-style: a title match counts as TITLE_WEIGHT
 * occurrences, a heading match as HEADING_WEIGHT) and the page's text length
 * (facts file) normalising how often the term occurs. A term of several pairs
 * counts as in the title (or a heading) when all the pairs looked up for it
 * (planQuery) are, as often as its rarest such pair, and as held by the pages
 * that hold them all: bounds that are
 * exact for one and two characters and close enough to rank longer terms.
 * Ties go to articles, then to the newer page (orderHits, src/search/browser/results.ts).
 */

/** Term saturation: the fifth occurrence adds far less than the first. */
export const K1 = 1.2;
/** How much a long page's occurrences are discounted (0: not at all, 1: in full proportion). */
export const B = 0.75;
/** A title match counts as this many occurrences in the text. */
export const TITLE_WEIGHT = 4;
/**
 * A heading match counts for half a title's: a heading names one section, and
 * the overview stories head a section for each topic they compare.
 */
export const HEADING_WEIGHT = 2;
/** Occurrences a count level stands for (levels 1–4: once, 2–3, 4–7, 8 or more). */
const LEVEL_OCCURRENCES = [0, 1, 2.5, 5.5, 11];

/** Each page's score for the query (parallel to `pages`); `lengths` holds every page's text length, by page number. */
export function scorePages(
  plans: readonly TermPlan[],
  lookup: GramLookup,
  pages: readonly number[],
  lengths: readonly number[],
): number[] {
  const pageCount = lengths.length;
  const averageLength = Math.max(1, lengths.reduce((a, b) => a + b, 0) / Math.max(1, pageCount));
  const dense = new Map<string, { levels: Uint8Array; title: Uint8Array; heading: Uint8Array }>();
  for (const gram of new Set(plans.flatMap((p) => p.grams))) {
    const levels = new Uint8Array(pageCount);
    const title = new Uint8Array(pageCount);
    const heading = new Uint8Array(pageCount);
    const postings = lookup(gram);
    if (postings) {
      postings.pages.forEach((page, i) => {
        levels[page] = postings.levels[i]!;
      });
      for (const page of postings.title) title[page] = 1;
      for (const page of postings.heading) heading[page] = 1;
    }
    dense.set(gram, { levels, title, heading });
  }
  const terms = plans
    .filter((plan) => plan.grams.length > 0)
    .map((plan) => {
      const fields = plan.grams.map((gram) => dense.get(gram)!);
      let holding = 0;
      for (let page = 0; page < pageCount; page += 1) if (fields.every((f) => f.levels[page]! > 0)) holding += 1;
      const idf = Math.log(1 + (pageCount - holding + 0.5) / (holding + 0.5));
      return { fields, idf };
    });
  return pages.map((page) => {
    const norm = K1 * (1 - B + (B * (lengths[page] ?? averageLength)) / averageLength);
    return terms.reduce((score, { fields, idf }) => {
      const level = Math.min(...fields.map((f) => f.levels[page]!));
      const inTitle = fields.every((f) => f.title[page] === 1);
      const inHeading = fields.every((f) => f.heading[page] === 1);
      const occurrences = LEVEL_OCCURRENCES[level]! + (inTitle ? TITLE_WEIGHT : 0) + (inHeading ? HEADING_WEIGHT : 0);
      return score + (idf * occurrences * (K1 + 1)) / (occurrences + norm);
    }, 0);
  });
}
