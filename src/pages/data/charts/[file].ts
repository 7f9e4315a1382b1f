import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { articleChartDataPath, articleGraphicCharts } from '../../../charts/article-graphic.ts';
import { loadArchive } from '../../../charts/chart-archive.ts';
import { chartCsv, chartJson } from '../../../charts/render-chart.ts';
import { metricRef, resolveMetrics } from '../../../figures/metric-index.ts';
import { recordBuiltFileBytes } from '../../../lib/built-file-hashes.ts';

/**
 * The downloads of every article page's charts (src/components/charts/ArticleGraphic.astro links them):
 * the same text a data: URI in the page would hold, as a file, so the page itself stays light.
 */
export async function getStaticPaths() {
  const { index } = await loadArchive();
  const entries = await getCollection('articles');
  return entries.flatMap((entry) => {
    const context = { file: entry.filePath ?? `content/articles/${entry.id}.mdx`, slug: entry.id };
    return articleGraphicCharts(entry.data.region, entry.data.metrics).flatMap((chart, i) => {
      const resolved = resolveMetrics(
        index,
        chart.metrics.map((m) => metricRef(entry.id, m.id)),
        context,
      );
      return (['csv', 'json'] as const).map((extension) => ({
        params: { file: articleChartDataPath(entry.id, i + 1, extension).replace('/data/charts/', '') },
        props: { resolved, extension },
      }));
    });
  });
}

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export function GET({ props, params, site }: APIContext<Props>): Response {
  const origin = site?.origin ?? '';
  const text = props.extension === 'csv' ? chartCsv(props.resolved, origin) : chartJson(props.resolved, origin);
  // Its revision for the precache list, so the service worker step need not read the file again (6,516 files at 1,000 articles).
  recordBuiltFileBytes(`data/charts/${params['file'] ?? ''}`, text);
  const type = props.extension === 'csv' ? 'text/csv' : 'application/json';
  return new Response(text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
