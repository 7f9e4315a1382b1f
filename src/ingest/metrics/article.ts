import type { Taxonomy } from '../../lib/taxonomy.ts';
import type { Metric } from '../../schemas/metric.ts';
import { extractMetrics } from './extract.ts';
import type { ParsedArticle } from '../parse.ts';

/** The article's figures, from its repaired body paragraphs (not headings or captions). */
export function extractArticleMetrics(parsed: ParsedArticle, year: number, taxonomy: Taxonomy): Metric[] {
  const paragraphs = parsed.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  return extractMetrics(paragraphs, { year, topics: taxonomy.topics });
}
