import type { Metric } from '../schemas/metric.ts';
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
 * The article's most important figure. The metrics list is in reading order,
 * and a feature leads with its headline number, so the first figure with a
 * unit wins; a bare number (a rank, a count without unit) only if nothing else.
 */
export function keyFigure(metrics: readonly Metric[]): Metric | undefined {
  return metrics.find((m) => m.unit !== '') ?? metrics[0];
}
