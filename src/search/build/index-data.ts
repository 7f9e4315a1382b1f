import type { Article } from '../../schemas/article.ts';
import type { Story } from '../../schemas/story.ts';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import type { FilterName } from '../shared/state.ts';
import { findTopic } from '../../lib/taxonomy.ts';
import { topicsOf } from '../../lib/archive.ts';
import { searchUi } from '../../lib/ui-strings.ts';

/** What a page declares to Pagefind besides its text: result metadata, filter values, sort keys. */
export interface SearchRecord {
  meta: Record<string, string>;
  filters: Record<FilterName, string[]>;
  sort: Record<string, string>;
}

/** Topic names from ids or names, each once, in taxonomy order; unknown ones are left out. */
function topicNames(idsOrNames: readonly string[], taxonomy: Taxonomy): string[] {
  const found = new Set(
    idsOrNames.map((t) => findTopic(taxonomy, t)?.name).filter((name): name is string => Boolean(name)),
  );
  return taxonomy.topics.map((t) => t.name).filter((name) => found.has(name));
}

/**
 * Topic names for the 主题 filter: the taxonomy topics the article is about (lib/archive.ts
 * topicsOf: a passing mention does not count), each once, in taxonomy order.
 */
export function articleTopics(article: Pick<Article, 'metrics' | 'sections'>, taxonomy: Taxonomy): string[] {
  return topicNames([...topicsOf(article, taxonomy.topics)], taxonomy);
}

export function searchRecord(article: Article, taxonomy: Taxonomy): SearchRecord {
  const year = String(article.year);
  const meta: Record<string, string> = { type: 'article', region: article.region, year };
  const authors = article.authors.map((a) => a.name).join('、');
  if (authors) meta.authors = authors;
  return {
    meta,
    filters: {
      类型: [searchUi.types.article],
      地区: [article.region],
      年份: [year],
      主题: articleTopics(article, taxonomy),
    },
    sort: { year },
  };
}

/** "YYYY-MM-DD" of a frontmatter date (parsed as UTC midnight). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A story's record. 年份 lists the years of the articles the story draws on
 * (src/site/story-sources.ts), none when it cites none: the year a story was
 * written is not a year the archive covers. The year meta and the year sort
 * still say when it appeared. 地区 and 主题 are the places and topics its
 * frontmatter names (the content check holds them to the taxonomy).
 */
export function storySearchRecord(
  story: Story,
  taxonomy: Taxonomy,
  coveredYears: readonly number[] = [],
): SearchRecord {
  const year = String(story.date.getUTCFullYear());
  const years = [...new Set(coveredYears)].sort((a, b) => a - b).map(String);
  const regions = [...new Set(story.regions)];
  const meta: Record<string, string> = { type: 'story', year, date: isoDate(story.date) };
  if (regions.length > 0) meta.regions = regions.join('、');
  return {
    meta,
    filters: { 类型: [searchUi.types.story], 地区: regions, 年份: years, 主题: topicNames(story.topics, taxonomy) },
    sort: { year },
  };
}

/** The figures an article states, as a data panel lists them: label and the figure as printed (or value and unit). */
export function metricLines(metrics: Article['metrics']): Array<{ id: string; label: string; figure: string }> {
  return metrics.map((m) => ({ id: m.id, label: m.label, figure: m.printed ?? `${m.value}${m.unit}` }));
}
