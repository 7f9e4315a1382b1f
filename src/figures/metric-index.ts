/**
 * Metric references, as editors write them in MDX: "<article-slug>/<metric-id>" anywhere, or a
 * bare "<metric-id>" inside the article that holds the metric. Resolution is pure: the chart
 * components build an index from the articles collection once and resolve every reference
 * against it; an unknown reference is an error naming the MDX file and the reference, so the
 * build stops with something an editor can fix.
 */
import type { Metric } from '../schemas/metric.ts';

/** What resolution needs of an article: its slug, place, year, title, publication and metrics. */
export interface IndexedArticle {
  slug: string;
  title: string;
  region: string;
  city: string;
  year: number;
  /** Newspaper or outlet, when the text names it (for downloads' rows). */
  publication?: string | undefined;
  metrics: readonly Metric[];
}

/** Every article's metrics by slug, then by id. */
export interface MetricIndex {
  articles: ReadonlyMap<string, IndexedArticle>;
  metrics: ReadonlyMap<string, ReadonlyMap<string, Metric>>;
}

/** A reference resolved to its metric and article. */
export interface ResolvedMetric {
  /** The canonical reference: "<slug>/<metric-id>". */
  ref: string;
  metric: Metric;
  article: IndexedArticle;
  /** The metric's sentence: /articles/<slug>/#<metric-id>. */
  href: string;
}

/** Where a reference was written: the MDX file (for messages) and, in an article, its slug. */
export interface ReferenceContext {
  /** Path of the MDX file, as editors see it: content/stories/xyz.mdx. */
  file: string;
  /** Slug of the article being rendered; bare ids resolve against it. Absent in stories. */
  slug?: string | undefined;
}

/** An unresolvable metric reference, with the file and the reference in its message. */
export class MetricReferenceError extends Error {
  readonly file: string;
  readonly refs: readonly string[];
  constructor(file: string, refs: readonly string[], details: readonly string[]) {
    super(`${file}: ${details.join('; ')}`);
    this.name = 'MetricReferenceError';
    this.file = file;
    this.refs = refs;
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const METRIC_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;

/** The canonical reference of a metric: "<slug>/<metric-id>". */
export function metricRef(slug: string, metricId: string): string {
  return `${slug}/${metricId}`;
}

/** Link to a metric's sentence in its article (the anchor the article page sets). */
export function metricSentenceHref(slug: string, metricId: string): string {
  return `/articles/${encodeURIComponent(slug)}/#${encodeURIComponent(metricId)}`;
}

export function buildMetricIndex(articles: readonly IndexedArticle[]): MetricIndex {
  const byslug = new Map<string, IndexedArticle>();
  const metrics = new Map<string, Map<string, Metric>>();
  for (const article of articles) {
    byslug.set(article.slug, article);
    metrics.set(article.slug, new Map(article.metrics.map((m) => [m.id, m])));
  }
  return { articles: byslug, metrics };
}

/** A reference split into slug and id, or a reason it cannot be read. */
export type ParsedRef = { slug: string; id: string } | { problem: string };

/** Splits "<slug>/<id>" (or a bare "<id>" when `contextSlug` is given) without looking anything up. */
export function parseMetricRef(ref: string, contextSlug?: string): ParsedRef {
  const text = ref.trim();
  if (text === '') return { problem: 'an empty metric reference' };
  if (text !== ref) return { problem: `metric reference "${ref}" has spaces around it` };
  const parts = text.split('/');
  if (parts.length > 2)
    return { problem: `metric reference "${ref}" has more than one "/" (write <article-slug>/<metric-id>)` };
  const [first = '', second] = parts;
  if (second === undefined) {
    if (!METRIC_ID.test(first))
      return { problem: `"${ref}" is not a metric id (lowercase letters, digits and hyphens)` };
    if (contextSlug === undefined) {
      return { problem: `"${ref}" has no article: outside its own article write <article-slug>/${ref}` };
    }
    return { slug: contextSlug, id: first };
  }
  if (!SLUG.test(first)) return { problem: `"${first}" in "${ref}" is not an article slug` };
  if (!METRIC_ID.test(second)) return { problem: `"${second}" in "${ref}" is not a metric id` };
  return { slug: first, id: second };
}

/** Up to three ids of `candidates` closest to `id` (shared prefix, then shared number), for hints. */
export function nearestIds(id: string, candidates: readonly string[]): string[] {
  const digits = id.match(/\d+/gu) ?? [];
  const score = (c: string): number => {
    let prefix = 0;
    while (prefix < Math.min(c.length, id.length) && c[prefix] === id[prefix]) prefix++;
    const sharedNumber = digits.some((d) => c.includes(d)) ? 10 : 0;
    return prefix + sharedNumber;
  };
  return [...candidates]
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s >= 3)
    .sort((a, b) => b.s - a.s || a.c.localeCompare(b.c))
    .slice(0, 3)
    .map((x) => x.c);
}

/** Resolves one reference, or explains why it does not resolve. */
export function lookupMetric(
  index: MetricIndex,
  ref: string,
  contextSlug?: string,
): ResolvedMetric | { problem: string } {
  const parsed = parseMetricRef(ref, contextSlug);
  if ('problem' in parsed) return parsed;
  const article = index.articles.get(parsed.slug);
  if (!article) {
    const known = nearestIds(parsed.slug, [...index.articles.keys()]);
    const hint = known.length > 0 ? ` (did you mean ${known.join(', ')}?)` : '';
    return { problem: `unknown article "${parsed.slug}" in metric reference "${ref}"${hint}` };
  }
  const metric = index.metrics.get(parsed.slug)?.get(parsed.id);
  if (!metric) {
    const near = nearestIds(
      parsed.id,
      article.metrics.map((m) => m.id),
    ).map((id) => metricRef(parsed.slug, id));
    const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
    return { problem: `unknown metric id "${parsed.id}" in article ${parsed.slug} (reference "${ref}")${hint}` };
  }
  return { ref: metricRef(parsed.slug, parsed.id), metric, article, href: metricSentenceHref(parsed.slug, parsed.id) };
}

/**
 * Resolves references in order. Throws one MetricReferenceError naming the file and every
 * reference that does not resolve (or is listed twice), so an editor fixes them all at once.
 */
export function resolveMetrics(
  index: MetricIndex,
  refs: readonly string[],
  context: ReferenceContext,
): ResolvedMetric[] {
  const resolved: ResolvedMetric[] = [];
  const bad: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const found = lookupMetric(index, ref, context.slug);
    if ('problem' in found) {
      bad.push(ref);
      problems.push(found.problem);
      continue;
    }
    if (seen.has(found.ref)) {
      bad.push(ref);
      problems.push(`metric "${found.ref}" is listed twice`);
      continue;
    }
    seen.add(found.ref);
    resolved.push(found);
  }
  if (bad.length > 0) throw new MetricReferenceError(context.file, bad, problems);
  return resolved;
}

/** Resolves a single reference (BigNumber, a story's hero); throws like `resolveMetrics`. */
export function resolveMetric(index: MetricIndex, ref: string, context: ReferenceContext): ResolvedMetric {
  const [only] = resolveMetrics(index, [ref], context);
  if (!only) throw new MetricReferenceError(context.file, [ref], [`metric reference "${ref}" did not resolve`]);
  return only;
}

/** A chart needs at least one metric: an empty list is an editor's mistake, not an empty chart. */
export function requireMetrics(
  refs: readonly string[] | undefined,
  component: string,
  context: ReferenceContext,
): readonly string[] {
  if (!refs || refs.length === 0) {
    throw new MetricReferenceError(
      context.file,
      [],
      [`<${component}> needs metrics={["<article-slug>/<metric-id>", …]}`],
    );
  }
  return refs;
}

/** Where the page that renders MDX puts the reference context (see `setReferenceContext`). */
const CONTEXT_KEY = 'metricReferenceContext';

/** Called by a page before it renders an MDX entry, so the components know the file and slug. */
export function setReferenceContext(locals: object, context: ReferenceContext): void {
  Object.assign(locals, { [CONTEXT_KEY]: context });
}

/** The context a page set, or one naming the URL when the page set none. */
export function referenceContext(locals: object, fallbackFile: string): ReferenceContext {
  const value = (locals as Record<string, unknown>)[CONTEXT_KEY];
  if (value && typeof value === 'object' && typeof (value as ReferenceContext).file === 'string')
    return value as ReferenceContext;
  return { file: fallbackFile };
}

/**
 * References written in an MDX body, as the components read them: metrics={[…]} on any
 * component, id="…" on <BigNumber> and <Metric>. For a story's list of sources and for checks.
 */
export function referencesInMdx(body: string): string[] {
  const refs: string[] = [];
  for (const m of body.matchAll(/metrics=\{\[([^\]]*)\]\}/gu)) {
    for (const s of (m[1] ?? '').matchAll(/["']([^"']+)["']/gu)) refs.push(s[1] ?? '');
  }
  for (const m of body.matchAll(/<(?:BigNumber|Metric)\b[^>]*?\bid=["']([^"']+)["']/gu)) refs.push(m[1] ?? '');
  return refs;
}
