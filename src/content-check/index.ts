import { basename } from 'node:path/posix';
import { bodyBlocks, type TextBlock } from '../lib/body-text.ts';
import { articleSchema, type Article } from '../schemas/article.ts';
import { eventSchema, type ArticleEvent } from '../schemas/event.ts';
import { metricSchema, type Metric } from '../schemas/metric.ts';
import type { Taxonomy } from '../schemas/taxonomy.ts';
import { checkBodySync } from './body-sync.ts';
import { checkEvents } from './event-checks.ts';
import { checkEntryFileNames } from './files.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkLink } from './links.ts';
import { headingIds, jsxElements, parseMdx, walk, lineOfNode, type MdNode } from './mdx.ts';
import { checkLabels } from './metric-labels.ts';
import { checkMetrics } from './metric-quotes.ts';
import { checkMdxPolicy, checkUrl, type EntryKind } from './mdx-policy.ts';
import { checkSeedSources, seedOf } from './seed-sources.ts';
import { problem, sortProblems, type ContentProblem } from './problem.ts';
import { CHART_COMPONENTS, checkChartElement, type MetricIndex } from './references.ts';
import { emptySiteMap, type SiteMap } from './site-map.ts';
import { checkDuplicateSlugs, entrySlug, type SlugClaim } from './slugs.ts';
import { fieldName, parseSource, type SourceFile } from './source.ts';
import { storySchema } from '../schemas/story.ts';
import { checkTaxonomyFile } from './taxonomy-file.ts';
import { checkRegion, checkTopic, indexTaxonomy, type FieldProblem, type TaxonomyIndex } from './taxonomy-refs.ts';

export { formatProblem, isError, sortProblems, type ContentProblem } from './problem.ts';

/** A text file of the project: repo-relative path with forward slashes, and its text. */
export interface TextFile {
  path: string;
  text: string;
}

/** Everything the check reads, gathered by the caller (the CLI or the build hook). */
export interface ContentFiles {
  taxonomy: TextFile;
  articles: readonly TextFile[];
  stories: readonly TextFile[];
  /** File names under seeds/. */
  seeds: readonly string[];
  /** SHA-256 of each seed's bytes, by file name: lets the check name the new name of a renamed seed. */
  seedHashes?: ReadonlyMap<string, string>;
  /** URL paths of files in public/ (/favicon.svg). */
  publicFiles: readonly string[];
  /** Every other file found in the entry folders (not *.mdx, or in a subfolder), to warn that the site skips them. */
  strayFiles?: readonly string[];
}

export const ARTICLES_DIR = 'content/articles';
export const STORIES_DIR = 'content/stories';

type Kind = EntryKind;

/**
 * What the checks across files need of one entry, gathered by the per-file checks: small and plain
 * data, so a build can keep it with the entry's own problems and check only the entries that changed.
 */
export interface EntrySummary {
  kind: Kind;
  path: string;
  slug: string;
  /** Line of the slug: field, or 1 when the slug comes from the file name. */
  slugLine: number;
  slugFromField: boolean;
  /** An article whose frontmatter passed the schema (its page and anchors exist). */
  valid: boolean;
  /** Ids of the metrics that are valid on their own. */
  metricIds: string[];
  /** Metric ids and heading ids: the anchors of the entry's page. */
  anchors: string[];
  /** Frontmatter fields as written, when they have the type the site map reads. */
  year: number | undefined;
  region: string | undefined;
  city: string | undefined;
  /** Each metric's topic as written (id or name). */
  metricTopics: string[];
  /** The seed an article names in source:, and the line of source.file. */
  seed: { file: string; sha256: unknown; line: number } | undefined;
  /** Links in the body the MDX policy allows, with their lines (none when the body does not compile). */
  links: Array<{ url: string; line: number }>;
  /** Chart components in the body, with their attributes as written. */
  charts: Array<{ name: string; line: number; attributes: Array<[string, { text: string } | { expression: string }]> }>;
}

/** One entry's own problems and its summary for the checks across files. */
export interface CheckedEntry {
  problems: ContentProblem[];
  summary: EntrySummary;
}

/** Where a caller keeps per-file results across runs; `lookup` answers only for the same kind, path, text and taxonomy. */
export interface EntryCache {
  lookup(kind: Kind, file: TextFile): CheckedEntry | undefined;
  store(kind: Kind, file: TextFile, checked: CheckedEntry): void;
}

function placed(source: SourceFile, found: readonly FieldProblem[]): ContentProblem[] {
  return found.map((p) =>
    problem({
      file: source.path,
      line: source.lineOf(p.path),
      field: fieldName(p.path) || 'frontmatter',
      message: p.message,
      fix: p.fix,
    }),
  );
}

/** A field of frontmatter that may not have passed the schema. */
function rawAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

/**
 * Per-file checks: frontmatter, taxonomy, MDX, metrics, body/frontmatter
 * agreement. The later checks read fields that are valid on their own, so one
 * wrong field does not hide mistakes in the others.
 */
export function checkEntry(kind: Kind, file: TextFile, taxonomy: TaxonomyIndex | undefined): CheckedEntry {
  const { source, problems } = parseSource(file.path, file.text);
  const slug = entrySlug(basename(file.path), source.data);
  const { tree, problems: mdxProblems } = parseMdx(source);
  problems.push(...mdxProblems);
  if (tree)
    problems.push(
      ...checkMdxPolicy(tree, kind, source.bodyLine).map((found) => problem({ file: source.path, ...found })),
    );
  const blocks: TextBlock[] = bodyBlocks(source.body);
  const data = source.data;
  const checked =
    kind === 'article'
      ? checkFrontmatter(source, articleSchema, 'article')
      : checkFrontmatter(source, storySchema, 'story');
  problems.push(...checked.problems);
  const article = kind === 'article' ? (checked.data as Article | undefined) : undefined;
  const found: FieldProblem[] = [];

  const region = rawAt(data, ['region']);
  const city = rawAt(data, ['city']);
  if (taxonomy && typeof region === 'string')
    found.push(...checkRegion(taxonomy, region, kind === 'article' && typeof city === 'string' ? city : undefined));
  const rawMetrics = rawAt(data, ['metrics']);
  const metrics: Array<Metric | undefined> = Array.isArray(rawMetrics)
    ? rawMetrics.map((m: unknown) => metricSchema.safeParse(m).data)
    : [];
  const rawEvents = rawAt(data, ['events']);
  const events: Array<ArticleEvent | undefined> = Array.isArray(rawEvents)
    ? rawEvents.map((e: unknown) => eventSchema.safeParse(e).data)
    : [];
  if (taxonomy) {
    metrics.forEach((_, i) => {
      const topic = rawAt(data, ['metrics', i, 'topic']);
      if (typeof topic === 'string') found.push(...checkTopic(taxonomy, topic, ['metrics', i, 'topic']));
    });
    const topics = kind === 'story' ? stringList(rawAt(data, ['topics'])) : [];
    topics?.forEach((topic, i) => found.push(...checkTopic(taxonomy, topic, ['topics', i])));
    // A story lists its places; each must be a region or city of the taxonomy.
    const places = kind === 'story' ? stringList(rawAt(data, ['regions'])) : [];
    places?.forEach((place, i) =>
      found.push(...checkRegion(taxonomy, place).map((problem) => ({ ...problem, path: ['regions', i] }))),
    );
  }
  // Body checks need a body that compiles; its error comes first.
  if (tree) {
    if (kind === 'article') found.push(...checkMetrics(metrics, blocks, source.lineOf));
    if (kind === 'article')
      problems.push(...checkLabels(metrics, source.path, source.lineOf, seedOf(data) !== undefined));
    if (kind === 'article')
      found.push(
        ...checkEvents(
          events,
          blocks,
          metrics.flatMap((m) => (m ? [m.id] : [])),
          source.lineOf,
        ),
      );
    const sections = stringList(rawAt(data, ['sections']));
    const captions = stringList(rawAt(data, ['captions']));
    if (kind === 'article' && data !== undefined && sections && captions)
      found.push(...checkBodySync({ sections, captions }, blocks));
  }
  // A field the schema already rejected gets that one message.
  const rejected = new Set(checked.problems.map((p) => p.field));
  problems.push(
    ...placed(
      source,
      found.filter((p) => !rejected.has(fieldName(p.path))),
    ),
  );

  if (data !== undefined && tree && !blocks.some((b) => b.type === 'paragraph')) {
    problems.push(
      problem({
        file: source.path,
        line: source.bodyLine,
        field: 'body',
        message: 'has no text yet',
        fix: 'write the text below the closing "---", paragraphs separated by a blank line',
        severity: 'warning',
      }),
    );
  }
  const metricIds = metrics.flatMap((m) => (m ? [m.id] : []));
  const eventIds = events.flatMap((e) => (e ? [e.id] : []));
  const anchors = [...new Set<string>([...metricIds, ...eventIds, ...(tree ? headingIds(tree).map((h) => h.id) : [])])];
  const slugFromField =
    data !== null && typeof data === 'object' && typeof (data as { slug?: unknown }).slug === 'string';
  const seed = kind === 'article' ? seedOf(data) : undefined;
  const summary: EntrySummary = {
    kind,
    path: source.path,
    slug,
    slugLine: slugFromField ? source.lineOf(['slug']) : 1,
    slugFromField,
    valid: article !== undefined,
    metricIds,
    anchors,
    year: numberOrUndefined(rawAt(data, ['year'])),
    region: typeof region === 'string' ? region : undefined,
    city: typeof city === 'string' ? city : undefined,
    metricTopics: Array.isArray(rawMetrics)
      ? rawMetrics.map((m: unknown) => {
          const topic = (m as { topic?: unknown } | null)?.topic;
          return typeof topic === 'string' || typeof topic === 'number' ? String(topic) : '';
        })
      : [],
    seed: seed && { ...seed, line: source.lineOf(['source', 'file']) },
    links: tree ? bodyLinks(tree, source.bodyLine) : [],
    charts: tree
      ? jsxElements(tree)
          .filter((element) => (CHART_COMPONENTS as readonly string[]).includes(element.name))
          .map((element) => ({ name: element.name, line: element.line, attributes: [...element.attributes] }))
      : [],
  };
  return { problems, summary };
}

const numberOrUndefined = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Links (markdown, reference definitions, href= on any tag) of one body that the MDX policy allows, with their lines. */
function bodyLinks(tree: MdNode, bodyLine: number): Array<{ url: string; line: number }> {
  const links: Array<{ url: string; line: number }> = [];
  walk(tree, (node) => {
    const urls: string[] = [];
    if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined) urls.push(node.url);
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string')
        urls.push(attribute.value);
    }
    // A link the MDX policy refuses already has its message.
    for (const url of urls.filter((u) => checkUrl(u, false) === undefined))
      links.push({ url, line: lineOfNode(node, bodyLine) });
  });
  return links;
}

function buildSiteMap(entries: readonly EntrySummary[], taxonomy: Taxonomy | undefined, files: ContentFiles): SiteMap {
  const siteMap = emptySiteMap();
  const places = taxonomy ? indexTaxonomy(taxonomy).places : [];
  for (const entry of entries) {
    if (entry.kind === 'story') {
      siteMap.stories.set(entry.slug, new Set(entry.anchors));
      continue;
    }
    // A broken article still gets its page once fixed; its anchors are unknown until then.
    siteMap.articles.set(entry.slug, entry.valid ? new Set(entry.anchors) : undefined);
    if (entry.year !== undefined) siteMap.years.add(String(entry.year));
    for (const place of places.filter(
      (p) => (p.name === entry.region && p.city === entry.city) || p.name === entry.city,
    ))
      siteMap.regions?.add(place.pinyin);
  }
  // Topic pages exist for topics that some article's figures are filed under (by id or name).
  if (taxonomy) {
    const named = new Set(entries.flatMap((entry) => entry.metricTopics));
    siteMap.topics = new Set(taxonomy.topics.filter((t) => named.has(t.id) || named.has(t.name)).map((t) => t.id));
  } else {
    siteMap.regions = undefined;
    siteMap.topics = undefined;
  }
  for (const seed of files.seeds) siteMap.sources.add(seed);
  for (const path of files.publicFiles) siteMap.publicFiles.add(path);
  return siteMap;
}

/** Links and chart references of one body, against the site map and every article's metrics. */
function checkBodyReferences(entry: EntrySummary, siteMap: SiteMap, metricIndex: MetricIndex): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const file = entry.path;
  const anchors = new Set(entry.anchors);
  for (const { url, line } of entry.links) {
    const found = checkLink(url, siteMap, anchors, entry.slug);
    if (found) problems.push(problem({ file, line, field: 'body', ...found }));
  }
  for (const chart of entry.charts) {
    const element = { name: chart.name, line: chart.line, attributes: new Map(chart.attributes) };
    for (const found of checkChartElement(element, metricIndex, entry.kind === 'article' ? entry.slug : undefined)) {
      problems.push(problem({ file, line: element.line, field: `<${element.name}>`, ...found }));
    }
  }
  return problems;
}

/**
 * Every check over the whole content: the same list for `npm run check` and the build. With a cache,
 * an entry whose file (and the taxonomy) is unchanged is not read again: its own problems and its
 * summary come from the cache, and the checks across files run on the summaries.
 */
export function checkContent(files: ContentFiles, cache?: EntryCache): ContentProblem[] {
  const taxonomyResult = checkTaxonomyFile(files.taxonomy.path, files.taxonomy.text);
  const taxonomyIndex = taxonomyResult.taxonomy ? indexTaxonomy(taxonomyResult.taxonomy) : undefined;
  const problems: ContentProblem[] = [...taxonomyResult.problems];
  for (const folder of [ARTICLES_DIR, STORIES_DIR]) {
    problems.push(
      ...checkEntryFileNames(
        (files.strayFiles ?? []).filter((p) => p.startsWith(`${folder}/`)),
        folder,
      ),
    );
  }
  const entries: EntrySummary[] = [];
  for (const [kind, list] of [
    ['article', files.articles],
    ['story', files.stories],
  ] as const) {
    for (const file of list) {
      let checked = cache?.lookup(kind, file);
      if (!checked) {
        checked = checkEntry(kind, file, taxonomyIndex);
        cache?.store(kind, file, checked);
      }
      entries.push(checked.summary);
      problems.push(...checked.problems);
    }
  }
  for (const [kind, folder] of [
    ['article', ARTICLES_DIR],
    ['story', STORIES_DIR],
  ] as const) {
    const claims: SlugClaim[] = entries
      .filter((e) => e.kind === kind)
      .map((e) => ({ file: e.path, slug: e.slug, line: e.slugLine, fromField: e.slugFromField }));
    problems.push(...checkDuplicateSlugs(claims, folder));
  }
  const articles = entries.filter((e) => e.kind === 'article');
  const metricIndex: MetricIndex = new Map(articles.map((e) => [e.slug, e.valid ? new Set(e.metricIds) : undefined]));
  problems.push(
    ...checkSeedSources(
      articles.flatMap((e) => (e.seed ? [{ path: e.path, ...e.seed }] : [])),
      files.seeds,
      files.seedHashes,
    ),
  );
  const siteMap = buildSiteMap(entries, taxonomyResult.taxonomy, files);
  for (const entry of entries) problems.push(...checkBodyReferences(entry, siteMap, metricIndex));
  return sortProblems(problems);
}
