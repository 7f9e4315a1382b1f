import { referencesInMdx } from '../figures/metric-index.ts';

interface SourceArticle {
  slug: string;
  title: string;
  region: string;
  year: number;
}

/**
 * The articles a story's figures come from, in the order the story first cites them (the hero
 * first); a story with a map or a timeline cites every article it draws on through those.
 */
export function storySources<T extends SourceArticle>(
  body: string,
  hero: string | undefined,
  articles: readonly T[],
): T[] {
  const refs = [...(hero ? [hero] : []), ...referencesInMdx(body)];
  const slugs = [...new Set(refs.map((r) => r.split('/')[0] ?? ''))];
  const cited = slugs.map((s) => articles.find((a) => a.slug === s)).filter((a): a is T => a !== undefined);
  if (/<(?:Timeline|RegionMap)\b/u.test(body)) {
    for (const a of [...articles].sort((x, y) => x.year - y.year || x.slug.localeCompare(y.slug)))
      if (!cited.includes(a)) cited.push(a);
  }
  return cited;
}

/** The index order: `order` when given (lower first), then newest first, then by id. */
export function sortStories<T extends { id: string; data: { date: Date; order?: number | undefined } }>(
  stories: readonly T[],
): T[] {
  return [...stories].sort(
    (a, b) =>
      (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
      b.data.date.getTime() - a.data.date.getTime() ||
      a.id.localeCompare(b.id),
  );
}
