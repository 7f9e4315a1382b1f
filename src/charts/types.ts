import type { Qualifier } from '../schemas/metric.ts';

/**
 * One value a chart draws. Built from a metric (see `from-metrics.ts`) or by hand.
 * Optional fields are left out, never set to undefined.
 */
export interface ChartDatum {
  /** Unique within one chart (a metric id, or `<slug>/<metric id>` across articles). */
  id: string;
  /** What is measured, as printed: 65岁以上老年人健康管理人数, or an event's text in a timeline. */
  label: string;
  /** The number with 万/亿 applied (275.3万 → 2753000). */
  value: number;
  /** Unit as printed after the number: 人, 元, %, ‰ … ('' when none). */
  unit: string;
  /** Where the figure comes from: /articles/<slug>/#<metric-id>. */
  href?: string;
  /** Hedge printed with the figure (约/余/近/不足). */
  qualifier?: Qualifier;
  /** Series or panel: a region (巨野县) in small multiples, a line in a time series. */
  group?: string;
  /** When it applies: "2020", "2020-03", "2020-03-12", or a range "2017-03/2020-09". */
  date?: string;
  /** The figure as printed (2000余万元, 全省第四): where the hedge goes, and how a rank reads. */
  printed?: string;
  /** The metric's kind (rank and streak print as ranks). */
  kind?: string;
  /** 预计 / 目标 / 计划 / 累计: shown beside the label in the chart's table, so a forecast never reads as a result. */
  tags?: string;
}

/** Options every SVG chart takes. */
export interface ChartOptions {
  /** Short title: the `<title>` of the SVG and the caption of its table. */
  title: string;
  /** Longer text alternative for `<desc>`; a summary of the data is generated when left out. */
  description?: string;
  /** Base for element ids; must be unique on the page. Defaults to a hash of title and data. */
  id?: string;
  /** Width of the viewBox in user units (the SVG itself scales to its container). */
  width?: number;
}

/** A date reduced to what charts need. */
export interface ParsedDate {
  year: number;
  /** 1–12, when given. */
  month?: number;
  /** 1–31, when given. */
  day?: number;
}
