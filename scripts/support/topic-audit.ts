/**
 * The per-metric topic audit (scripts/support/data/topic-audit.json): every metric of content/ with the topic it
 * was filed under when audited and the topic a reader of its quote gives it, judged by hand from the quote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AuditedMetric {
  slug: string;
  id: string;
  /** The metric's label and quote when audited, so a reader can check the verdict. */
  label: string;
  quote: string;
  /** The topic (id) the metric carried when audited. */
  assigned: string;
  verdict: 'right' | 'wrong';
  /** The topic (id) the quote is about: equal to `assigned` when the verdict is right; null when no topic fits. */
  topic: string | null;
  why?: string;
}

export const TOPIC_AUDIT_FILE = 'scripts/support/data/topic-audit.json';

export function readTopicAudit(root = process.cwd()): AuditedMetric[] | undefined {
  const path = resolve(root, TOPIC_AUDIT_FILE);
  if (!existsSync(path)) return undefined;
  return (JSON.parse(readFileSync(path, 'utf8')) as { metrics: AuditedMetric[] }).metrics;
}

export interface AuditResult {
  audited: number;
  agree: number;
  disagreements: Array<{ slug: string; id: string; topic: string; expected: string | null }>;
  /** Metrics of the articles that the audit does not list (added since). */
  missing: string[];
}

/**
 * How many of the audited metrics carry the audit's topic now (`idOf` reads a topic name or id as its id);
 * a metric no topic fits never agrees.
 */
export function auditAgreement(
  audit: readonly AuditedMetric[],
  articles: ReadonlyArray<{
    slug: string;
    metrics: ReadonlyArray<{ id: string; topic: string; label: string; quote: string }>;
  }>,
  idOf: (topic: string) => string,
): AuditResult {
  // Ids carry the topic (elderly-care-7296), so a metric is found by its sentence and label, which a topic change keeps;
  // failing that (a label improved since the audit), by its sentence and the figure part of its id (7296).
  const keyOf = (slug: string, m: { label: string; quote: string }) => `${slug}\u0000${m.quote}\u0000${m.label}`;
  const figureKeyOf = (slug: string, quote: string, id: string, topic: string) =>
    `${slug}\u0000${quote}\u0000${id.slice(topic.length + 1)}`;
  const byKey = new Map(audit.map((a) => [keyOf(a.slug, a), a]));
  const byFigure = new Map(audit.map((a) => [figureKeyOf(a.slug, a.quote, a.id, a.assigned), a]));
  const result: AuditResult = { audited: 0, agree: 0, disagreements: [], missing: [] };
  for (const article of articles) {
    for (const metric of article.metrics) {
      const audited =
        byKey.get(keyOf(article.slug, metric)) ??
        byFigure.get(figureKeyOf(article.slug, metric.quote, metric.id, idOf(metric.topic)));
      if (!audited) {
        result.missing.push(`${article.slug}/${metric.id}`);
        continue;
      }
      result.audited++;
      if (idOf(metric.topic) === audited.topic) result.agree++;
      else
        result.disagreements.push({
          slug: article.slug,
          id: metric.id,
          topic: idOf(metric.topic),
          expected: audited.topic,
        });
    }
  }
  return result;
}

export const TOPIC_ARTICLES_TRUTH_FILE = 'scripts/support/data/topic-articles-truth.json';

/** Hand judgement of which topics each seed article is about: slug → topic ids. */
export function readTopicArticlesTruth(root = process.cwd()): Record<string, string[]> {
  return (
    JSON.parse(readFileSync(resolve(root, TOPIC_ARTICLES_TRUTH_FILE), 'utf8')) as {
      articles: Record<string, string[]>;
    }
  ).articles;
}

export interface AboutScore {
  truePositives: number;
  claimed: number;
  truth: number;
  /** "+slug:topic" claimed but not about it, "-slug:topic" about it but not claimed. */
  errors: string[];
}

/** Precision and recall of an article → topics rule against the hand judgement. */
export function scoreAbout(
  truth: Record<string, readonly string[]>,
  claimed: ReadonlyMap<string, ReadonlySet<string>>,
): AboutScore {
  const score: AboutScore = { truePositives: 0, claimed: 0, truth: 0, errors: [] };
  for (const [slug, wanted] of Object.entries(truth)) {
    const got = claimed.get(slug) ?? new Set<string>();
    score.claimed += got.size;
    score.truth += wanted.length;
    for (const topic of got)
      if (wanted.includes(topic)) score.truePositives++;
      else score.errors.push(`+${slug}:${topic}`);
    for (const topic of wanted) if (!got.has(topic)) score.errors.push(`-${slug}:${topic}`);
  }
  return score;
}
