import { z } from 'zod';

/** How a printed figure is hedged: 约 about, 余/多/超/以上 over, 近 nearly, 以内/不足 under. */
export const QUALIFIERS = ['about', 'over', 'nearly', 'under'] as const;

/** What kind of number a figure is (labelling rules: CONTRIBUTING.md). */
export const METRIC_KINDS = ['count', 'amount', 'measure', 'rate', 'ratio', 'rank', 'streak'] as const;

/** Whether a figure was reached, or is only expected (预计), aimed at (目标/力争) or planned (计划). */
export const METRIC_STATUSES = ['actual', 'forecast', 'target', 'plan'] as const;

/** One figure from an article, traceable to the sentence it came from. */
export const metricSchema = z.object({
  /** Stable, readable ASCII id, unique within the article; the anchor /articles/<slug>/#<id>. */
  id: z
    .string()
    .regex(
      /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
      'use lowercase ASCII letters, digits and hyphens, starting with a letter',
    ),
  /** The number with 万 (×10⁴) and 亿 (×10⁸) applied: 275.3万 → 2753000. */
  value: z.number(),
  /** Unit as printed after the number: 人, 人次, 元, %, ‰, 个, 家 … (empty when the text gives none). */
  unit: z.string(),
  /** What is measured, as a chart would print it: 65岁以上老年人健康管理人数. */
  label: z.string().min(1),
  /** Topic name (or id) from content/taxonomy.yaml: 妇幼健康. */
  topic: z.string().min(1),
  /** When the figure applies, as the text gives it: "2020", "2020-01/2020-11", "2017-03/2020-09". */
  period: z.string().optional(),
  /** Hedge printed with the figure (约/余/近/超/以上 …). */
  qualifier: z.enum(QUALIFIERS).optional(),
  /** The exact sentence of the article body the figure came from. */
  quote: z.string().min(1),
  /** The figure exactly as printed in the quote, hedges and rank words included: "275.3万余元", "全省第四". */
  printed: z.string().optional(),
  /** count (人, 个…), amount (元), measure (平方米…), rate (%, ‰), ratio (110.7, 千人托位数), rank (全省第四), streak (连续十届). */
  kind: z.enum(METRIC_KINDS).optional(),
  /** actual unless the text says 预计 (forecast), 目标/力争 (target) or 计划/拟 (plan); absent means actual. */
  status: z.enum(METRIC_STATUSES).optional(),
  /** A running total (累计, 2016年以来…共); absent means not. */
  cumulative: z.boolean().optional(),
  /** The running total's span as printed: "2016年以来". */
  span: z.string().optional(),
  /** What a rate, per-unit figure or rank is relative to: 每人每月, 每千人口, 全区总诊疗量, 全省. */
  base: z.string().optional(),
});

export type Metric = z.infer<typeof metricSchema>;
export type Qualifier = (typeof QUALIFIERS)[number];
export type MetricKind = (typeof METRIC_KINDS)[number];
export type MetricStatus = (typeof METRIC_STATUSES)[number];
