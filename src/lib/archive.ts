import type { Article } from '../schemas/article.ts';
import type { Metric } from '../schemas/metric.ts';
import { findPlace, isTopic, listPlaces, topicMentions, type Place, type Taxonomy, type Topic } from './taxonomy.ts';

/** What the archive needs of an entry: a collection entry or a test fixture. */
export interface ArticleLike {
  id: string;
  data: Article;
  body?: string | undefined;
}

// One collator for every comparison: String#localeCompare with a locale builds one per call, which
// made sorting thousands of titles (once per article page) the slowest part of a large build.
const zh = new Intl.Collator('zh-CN');
const root = new Intl.Collator();

/** Newest year first, then title: the archive's reading order (same rule as sortArticles). */
export function archiveOrder<T extends ArticleLike>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => b.data.year - a.data.year || zh.compare(a.data.title, b.data.title) || root.compare(a.id, b.id),
  );
}

/** The taxonomy place an article is about (its region, or its city for a city-wide article). */
export function placeOf(taxonomy: Taxonomy, data: Pick<Article, 'region' | 'city'>): Place | undefined {
  const places = listPlaces(taxonomy);
  return findPlace(places, data.region, data.city) ?? findPlace(places, data.region);
}

export interface PlaceGroup<T> {
  place: Place;
  entries: T[];
}

/** Places that have articles, in taxonomy order (city by city), each with its articles in archive order. */
export function groupByPlace<T extends ArticleLike>(taxonomy: Taxonomy, entries: readonly T[]): PlaceGroup<T>[] {
  // Each article's place is looked up once (not once per place of the taxonomy).
  const byPlace = new Map<string, T[]>();
  for (const entry of archiveOrder(entries)) {
    const pinyin = placeOf(taxonomy, entry.data)?.pinyin;
    if (pinyin !== undefined) byPlace.set(pinyin, [...(byPlace.get(pinyin) ?? []), entry]);
  }
  return listPlaces(taxonomy).flatMap((place) => {
    const placed = byPlace.get(place.pinyin);
    return placed ? [{ place, entries: placed }] : [];
  });
}

export interface YearGroup<T> {
  year: number;
  entries: T[];
}

/** Years that have articles, newest first. */
export function groupByYear<T extends ArticleLike>(entries: readonly T[]): YearGroup<T>[] {
  const ordered = archiveOrder(entries);
  const years = [...new Set(ordered.map((e) => e.data.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, entries: ordered.filter((e) => e.data.year === year) }));
}

export interface TopicGroup<T> {
  topic: Topic;
  entries: T[];
  /** The figures filed under the topic, per article, in archive order. */
  metrics: Array<{ entry: T; metric: Metric }>;
}

/**
 * An article is about a topic when the topic holds at least two of its figures and either a
 * twelfth of them or five (or half of a short article's): one passing mention (a 计生 figure in a hospital report) does not
 * file the article there (issue 15: 计划生育 matched 6 of 6 articles).
 */
export function isAbout(figuresInTopic: number, figuresInArticle: number): boolean {
  // A short article (a handful of figures) is about each topic it has figures under.
  if (figuresInTopic * 2 >= figuresInArticle) return figuresInTopic > 0;
  return figuresInTopic >= 2 && (figuresInTopic * 12 >= figuresInArticle || figuresInTopic >= 5);
}

/**
 * Topic ids or names (as the metrics give them) the article is about: by its figures (isAbout), or, given the
 * taxonomy's topics, by a section heading that names the topic (医养结合 打通服务“最后一公里”): a section on a
 * topic makes the article about it however few of its figures are. Measured against hand judgement of the six
 * seed articles (scripts/support/data/topic-articles-truth.json, npm run measure:topics).
 */
export function topicsOf(
  data: Pick<Article, 'metrics'> & Partial<Pick<Article, 'sections'>>,
  topics?: readonly Topic[],
): ReadonlySet<string> {
  // Several pages group the whole archive by topic; matching every heading against every topic again for each
  // of them was the slowest step of a large build (1,000 articles: 34 of 105 CPU-s in the profile). Entries' data are not
  // changed during a build, so the answer is kept per data object and topic list.
  const byTopics = topicsMemo.get(data) ?? new Map<readonly Topic[] | undefined, ReadonlySet<string>>();
  topicsMemo.set(data, byTopics);
  const known = byTopics.get(topics);
  if (known) return known;
  const about = computeTopics(data, topics);
  byTopics.set(topics, about);
  return about;
}

const topicsMemo = new WeakMap<object, Map<readonly Topic[] | undefined, ReadonlySet<string>>>();

function computeTopics(
  data: Pick<Article, 'metrics'> & Partial<Pick<Article, 'sections'>>,
  topics?: readonly Topic[],
): Set<string> {
  const counts = new Map<string, number>();
  for (const m of data.metrics) counts.set(m.topic, (counts.get(m.topic) ?? 0) + 1);
  const about = new Set([...counts].filter(([, n]) => isAbout(n, data.metrics.length)).map(([topic]) => topic));
  if (topics === undefined) return about;
  for (const heading of data.sections ?? [])
    for (const topic of topicMentions(topics, heading).keys())
      if (![...about].some((t) => isTopic(topic, t))) about.add(topic.name);
  return about;
}

/** Topics that have at least one article's figure, in taxonomy order; topics without articles get no page. */
export function groupByTopic<T extends ArticleLike>(taxonomy: Taxonomy, entries: readonly T[]): TopicGroup<T>[] {
  const ordered = archiveOrder(entries);
  const about = ordered.map((entry) => ({ entry, topics: [...topicsOf(entry.data, taxonomy.topics)] }));
  return taxonomy.topics
    .map((topic) => {
      const inTopic = about.filter((a) => a.topics.some((t) => isTopic(topic, t))).map((a) => a.entry);
      return {
        topic,
        entries: inTopic,
        metrics: inTopic.flatMap((entry) =>
          entry.data.metrics.filter((m) => isTopic(topic, m.topic)).map((metric) => ({ entry, metric })),
        ),
      };
    })
    .filter((group) => group.entries.length > 0);
}

export interface Neighbours<T> {
  /** The article before this one in archive order (newer, or same year earlier in the list). */
  newer?: T;
  /** The article after this one in archive order. */
  older?: T;
}

/**
 * The archive in reading order, with each article's position and topics: what every article page
 * needs for its neighbours and related articles, computed once per build rather than once per page.
 */
export interface ArchiveIndex<T extends ArticleLike> {
  ordered: readonly T[];
  position: ReadonlyMap<string, number>;
  topics: ReadonlyMap<string, ReadonlySet<string>>;
}

export function indexArchive<T extends ArticleLike>(entries: readonly T[], topics?: readonly Topic[]): ArchiveIndex<T> {
  const ordered = archiveOrder(entries);
  return {
    ordered,
    position: new Map(ordered.map((e, i) => [e.id, i])),
    topics: new Map(ordered.map((e) => [e.id, topicsOf(e.data, topics)])),
  };
}

export function neighboursIn<T extends ArticleLike>(archive: ArchiveIndex<T>, id: string): Neighbours<T> {
  const index = archive.position.get(id);
  if (index === undefined) return {};
  const result: Neighbours<T> = {};
  const newer = archive.ordered[index - 1];
  const older = archive.ordered[index + 1];
  if (newer) result.newer = newer;
  if (older) result.older = older;
  return result;
}

export function neighbours<T extends ArticleLike>(entries: readonly T[], id: string): Neighbours<T> {
  return neighboursIn(indexArchive(entries), id);
}

/**
 * Up to `limit` articles that share a topic or a place with this one, best first: each shared topic counts 2, the
 * same county 3, the same city only 1 (a reader in 济南 wants the other 济南 story too, but less than one about the
 * same county or subject); ties in archive order.
 *
 * Comparing every article with every other was quadratic (1.4 CPU-s at 1,000 articles in the build's profile, and
 * 6.7 s for 5,000 random ones against 0.8 s now). Articles are grouped instead by their set of topics: within a group
 * every article scores the same but for the place, so only the first few of the group, of its city and of its county
 * can be among the best; groups are visited by topics shared, most first, until none left can reach the best.
 */
export function relatedIn<T extends ArticleLike>(archive: ArchiveIndex<T>, id: string, limit = 3): T[] {
  const table = relatedTable(archive, limit + 1);
  const self = table.articles.get(id);
  if (!self) return [];
  // Articles of one topic set and place get one answer, one longer than asked: it may hold the article itself.
  const key = `${self.mask}|${self.place}|${limit}`;
  let best = table.answers.get(key);
  if (!best) table.answers.set(key, (best = bestFor(table, self, limit + 1)));
  return best.filter((entry) => entry.id !== id).slice(0, limit);
}

interface RelatedArticle {
  /** One bit per topic. */
  mask: number;
  city: string;
  /** City and county (a city-wide article's county is none). */
  place: string;
}

/** An article with its place in archive order. */
interface Placed<T> {
  entry: T;
  position: number;
}

/** The first articles, in archive order, of a set of topics, of its part in each city and in each county. */
interface TopicSetGroup<T> {
  mask: number;
  first: Placed<T>[];
  byCity: Map<string, Placed<T>[]>;
  byPlace: Map<string, Placed<T>[]>;
}

interface RelatedTable<T extends ArticleLike> {
  articles: Map<string, RelatedArticle>;
  groups: TopicSetGroup<T>[];
  /** How many first articles each list keeps: at least as many as an answer needs. */
  kept: number;
  answers: Map<string, T[]>;
}

const relatedTables = new WeakMap<object, RelatedTable<ArticleLike>>();

function relatedTable<T extends ArticleLike>(archive: ArchiveIndex<T>, needed: number): RelatedTable<T> {
  const known = relatedTables.get(archive) as RelatedTable<T> | undefined;
  if (known && known.kept >= needed) return known;
  const kept = Math.max(needed, 4);
  const bits = new Map<string, number>();
  const articles = new Map<string, RelatedArticle>();
  const groups = new Map<number, TopicSetGroup<T>>();
  const keep = (list: Placed<T>[] | undefined, placed: Placed<T>): Placed<T>[] => {
    const first = list ?? [];
    if (first.length < kept) first.push(placed);
    return first;
  };
  archive.ordered.forEach((entry, position) => {
    let mask = 0;
    for (const topic of archive.topics.get(entry.id) ?? []) {
      if (!bits.has(topic)) bits.set(topic, bits.size);
      mask += 2 ** (bits.get(topic) ?? 0);
    }
    const city = JSON.stringify(entry.data.city ?? null);
    const place = `${city}|${JSON.stringify(entry.data.region ?? null)}`;
    articles.set(entry.id, { mask, city, place });
    const group: TopicSetGroup<T> = groups.get(mask) ?? {
      mask,
      first: [],
      byCity: new Map<string, Placed<T>[]>(),
      byPlace: new Map<string, Placed<T>[]>(),
    };
    groups.set(mask, group);
    const placed = { entry, position };
    keep(group.first, placed);
    group.byCity.set(city, keep(group.byCity.get(city), placed));
    group.byPlace.set(place, keep(group.byPlace.get(place), placed));
  });
  const table: RelatedTable<T> = { articles, groups: [...groups.values()], kept, answers: new Map() };
  relatedTables.set(archive, table);
  return table;
}

/** Topics two masks share: bit operations for the taxonomy's topics (up to 31), arithmetic past that. */
function sharedTopics(a: number, b: number): number {
  if (a < 2 ** 31 && b < 2 ** 31) {
    let x = a & b;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  let shared = 0;
  for (let x = a, y = b; x > 0 && y > 0; x = Math.floor(x / 2), y = Math.floor(y / 2)) shared += (x % 2) * (y % 2);
  return shared;
}

/** The `count` best articles for an article of these topics and place (itself among them), in one pass over the groups. */
function bestFor<T extends ArticleLike>(table: RelatedTable<T>, self: RelatedArticle, count: number): T[] {
  const top: Array<Placed<T> & { score: number }> = [];
  const worse = (score: number, position: number, than: { score: number; position: number }): boolean =>
    score < than.score || (score === than.score && position > than.position);
  const offer = (list: readonly Placed<T>[] | undefined, score: number): void => {
    if (score <= 0 || !list) return;
    for (const placed of list) {
      const last = top[count - 1];
      // The list is in archive order at one score: once one is not among the best, none after it is.
      if (last && worse(score, placed.position, last)) return;
      const had = top.findIndex((t) => t.entry === placed.entry);
      if (had !== -1) {
        if ((top[had]?.score ?? 0) >= score) continue;
        top.splice(had, 1);
      }
      const at = top.findIndex((t) => worse(t.score, t.position, { score, position: placed.position }));
      top.splice(at === -1 ? top.length : at, 0, { ...placed, score });
      top.length = Math.min(top.length, count);
    }
  };
  // Groups by topics shared, most first: once even the same county could not lift a group to the best, none after can.
  const byShared: TopicSetGroup<T>[][] = [];
  for (const group of table.groups) (byShared[sharedTopics(self.mask, group.mask)] ??= []).push(group);
  for (let shared = byShared.length - 1; shared >= 0; shared--) {
    const topics = 2 * shared;
    for (const group of byShared[shared] ?? []) {
      const last = top[count - 1];
      if (last && topics + 3 < last.score) return top.map((t) => t.entry);
      offer(group.byPlace.get(self.place), topics + 3);
      offer(group.byCity.get(self.city), topics + 1);
      offer(group.first, topics);
    }
  }
  return top.map((t) => t.entry);
}

export function relatedArticles<T extends ArticleLike>(entries: readonly T[], id: string, limit = 3): T[] {
  return relatedIn(indexArchive(entries), id, limit);
}

/** URL helpers for the archive pages. */
export const archiveUrls = {
  index: '/archive/',
  regions: '/regions/',
  years: '/years/',
  topics: '/topics/',
  region: (pinyin: string) => `/regions/${pinyin}/`,
  year: (year: number) => `/years/${year}/`,
  topic: (id: string) => `/topics/${id}/`,
};
