import type { Taxonomy } from '../lib/taxonomy.ts';
import type { Metric } from '../schemas/metric.ts';
import type { ParsedArticle } from './parse.ts';

/** The article's figures. Filled in by the metric extractor (its own issue); until then, none. */
export function extractArticleMetrics(_parsed: ParsedArticle, _year: number, _taxonomy: Taxonomy): Metric[] {
  return [];
}
