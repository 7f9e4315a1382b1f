import { describe, expect, it } from 'vitest';
import { articleChartDataPath, articleGraphicCharts } from '../../../src/charts/article-graphic.ts';
import { articleFiles } from '../../../src/downloads/article-files.ts';
import { articleMetricsPath } from '../../../src/site/open-data.ts';
import { realArticle } from './fixture.ts';

const origin = 'https://archive.example.org';

describe('an article’s downloads', () => {
  const article = realArticle('juye-2020');
  const files = articleFiles(article, origin);
  const charts = articleGraphicCharts(article.region, article.metrics);

  it('are a CSV and a JSON file for each chart its page draws, at the paths the page links, then its figures', () => {
    expect(charts.length).toBeGreaterThan(0);
    const linked = charts.flatMap((_, i) => [
      articleChartDataPath(article.slug, i + 1, 'csv'),
      articleChartDataPath(article.slug, i + 1, 'json'),
    ]);
    linked.push(articleMetricsPath(article.slug, 'csv'), articleMetricsPath(article.slug, 'json'));
    expect(files.map((file) => `/${file.path}`)).toEqual(linked);
  });

  it('hold each chart’s figures and all the article’s, with links on the origin', () => {
    const chart = JSON.parse(files[1]!.text) as Array<Record<string, unknown>>;
    expect(chart).toHaveLength(charts[0]!.metrics.length);
    const all = JSON.parse(files.at(-1)!.text) as Array<Record<string, unknown>>;
    expect(all).toHaveLength(article.metrics.length);
    expect(files.at(-2)!.text.split('\n')[0]).toMatch(/^\uFEFFid,article,/u);
    expect(files.at(-1)!.text).toContain(`${origin}/articles/${article.slug}/`);
  });

  it('are none for an article without figures', () => {
    expect(articleFiles({ ...article, metrics: [] }, origin)).toEqual([]);
  });
});
