import type { GramLookup, TermPlan } from './search-terms.ts';

/**
 * Relevance from what the term index knows (src/lib/search-terms.ts), no page
 * read: for each term, TITLE_WEIGHT when the page's title holds it, plus how
 * often its text does (the count level, 1 for once up to 4 for eight times or
 * more). A term of several pairs counts as in the title when all its pairs are,
 * and as often as its rarest pair: bounds that are exact for one and two
 * characters and close enough to rank longer terms. Ties go to the newer page
 * (orderHits, src/lib/search-results.ts).
 *
 * Section headings are left out on purpose: in this archive a heading names a
 * topic (the stories' overview sections are headed by every topic), so a term
 * in a heading said less about a page than how often the page uses it; tried
 * on the quality fixture, it ranked those overviews above the articles a
 * reader wants (tests/e2e/search-quality.test.ts).
 */

/** A title match outweighs the whole range of count levels but one (1–4). */
export const TITLE_WEIGHT = 4;

/** Each page's score for the query (parallel to `pages`). */
export function scorePages(plans: readonly TermPlan[], lookup: GramLookup, pages: readonly number[], pageCount: number): number[] {
  const dense = new Map<string, { levels: Uint8Array; title: Uint8Array }>();
  for (const gram of new Set(plans.flatMap((p) => p.grams))) {
    const levels = new Uint8Array(pageCount);
    const title = new Uint8Array(pageCount);
    const postings = lookup(gram);
    if (postings) {
      postings.pages.forEach((page, i) => {
        levels[page] = postings.levels[i]!;
      });
      for (const page of postings.title) title[page] = 1;
    }
    dense.set(gram, { levels, title });
  }
  return pages.map((page) =>
    plans.reduce((score, { grams }) => {
      if (grams.length === 0) return score;
      const inTitle = grams.every((gram) => dense.get(gram)!.title[page] === 1);
      const level = Math.min(...grams.map((gram) => dense.get(gram)!.levels[page]!));
      return score + (inTitle ? TITLE_WEIGHT : 0) + level;
    }, 0),
  );
}
