import type { Metric } from '../schemas/metric.ts';
import { headlineNumbers, rateFigures } from '../charts/article-graphic.ts';
import { formatExact, formatFigure } from '../figures/format-number.ts';
import { figureTags } from '../figures/figure-tags.ts';

/** A figure as the interface shows it: the number large, its hedge and unit small. */
export interface FigureDisplay {
  id: string;
  label: string;
  /** 约 / 近 / 不足 before the number (全省第 before a rank), or '' */
  prefix: string;
  /** "10.2", "98.5", "4" */
  number: string;
  /** 万 / 亿 with 余 and the unit: "万人", "余万元", "万余元", "%" */
  suffix: string;
  /** The whole figure in one string, for text and screen readers: "10.2万人", "全省第4". */
  text: string;
  /** Every digit, for a title attribute: "101,981人". */
  exact: string;
  /** 预计 / 目标 / 计划 / 累计: what kind of fact the figure is, shown beside it. */
  tags: string[];
  /** The tags with the running total's span, for screen readers and titles: "累计（2016年以来）". */
  tagText: string;
  period?: string;
}

/** How a metric prints in a card or the 数据 panel, with the same rules as the charts (format-number.ts). */
export function displayFigure(metric: Metric): FigureDisplay {
  const text = formatFigure(metric);
  // Split around the number so it can be set large: 约|60|%, |2000|余万元, 全省第|4|.
  const digits = /[0-9][0-9.,]*/u.exec(text);
  const at = digits?.index ?? 0;
  const number = digits?.[0] ?? text;
  const ranked = metric.kind === 'rank' || metric.kind === 'streak';
  const tags = figureTags(metric);
  const display: FigureDisplay = {
    id: metric.id,
    label: metric.label,
    prefix: digits === null ? '' : text.slice(0, at),
    number,
    suffix: digits === null ? '' : text.slice(at + number.length),
    text,
    exact: ranked ? (metric.printed ?? text) : formatExact(metric.value, metric.unit, { qualifier: metric.qualifier }),
    tags: tags.tags,
    tagText: tags.text,
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
