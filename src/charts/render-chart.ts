/**
 * What a chart component prints, as strings: the graphic (SVG, or HTML for number callouts),
 * its data table, and its CSV/JSON downloads. Pure (no Astro), so it is unit-tested directly.
 */
import {
  barChart,
  barChartTable,
  bigNumber,
  dataTable,
  proportionBars,
  proportionTable,
  smallMultiples,
  smallMultiplesTable,
  timeSeries,
  timeSeriesTable,
  waffle,
  type ChartDatum,
} from './index.ts';
import {
  comparisonProblem,
  dataUri,
  downloadName,
  periodText,
  spansArticles,
  toChartDatum,
  toCsv,
  toJson,
  incomparable,
  toJsonRows,
  unitProblem,
  type ChartKind,
} from './chart-data.ts';
import { MetricReferenceError, type ReferenceContext, type ResolvedMetric } from '../figures/metric-index.ts';

export interface RenderOptions {
  title: string;
  description?: string | undefined;
  /** Bar order: largest first (default) or as written. */
  sort?: 'desc' | 'asc' | 'none' | undefined;
  /** Base for element ids, unique on the page. */
  id?: string | undefined;
  /** Origin of the site (https://…) for the downloads' links; site-relative links without it. */
  site?: string | undefined;
  /** Files that serve the downloads (same text as the data: URIs otherwise put in the page). */
  downloadFiles?: { csv: string; json: string } | undefined;
}

export interface RenderedChart {
  kind: ChartKind;
  /** SVG (or callout HTML) to insert as is. */
  graphic: string;
  /** The data table, the graphic's text alternative. */
  table: string;
  downloads: { csv: { href: string; name: string }; json: { href: string; name: string } };
  /** Sentence shown under the chart when figures come from different articles. */
  note?: string;
}

/** The note under a chart that mixes places and periods: say so plainly. */
export function mixNote(resolved: readonly ResolvedMetric[]): string | undefined {
  if (!spansArticles(resolved)) return undefined;
  const periods = new Set(resolved.map((r) => periodText(r)));
  const labels = new Set(resolved.map((r) => r.metric.label));
  const parts: string[] = [];
  if (periods.size > 1) parts.push('年份或统计时段不同');
  if (labels.size > 1) parts.push('统计口径不同');
  if (parts.length === 0) return '数字来自不同地方的报道。';
  return `数字来自不同地方的报道，${parts.join('、')}，请对照标签阅读，不宜直接比较高低。`;
}

function callouts(data: readonly ChartDatum[], resolved: readonly ResolvedMetric[], across: boolean): string {
  const items = data.map((d, i) => {
    const r = resolved[i];
    const note = r ? (across ? `${r.article.region} · ${periodText(r)}` : periodText(r)) : undefined;
    return `<li>${bigNumber(d, note ? { note } : {})}</li>`;
  });
  return `<ul class="big-numbers" role="list">${items.join('')}</ul>`;
}

/** A chart's CSV download: its rows of /data/metrics.csv. */
export function chartCsv(resolved: readonly ResolvedMetric[], site = ''): string {
  return toCsv(resolved, site);
}

/** A chart's JSON download: the CSV's records. */
export function chartJson(resolved: readonly ResolvedMetric[], site = ''): string {
  return toJson(toJsonRows(resolved, site));
}

/** Renders `kind` for resolved metrics; throws a MetricReferenceError naming the file when units clash. */
export function renderChart(
  kind: ChartKind,
  resolved: readonly ResolvedMetric[],
  options: RenderOptions,
  context: ReferenceContext,
): RenderedChart {
  const problem = unitProblem(kind, resolved) ?? comparisonProblem(kind, resolved);
  if (problem)
    throw new MetricReferenceError(
      context.file,
      resolved.map((r) => r.ref),
      [`<Chart kind="${kind}" title="${options.title}">: ${problem}`],
    );
  const across = spansArticles(resolved);
  const data = resolved.map((r) => toChartDatum(r, kind, across));
  const base = {
    title: options.title,
    ...(options.description ? { description: options.description } : {}),
    ...(options.id ? { id: options.id } : {}),
  };
  const sort = options.sort ?? 'desc';
  let graphic: string;
  let table: string;
  switch (kind) {
    case 'bar':
      graphic = barChart(data, { ...base, sort });
      table = barChartTable(data, { title: options.title, sort });
      break;
    case 'small-multiples':
      // Panels of different measures each get their own scale, and say so.
      graphic = smallMultiples(data, {
        ...base,
        sort: sort === 'none' ? 'none' : 'value',
        scale: incomparable(resolved) ? 'own' : 'shared',
      });
      table = smallMultiplesTable(data, { title: options.title, sort: sort === 'none' ? 'none' : 'value' });
      break;
    case 'time-series':
      graphic = timeSeries(data, base);
      table = timeSeriesTable(data, { title: options.title });
      break;
    case 'proportion': {
      const rows =
        sort === 'none' ? data : [...data].sort((a, b) => (sort === 'asc' ? a.value - b.value : b.value - a.value));
      graphic = proportionBars(rows, base);
      table = proportionTable(rows, { title: options.title });
      break;
    }
    case 'waffle':
      // One waffle per rate, side by side; each has its own title (the figure's label).
      graphic = `<div class="waffles">${data.map((d, i) => waffle(d, { title: d.label, id: `${options.id ?? 'waffle'}-${i}` })).join('')}</div>`;
      table = proportionTable(data, { title: options.title });
      break;
    case 'numbers':
      graphic = callouts(data, resolved, across);
      table = dataTable(data, { caption: options.title });
      break;
  }
  const site = options.site ?? '';
  const note = mixNote(resolved);
  return {
    kind,
    graphic,
    table,
    downloads: {
      csv: {
        href: options.downloadFiles?.csv ?? dataUri(chartCsv(resolved, site), 'text/csv'),
        name: downloadName(resolved, 'csv'),
      },
      json: {
        href: options.downloadFiles?.json ?? dataUri(chartJson(resolved, site), 'application/json'),
        name: downloadName(resolved, 'json'),
      },
    },
    ...(note ? { note } : {}),
  };
}
