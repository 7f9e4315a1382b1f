/**
 * Which of an article's figures its page shows as graphics, chosen so that only comparable
 * figures share a scale:
 * - headline numbers: for the article's busiest topics (most figures first), the largest count
 *   of people, visits or money in that topic — each a callout on its own, so units never mix;
 * - rates: every % figure, distinct labels, 100 % ones last (many articles print a run of
 *   "均达100%"), up to eight, grouped by topic: unrelated rates never share an axis, each
 *   topic's rates are a chart of their own;
 * - bars: when the article prints fewer than two different rates, the largest set of figures
 *   with one unit (人 and 名 counted as one) in one topic, three to eight of them, leaving out
 *   figures under 1/50 of the largest (they would be slivers).
 */
import type { Metric } from '../schemas/metric.ts';
import { unitFamily } from './chart-data.ts';

export interface ArticleGraphicPlan {
  numbers: Metric[];
  rates: Metric[];
  bars: Metric[];
}

/** Units a headline number may have: people, visits, money, doses, copies. */
const HEADLINE_UNITS = new Set(['人', '名', '人次', '元', '次', '份', '剂', '户']);
const MAX_NUMBERS = 4;
const MAX_RATES = 8;
const MAX_BARS = 8;
const MIN_SHARE = 50;

function topicsByCount(metrics: readonly Metric[]): string[] {
  const counts = new Map<string, number>();
  for (const m of metrics) counts.set(m.topic, (counts.get(m.topic) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([t]) => t);
}

export function headlineNumbers(metrics: readonly Metric[], max = MAX_NUMBERS): Metric[] {
  const picked: Metric[] = [];
  for (const topic of topicsByCount(metrics)) {
    const best = metrics
      .filter((m) => m.topic === topic && HEADLINE_UNITS.has(m.unit) && m.value >= 100)
      .sort((a, b) => b.value - a.value)[0];
    if (best) picked.push(best);
    if (picked.length === max) break;
  }
  return picked;
}

export function rateFigures(metrics: readonly Metric[], max = MAX_RATES): Metric[] {
  const seen = new Set<string>();
  const rates = metrics.filter((m) => {
    if (m.unit !== '%' || seen.has(m.label)) return false;
    seen.add(m.label);
    return true;
  });
  // Stable: figures below or above 100 % first, in reading order; then the 100 % ones.
  return [...rates.filter((m) => m.value !== 100), ...rates.filter((m) => m.value === 100)].slice(0, max);
}

export function comparableBars(metrics: readonly Metric[], max = MAX_BARS): Metric[] {
  const groups = new Map<string, Metric[]>();
  for (const m of metrics) {
    if (m.unit === '%' || m.unit === '‰' || m.unit === '') continue;
    const key = `${m.topic}\u0000${unitFamily(m.unit)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const best = [...groups.values()]
    .map((g) => {
      const seen = new Set<string>();
      // Bars under 1/50 of the longest are unreadable slivers: leave them to the text.
      const top = Math.max(...g.map((m) => m.value));
      return g.filter((m) => m.value >= top / MIN_SHARE && !seen.has(m.label) && seen.add(m.label));
    })
    .filter((g) => g.length >= 3)
    .sort((a, b) => b.length - a.length || Math.max(...b.map((m) => m.value)) - Math.max(...a.map((m) => m.value)))[0];
  return best ? [...best].sort((a, b) => b.value - a.value).slice(0, max) : [];
}

/** Rates grouped by what they measure (their topic), topics in order of first appearance. */
export function rateGroups(rates: readonly Metric[]): Metric[][] {
  const groups = new Map<string, Metric[]>();
  for (const m of rates) groups.set(m.topic, [...(groups.get(m.topic) ?? []), m]);
  return [...groups.values()];
}

/** A chart title that names the place and what is counted; the unit is printed with every value, so not here. */
export function barsTitle(region: string, bars: readonly Metric[]): string {
  return `${region}：${bars[0]?.topic ?? ''}`;
}

export function planArticleGraphic(metrics: readonly Metric[]): ArticleGraphicPlan {
  const rates = rateFigures(metrics);
  // Two or more rates that differ make a chart; a row of identical 100 % bars says less than bars of counts.
  const useRates = rates.length >= 2 && new Set(rates.map((m) => m.value)).size > 1;
  return {
    numbers: headlineNumbers(metrics),
    rates: useRates ? rates : [],
    bars: useRates ? [] : comparableBars(metrics),
  };
}

export interface ArticleGraphicChart {
  kind: 'numbers' | 'proportion' | 'bar';
  title: string;
  metrics: Metric[];
  sort: 'none' | 'desc';
}

/** The charts an article's page shows, in page order: headline numbers, one chart per topic of rates, or bars. */
export function articleGraphicCharts(region: string, metrics: readonly Metric[]): ArticleGraphicChart[] {
  const plan = planArticleGraphic(metrics);
  const charts: ArticleGraphicChart[] = [];
  if (plan.numbers.length > 0)
    charts.push({ kind: 'numbers', title: `${region}：本文要点数字`, metrics: plan.numbers, sort: 'none' });
  // One chart per topic: rates that measure different things never share an axis.
  for (const rates of rateGroups(plan.rates))
    charts.push({
      kind: 'proportion',
      title: `${region}：${rates[0]?.topic ?? ''}的比率`,
      metrics: rates,
      sort: 'none',
    });
  if (plan.bars.length > 0)
    charts.push({ kind: 'bar', title: barsTitle(region, plan.bars), metrics: plan.bars, sort: 'desc' });
  return charts;
}

/**
 * Where the page's chart number `index` (from 1) offers its figures: a file per chart under /data/charts/,
 * rather than a data: URI in the page (which would make every article page several kilobytes heavier).
 */
export function articleChartDataPath(slug: string, index: number, extension: 'csv' | 'json'): string {
  return `/data/charts/${slug}-${index}.${extension}`;
}
