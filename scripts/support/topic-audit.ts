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
  articles: ReadonlyArray<{ slug: string; metrics: ReadonlyArray<{ id: string; topic: string }> }>,
  idOf: (topic: string) => string,
): AuditResult {
  const byKey = new Map(audit.map((a) => [`${a.slug}/${a.id}`, a]));
  const result: AuditResult = { audited: 0, agree: 0, disagreements: [], missing: [] };
  for (const article of articles) {
    for (const metric of article.metrics) {
      const audited = byKey.get(`${article.slug}/${metric.id}`);
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
