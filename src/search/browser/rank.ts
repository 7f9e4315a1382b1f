import type { GramLookup, TermPlan } from '../shared/terms.ts';

/**
 * Relevance from what the term index knows (src/search/shared/terms.ts), no page
 * read: for each term, TITLE_WEIGHT when the page's title holds it, else
 * HEADING_WEIGHT when one of its section headings does, plus how often its
 * text does (the count level, 1 for once up to 4 for eight times or more). A
 * term of several pairs counts as in the title (or a heading) when all its
 * pairs are, and as often as its rarest pair: bounds that are exact for one and
 * two characters and close enough to rank longer terms. Ties go to the newer
 * page (orderHits, src/search/browser/results.ts).
 */

/** A title match outweighs the whole range of count levels but one (1–4). */
export const TITLE_WEIGHT = 4;
/**
 * A heading match is worth half a title's: a heading names one section, and
 * the overview stories head a section for each topic they compare, so a
 * heading alone must not lift a page past one that is about the term throughout.
 */
export const HEADING_WEIGHT = 2;

/** Each page's score for the query (parallel to `pages`). */
export function scorePages(
  plans: readonly TermPlan[],
  lookup: GramLookup,
  pages: readonly number[],
  pageCount: number,
): number[] {
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
  return pages.map((page) =>
    plans.reduce((score, { grams }) => {
      if (grams.length === 0) return score;
      const inTitle = grams.every((gram) => dense.get(gram)!.title[page] === 1);
      const inHeading = grams.every((gram) => dense.get(gram)!.heading[page] === 1);
      const level = Math.min(...grams.map((gram) => dense.get(gram)!.levels[page]!));
      return score + (inTitle ? TITLE_WEIGHT : inHeading ? HEADING_WEIGHT : 0) + level;
    }, 0),
  );
}
