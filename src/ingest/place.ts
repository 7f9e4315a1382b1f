import { YEAR_RANGE_TEXT, YEARS } from '../schemas/article.ts';
import type { Place } from '../lib/taxonomy.ts';
import { IngestError } from './errors.ts';
import type { ParsedArticle } from './parse.ts';

function countOf(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

/** Headline text weighs more than body text when deciding what an article is about. */
function weightedTexts(article: ParsedArticle): Array<{ text: string; weight: number }> {
  return [
    { text: [article.title, article.subtitle ?? '', ...article.standfirst].join('\n'), weight: 5 },
    { text: article.blocks.map((b) => b.text).join('\n'), weight: 1 },
  ];
}

/**
 * The place an article is about: the taxonomy place named most often,
 * headline mentions counting five times. Each mention counts once, for its
 * longest name ("巨野县" is not also a mention of a place called "巨野").
 * A county-level region wins a tie with its city.
 */
export function detectPlace(article: ParsedArticle, places: readonly Place[], file: string): Place {
  const scores = new Map<Place, number>();
  for (const { text, weight } of weightedTexts(article)) {
    let rest = text;
    const names = places
      .flatMap((place) => place.names.map((name) => ({ place, name })))
      .sort((a, b) => b.name.length - a.name.length);
    for (const { place, name } of names) {
      const n = countOf(rest, name);
      if (n === 0) continue;
      scores.set(place, (scores.get(place) ?? 0) + n * weight);
      rest = rest.split(name).join('\u0000');
    }
  }
  const ranked = [...scores].sort(
    (a, b) => b[1] - a[1] || (a[0].level === 'region' ? -1 : 1) - (b[0].level === 'region' ? -1 : 1),
  );
  const best = ranked[0];
  if (!best) {
    throw new IngestError({
      file,
      line: article.lines[0],
      field: 'region',
      message: 'no known region or city is named in the text',
      fix: 'add the region to content/taxonomy.yaml (under its city), then run ingest again',
    });
  }
  return best[0];
}

/**
 * The year an article reports on: the year named most often, headline
 * mentions counting five times; targets ("到2025年", "2025年前") and
 * spans' starts ("2016年以来") don't count. A tie goes to the later year.
 */
export function detectYear(article: ParsedArticle, file: string): number {
  const counts = new Map<number, number>();
  for (const { text, weight } of weightedTexts(article)) {
    for (const match of text.matchAll(/(到|至|于)?((?:19|20)\d{2})\s*年(以来|前|起)?/gu)) {
      if (match[1] === '到' || match[3]) continue;
      const year = Number(match[2]);
      // A year outside the archive's range is a target or a slip, never the year reported on.
      if (year < YEARS.first || year > YEARS.last) continue;
      counts.set(year, (counts.get(year) ?? 0) + weight);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (!best) {
    throw new IngestError({
      file,
      line: article.lines[0],
      field: 'year',
      message: `the text names no year from ${YEAR_RANGE_TEXT} (such as 2020年)`,
      fix: 'add the year the article reports on to its frontmatter by hand (write the entry in content/articles/)',
    });
  }
  return best[0];
}
