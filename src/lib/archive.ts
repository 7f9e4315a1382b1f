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
 * Articles that share a topic or a place with this one, best first: each shared
 * topic counts 2, the same region 3, the same city 1 (a reader in 济南 wants the
 * other 济南 story too, but less than one about the same county or subject).
 */
/**
 * Up to `limit` articles most like this one: two points per shared topic, three for the same county (one for the
 * same city only); ties in archive order. The score depends only on an article's topics, county and city, so the
 * answer is worked out once per such profile, over profiles rather than articles: comparing every article with
 * every other was quadratic (1.4 CPU-s at 1,000 articles, about 35 at 5,000 and 560 at 20,000).
 */
export function relatedIn<T extends ArticleLike>(archive: ArchiveIndex<T>, id: string, limit = 3): T[] {
  const index = archive.position.get(id);
  const self = index === undefined ? undefined : archive.ordered[index];
  if (!self) return [];
  const table = relatedTable(archive);
  const profile = table.profileOf.get(id);
  if (profile === undefined) return [];
  return table
    .candidates(profile, limit + 1)
    .filter((entry) => entry.id !== id)
    .slice(0, limit);
}

/** Articles grouped by what the related score reads, and each profile's best candidates, worked out on demand. */
interface RelatedTable<T extends ArticleLike> {
  profileOf: ReadonlyMap<string, RelatedProfile<T>>;
  candidates(profile: RelatedProfile<T>, count: number): T[];
}

interface RelatedProfile<T extends ArticleLike> {
  topics: ReadonlySet<string>;
  region: string | undefined;
  city: string | undefined;
  /** Its articles in archive order (only the first few are ever read). */
  entries: T[];
  best: Map<number, T[]>;
}

const relatedTables = new WeakMap<object, RelatedTable<ArticleLike>>();

function relatedTable<T extends ArticleLike>(archive: ArchiveIndex<T>): RelatedTable<T> {
  const known = relatedTables.get(archive) as RelatedTable<T> | undefined;
  if (known) return known;
  const byKey = new Map<string, RelatedProfile<T>>();
  const profileOf = new Map<string, RelatedProfile<T>>();
  for (const entry of archive.ordered) {
    const topics = archive.topics.get(entry.id) ?? new Set<string>();
    const key = JSON.stringify([[...topics].sort(), entry.data.region, entry.data.city]);
    let profile = byKey.get(key);
    if (!profile) {
      profile = { topics, region: entry.data.region, city: entry.data.city, entries: [], best: new Map() };
      byKey.set(key, profile);
    }
    profile.entries.push(entry);
    profileOf.set(entry.id, profile);
  }
  const profiles = [...byKey.values()];
  const score = (a: RelatedProfile<T>, b: RelatedProfile<T>): number => {
    let shared = 0;
    for (const t of b.topics) if (a.topics.has(t)) shared += 1;
    const sameCity = a.city === b.city;
    return shared * 2 + (sameCity && a.region === b.region ? 3 : sameCity ? 1 : 0);
  };
  const table: RelatedTable<T> = {
    profileOf,
    candidates(profile, count) {
      const cached = profile.best.get(count);
      if (cached) return cached;
      // Within a profile every article scores the same, so its first `count` in archive order are the only candidates.
      const scored = profiles.flatMap((other) => {
        const s = score(profile, other);
        return s > 0 ? other.entries.slice(0, count).map((entry) => ({ entry, score: s })) : [];
      });
      const best = scored
        .sort(
          (a, b) =>
            b.score - a.score || (archive.position.get(a.entry.id) ?? 0) - (archive.position.get(b.entry.id) ?? 0),
        )
        .slice(0, count)
        .map((s) => s.entry);
      profile.best.set(count, best);
      return best;
    },
  };
  relatedTables.set(archive, table);
  return table;
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
