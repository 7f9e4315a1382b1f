/**
 * One article's downloads, as texts: each of its page's charts as CSV and JSON (/data/charts/), and all its
 * figures in the columns of /data/metrics.csv (/data/metrics/). Pure: the build writes them (build/), the
 * dev server serves them (dev-route.ts), from the same articles.
 */
import { articleChartDataPath, articleGraphicCharts } from '../charts/article-graphic.ts';
import { chartCsv, chartJson } from '../charts/render-chart.ts';
import { buildMetricIndex, metricRef, resolveMetrics } from '../figures/metric-index.ts';
import { metricRecords, metricsCsv, metricSources } from '../figures/metrics-export.ts';
import { articleMetricsPath, type ArticleSource } from '../site/open-data.ts';

export interface DownloadFile {
  /** Where the file is served, relative to the site's root, with / (data/charts/<slug>-1.csv). */
  path: string;
  text: string;
}

/** The site path of a link (/data/metrics/%E2….csv) as a file path under the site folder. */
const filePath = (href: string): string => decodeURIComponent(href).slice(1);

/** Every download of `article`, its links built on `origin` (https://…). */
export function articleFiles(article: ArticleSource, origin: string): DownloadFile[] {
  const { slug, title, region, city, year, publication, metrics } = article;
  // A chart's figures are all the article's own, so its index needs no other article.
  const index = buildMetricIndex([{ slug, title, region, city, year, publication, metrics }]);
  const context = { file: `content/articles/${slug}.mdx`, slug };
  const files = articleGraphicCharts(region, metrics).flatMap((chart, i) => {
    const resolved = resolveMetrics(
      index,
      chart.metrics.map((m) => metricRef(slug, m.id)),
      context,
    );
    return [
      { path: filePath(articleChartDataPath(slug, i + 1, 'csv')), text: chartCsv(resolved, origin) },
      { path: filePath(articleChartDataPath(slug, i + 1, 'json')), text: chartJson(resolved, origin) },
    ];
  });
  if (metrics.length === 0) return files;
  const sources = metricSources([article], origin);
  return [
    ...files,
    { path: filePath(articleMetricsPath(slug, 'csv')), text: metricsCsv(sources) },
    { path: filePath(articleMetricsPath(slug, 'json')), text: JSON.stringify(metricRecords(sources), null, 2) },
  ];
}
