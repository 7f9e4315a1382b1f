/**
 * From resolved metric references to what a chart component draws and offers for download:
 * chart data with labels that say where and when, a check that a chart compares like with
 * like, and CSV/JSON of the figures (with their source sentences' links).
 */
import type { ChartDatum } from './types.ts';
import type { ResolvedMetric } from '../figures/metric-index.ts';
import { metricRecords, metricsCsv, type MetricSource } from '../figures/metrics-export.ts';
import { csvOfRecords, type DataRecord } from '../lib/csv.ts';

/** The chart kinds the <Chart> component draws. */
export const CHART_KINDS = ['bar', 'small-multiples', 'time-series', 'proportion', 'waffle', 'numbers'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(kind: string): kind is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(kind);
}

/** Units that count the same thing: 人 and 名 both count people. */
const SAME_UNIT: Record<string, string> = { 名: '人', 位: '人' };

/** The unit a comparison cares about: 名 and 人 are one, everything else as printed. */
export function unitFamily(unit: string): string {
  return SAME_UNIT[unit] ?? unit;
}

const RATE_UNITS = new Set(['%', '‰']);

/**
 * Why these metrics cannot share this chart, or undefined when they can: bars and panels need
 * one unit (one scale), rates need % or ‰.
 */
export function unitProblem(kind: ChartKind, resolved: readonly ResolvedMetric[]): string | undefined {
  if (kind === 'numbers' || resolved.length === 0) return undefined;
  const units = [...new Set(resolved.map((r) => r.metric.unit))];
  if (kind === 'proportion' || kind === 'waffle') {
    const other = units.filter((u) => !RATE_UNITS.has(u));
    return other.length > 0 ? `a ${kind} chart shows rates (% or ‰), but ${describeUnits(resolved, other)}` : undefined;
  }
  const families = [...new Set(units.map(unitFamily))];
  if (families.length > 1)
    return `a ${kind} chart needs one unit, but the metrics have ${describeUnits(resolved, units)}`;
  return undefined;
}

/**
 * Why these figures must not share one axis, or undefined when they may: bars and rate bars
 * from different articles that measure different things or different periods invite a
 * comparison their own note forbids. Small multiples get a scale per panel instead (see renderChart).
 */
export function comparisonProblem(kind: ChartKind, resolved: readonly ResolvedMetric[]): string | undefined {
  if ((kind !== 'bar' && kind !== 'proportion') || !incomparable(resolved)) return undefined;
  const what = [...new Set(resolved.map((r) => `${r.article.region} ${periodText(r)} ${r.metric.label}`))].join('; ');
  const fix =
    kind === 'bar'
      ? 'use kind="numbers" (each figure on its own, with its place and period), or one chart per article'
      : 'use kind="waffle" (each rate a figure of its own), or one chart per article';
  return `a ${kind} chart puts figures on one axis, but these come from different articles and measure different things or periods (${what}); ${fix}`;
}

/** Figures from different articles whose labels or periods differ: not one measure, not to be compared. */
export function incomparable(resolved: readonly ResolvedMetric[]): boolean {
  if (!spansArticles(resolved)) return false;
  return new Set(resolved.map((r) => r.metric.label)).size > 1 || new Set(resolved.map(periodText)).size > 1;
}

function describeUnits(resolved: readonly ResolvedMetric[], units: readonly string[]): string {
  return units
    .map((u) => {
      const refs = resolved.filter((r) => r.metric.unit === u).map((r) => r.ref);
      return `"${u || '(no unit)'}" (${refs.join(', ')})`;
    })
    .join(' and ');
}

/** "2017年3月—2020年9月", "2020年", or the article's year marked as such: "2020年报道". */
export function periodText(r: Pick<ResolvedMetric, 'metric' | 'article'>): string {
  const period = r.metric.period;
  if (period === undefined) return `${r.article.year}年报道`;
  const part = (p: string): string => {
    const [y, m, d] = p.split('-');
    return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  };
  const [start, end] = period.split('/');
  return end === undefined ? part(start ?? period) : `${part(start ?? '')}—${part(end)}`;
}

/** When a figure applies, for charts that place it in time: its period, else the article's year. */
export function metricDate(r: Pick<ResolvedMetric, 'metric' | 'article'>): string {
  return r.metric.period ?? String(r.article.year);
}

/** True when references come from more than one article (labels must then say where). */
export function spansArticles(resolved: readonly ResolvedMetric[]): boolean {
  return new Set(resolved.map((r) => r.article.slug)).size > 1;
}

/**
 * One figure as chart data. Across articles a bar's label starts with the place and period
 * (巨野县 · 2020年报道 · 乳腺癌筛查人数), because the reader must see that years and places differ.
 */
export function toChartDatum(r: ResolvedMetric, kind: ChartKind, across: boolean): ChartDatum {
  const datum: ChartDatum = {
    id: r.ref,
    label: r.metric.label,
    value: r.metric.value,
    unit: r.metric.unit,
    href: r.href,
    date: metricDate(r),
    group: r.article.region,
  };
  if (r.metric.qualifier !== undefined) datum.qualifier = r.metric.qualifier;
  // Number callouts print the place and period in their own note line instead.
  if (across && (kind === 'bar' || kind === 'proportion' || kind === 'waffle')) {
    datum.label = `${r.article.region} · ${periodText(r)} · ${r.metric.label}`;
  }
  if (kind === 'time-series' && !across) {
    // One article: one line per label, not one line for the whole place.
    datum.group = r.metric.label;
  }
  if (kind === 'small-multiples' && !across) datum.group = r.metric.label;
  return datum;
}

/**
 * A chart's downloads have the columns of /data/metrics.csv (src/figures/metrics-export.ts), limited to
 * the chart's figures, so a reader can join them with the full table. `site` is the origin of the links.
 */
export function downloadSources(resolved: readonly ResolvedMetric[], site = ''): MetricSource[] {
  return resolved.map((r) => ({ article: r.article, metric: r.metric, site }));
}

/** The CSV download of a chart's figures. */
export function toCsv(resolved: readonly ResolvedMetric[], site = ''): string {
  return metricsCsv(downloadSources(resolved, site));
}

/** The JSON download of a chart's figures: the rows of /data/metrics.json. */
export function toJsonRows(resolved: readonly ResolvedMetric[], site = ''): DataRecord[] {
  return metricRecords(downloadSources(resolved, site));
}

/** CSV of other chart data (timeline events, places), through the site's one CSV writer. */
export function csvOf<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T & string>): string {
  return csvOfRecords(rows, columns);
}

export function toJson(rows: readonly object[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * A `data:` URI of UTF-8 text, percent-encoded: larger than base64 in the raw HTML, but it
 * gzips to less over the wire (byte-aligned repeats), and it stays readable in the source.
 */
export function dataUri(text: string, mime: string): string {
  return `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;
}

/** File name for a chart's download: chart-<slug of the title or refs>.csv. */
export function downloadName(resolved: readonly ResolvedMetric[], extension: 'csv' | 'json'): string {
  const slugs = [...new Set(resolved.map((r) => r.article.slug))];
  const base =
    slugs.length === 1
      ? `${slugs[0]}-${resolved.length === 1 ? (resolved[0]?.metric.id ?? 'data') : 'figures'}`
      : `figures-${slugs.length}-articles`;
  return `${base}.${extension}`;
}
