import type { Article } from '../schemas/article.ts';
import type { Taxonomy } from '../schemas/taxonomy.ts';
import type { FilterName } from './search-state.ts';
import { findTopic } from './taxonomy.ts';

/** What an article page declares to Pagefind besides its text: result metadata, filter values, sort keys. */
export interface SearchRecord {
  meta: Record<string, string>;
  filters: Record<FilterName, string[]>;
  sort: Record<string, string>;
}

/**
 * Topic names for the 主题 filter: the taxonomy topics of the article's metrics,
 * each once, in taxonomy order. An article without metrics has no topic.
 */
export function articleTopics(metrics: Article['metrics'], taxonomy: Taxonomy): string[] {
  const found = new Set(metrics.map((m) => findTopic(taxonomy, m.topic)?.name).filter((name): name is string => Boolean(name)));
  return taxonomy.topics.map((t) => t.name).filter((name) => found.has(name));
}

export function searchRecord(article: Article, taxonomy: Taxonomy): SearchRecord {
  const year = String(article.year);
  const meta: Record<string, string> = { region: article.region, year };
  const authors = article.authors.map((a) => a.name).join('、');
  if (authors) meta.authors = authors;
  return {
    meta,
    filters: { 地区: [article.region], 年份: [year], 主题: articleTopics(article.metrics, taxonomy) },
    sort: { year },
  };
}

/** The figures an article states, as a data panel lists them: label and the figure as printed (or value and unit). */
export function metricLines(metrics: Article['metrics']): Array<{ id: string; label: string; figure: string }> {
  return metrics.map((m) => ({ id: m.id, label: m.label, figure: m.figure ?? `${m.value}${m.unit}` }));
}
