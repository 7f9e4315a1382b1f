/** The places articles report on, each with its articles, for the map and its table. */
export interface PlaceRow {
  region: string;
  city: string;
  /** Number of articles. */
  articles: number;
  /** Years reported, ascending, joined: "2020". */
  years: string;
  /** The place's link: its newest article. */
  href: string;
  links: Array<{ slug: string; title: string; year: number; href: string }>;
}

export function articlePlaces(
  articles: ReadonlyArray<{ slug: string; title: string; region: string; city: string; year: number }>,
): PlaceRow[] {
  const rows = new Map<string, PlaceRow>();
  for (const a of articles) {
    const key = `${a.city}\u0000${a.region}`;
    const row = rows.get(key) ?? { region: a.region, city: a.city, articles: 0, years: '', href: '', links: [] };
    row.links.push({ slug: a.slug, title: a.title, year: a.year, href: `/articles/${encodeURIComponent(a.slug)}/` });
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => {
      const links = [...row.links].sort((x, y) => y.year - x.year || x.slug.localeCompare(y.slug));
      const years = [...new Set(links.map((l) => l.year))].sort((x, y) => x - y).join('、');
      return { ...row, links, articles: links.length, years, href: links[0]?.href ?? '' };
    })
    .sort((x, y) => x.city.localeCompare(y.city, 'zh-CN') || x.region.localeCompare(y.region, 'zh-CN'));
}
