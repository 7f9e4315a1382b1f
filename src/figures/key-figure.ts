import type { Metric } from '../schemas/metric.ts';
import { headlineNumbers, rateFigures } from '../charts/article-graphic.ts';
import { formatExact, formatNumber } from './format-number.ts';

/** A figure as the interface shows it: the number large, its hedge and unit small. */
export interface FigureDisplay {
  id: string;
  label: string;
  /** 约 / 近 / 不足 before the number, or '' */
  prefix: string;
  /** "10.2", "98.5" */
  number: string;
  /** 万 / 亿 with 余 and the unit: "万人", "万余元", "%" */
  suffix: string;
  /** The whole figure in one string, for text and screen readers: "10.2万人". */
  text: string;
  /** Every digit, for a title attribute: "101,981人". */
  exact: string;
  period?: string;
}

/** How a metric prints in a card or the 数据 panel, with the same rules as the charts (format-number.ts). */
export function displayFigure(metric: Metric): FigureDisplay {
  const bare = formatNumber(metric.value, metric.unit).slice(0, -metric.unit.length || undefined);
  const number = bare.replace(/[万亿]$/u, '');
  const text = formatNumber(metric.value, metric.unit, { qualifier: metric.qualifier });
  // text = hedge before + number + 万/亿 + 余 + unit; split around the number so it can be set large.
  const at = text.indexOf(bare);
  const display: FigureDisplay = {
    id: metric.id,
    label: metric.label,
    prefix: text.slice(0, at),
    number,
    suffix: text.slice(at + number.length),
    text,
    exact: formatExact(metric.value, metric.unit, { qualifier: metric.qualifier }),
  };
  if (metric.period) display.period = metric.period;
  return display;
}

/**
 * The article's most important figure: the largest count of people, visits or
 * money in its busiest topic (the rule its graphic's headline numbers follow);
 * failing that, the first figure with a unit; a bare number only if nothing else.
 */
export function keyFigure(metrics: readonly Metric[]): Metric | undefined {
  return headlineNumbers(metrics, 1)[0] ?? metrics.find((m) => m.unit !== '') ?? metrics[0];
}

/**
 * The handful of figures the 数据 panel leads with: the headline numbers, then
 * the article's rates, in reading order; the full list stays one click away.
 */
export function keyFigures(metrics: readonly Metric[], max = 6): Metric[] {
  const chosen = new Set([...headlineNumbers(metrics, 4), ...rateFigures(metrics)].slice(0, max));
  if (chosen.size === 0) metrics.slice(0, max).forEach((m) => chosen.add(m));
  return metrics.filter((m) => chosen.has(m));
}
