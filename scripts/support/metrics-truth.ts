/**
 * Scoring the metric extractor against the hand-built truth sets in
 * scripts/support/data/metrics-truth/*.json.
 *
 * A truth entry and an extracted metric MATCH when:
 *   - the values are equal and the units are equal;
 *   - the truth `quote` (a distinctive piece of the sentence) lies inside the
 *     metric's quote, i.e. the figure was taken from the right sentence
 *     (compared with punctuation width and quote style normalised, so the
 *     lead's OCR repair may make punctuation full-width);
 *   - the labels share a Han bigram (two consecutive Chinese characters) —
 *     loose on purpose: it catches a label naming the wrong thing ("名", "元",
 *     another figure's words) without grading wording.
 * Matching is one-to-one; ties go to the candidate sharing the most bigrams,
 * so "管理率与规则服药率均达100%" needs two metrics with the right labels.
 * precision = matched / extracted, recall = matched / truth.
 * Two stricter checks on the matched pairs are reported, not asserted:
 *   labelClose  the metric label holds at least half of the truth label's bigrams;
 *   qualifierOk the hedge (约/余/近…) agrees, absent on both counting as agreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractMetrics } from '../../src/ingest/extract-metrics.ts';
import { sameValue } from '../../src/figures/parse-figures.ts';
import { loadTaxonomy } from '../../src/lib/taxonomy.ts';
import type { Metric, Qualifier } from '../../src/schemas/metric.ts';
import { articleParagraphs } from './seed-articles.ts';

export interface TruthMetric {
  quote: string;
  value: number;
  unit: string;
  label: string;
  qualifier?: Qualifier;
}

export interface TruthSet {
  name: string;
  title?: string;
  file: string;
  /** Which article of the file, 1-based. */
  part: number;
  year: number;
  notes?: string;
  metrics: TruthMetric[];
}

export interface ArticleScore {
  name: string;
  truth: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  labelClose: number;
  qualifierOk: number;
  missed: TruthMetric[];
  spurious: Metric[];
}

export const TRUTH_DIR = 'scripts/support/data/metrics-truth';

export function loadTruthSets(root = process.cwd()): TruthSet[] {
  const dir = resolve(root, TRUTH_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as TruthSet);
}

/** Full-width and half-width punctuation, curly and straight quotes, read alike. */
export function normalisePunctuation(text: string): string {
  const pairs: Record<string, string> = {
    '，': ',',
    '；': ';',
    '：': ':',
    '（': '(',
    '）': ')',
    '！': '!',
    '？': '?',
    '“': '"',
    '”': '"',
    '‘': "'",
    '’': "'",
    '％': '%',
  };
  return text.replace(/[，；：（）！？“”‘’％]/gu, (c) => pairs[c] ?? c).replace(/\s+/gu, '');
}

function bigrams(text: string): Set<string> {
  const han = [...text.replace(/[^\p{Script=Han}]/gu, ' ')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) {
    const a = han[i] as string;
    const b = han[i + 1] as string;
    if (a !== ' ' && b !== ' ') grams.add(a + b);
  }
  return grams;
}

export function sharedBigrams(a: string, b: string): number {
  const ga = bigrams(a);
  let n = 0;
  for (const g of bigrams(b)) if (ga.has(g)) n++;
  return n;
}

export function scoreArticle(name: string, truth: readonly TruthMetric[], metrics: readonly Metric[]): ArticleScore {
  const used = new Set<number>();
  const missed: TruthMetric[] = [];
  let labelClose = 0;
  let qualifierOk = 0;
  for (const t of truth) {
    const quote = normalisePunctuation(t.quote);
    let best = -1;
    let bestShared = 0;
    metrics.forEach((m, k) => {
      if (used.has(k) || !sameValue(m.value, t.value) || m.unit !== t.unit) return;
      if (!normalisePunctuation(m.quote).includes(quote)) return;
      const shared = sharedBigrams(m.label, t.label);
      if (shared > bestShared) {
        best = k;
        bestShared = shared;
      }
    });
    const m = metrics[best];
    if (m === undefined) {
      missed.push(t);
      continue;
    }
    used.add(best);
    if (bestShared * 2 >= bigrams(t.label).size) labelClose++;
    if (m.qualifier === t.qualifier) qualifierOk++;
  }
  const matched = used.size;
  return {
    name,
    truth: truth.length,
    extracted: metrics.length,
    matched,
    precision: metrics.length === 0 ? 1 : matched / metrics.length,
    recall: truth.length === 0 ? 1 : matched / truth.length,
    labelClose,
    qualifierOk,
    missed,
    spurious: metrics.filter((_, k) => !used.has(k)),
  };
}

/** Run the extractor on every truth set and score it; the last row is the total. */
export function measureAll(root = process.cwd()): { articles: ArticleScore[]; total: ArticleScore } {
  const taxonomy = loadTaxonomy(root);
  const articles = loadTruthSets(root).map((set) => {
    const paragraphs = articleParagraphs(set, root);
    const metrics = extractMetrics(paragraphs, { year: set.year, topics: taxonomy.topics });
    return scoreArticle(set.name, set.metrics, metrics);
  });
  const sum = (f: (s: ArticleScore) => number): number => articles.reduce((n, s) => n + f(s), 0);
  const truth = sum((s) => s.truth);
  const extracted = sum((s) => s.extracted);
  const matched = sum((s) => s.matched);
  const total: ArticleScore = {
    name: 'overall',
    truth,
    extracted,
    matched,
    precision: extracted === 0 ? 1 : matched / extracted,
    recall: truth === 0 ? 1 : matched / truth,
    labelClose: sum((s) => s.labelClose),
    qualifierOk: sum((s) => s.qualifierOk),
    missed: articles.flatMap((s) => s.missed),
    spurious: articles.flatMap((s) => s.spurious),
  };
  return { articles, total };
}
