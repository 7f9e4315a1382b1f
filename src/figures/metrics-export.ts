/**
 * The archive's figures as open data: one list of columns makes /data/metrics.csv, /data/metrics.json,
 * every chart's CSV/JSON download, the data dictionary on /data/ and the metrics resource of
 * /data/datapackage.json, so they cannot drift apart.
 */
import type { Metric } from '../schemas/metric.ts';
import { csvOfColumns, recordsOf, type DataColumn, type DataRecord } from '../lib/csv.ts';
import { QUALIFIERS } from '../schemas/metric.ts';

/** What a metric row needs of its article. */
export interface ExportArticle {
  slug: string;
  title: string;
  region: string;
  city: string;
  year: number;
  publication?: string | undefined;
}

/** A metric with its article, and the site origin its links are built on ("" for site-relative links). */
export interface MetricSource {
  article: ExportArticle;
  metric: Metric;
  site: string;
}

/** The statuses a figure can have (issue 15): only `actual` is something achieved. */
export const METRIC_STATUSES = ['actual', 'forecast', 'target', 'plan'] as const;

const PENDING = '由指标模式新增，尚未标注的为空';

/**
 * Fields the metric schema is gaining (kind, status, cumulative with its span, base, printed) are
 * read by name and type-checked here, so this export works before and after that schema lands.
 */
function extra(metric: object, name: string): unknown {
  return (metric as Record<string, unknown>)[name];
}

/** Plain text of a field that may be a string, a number, a list or a small object. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return (
      value
        .map(textOf)
        .filter((t) => t !== null)
        .join('、') || null
    );
  if (typeof value === 'object' && value !== null) {
    return (
      Object.values(value)
        .map(textOf)
        .filter((t) => t !== null)
        .join(' ') || null
    );
  }
  return null;
}

function cumulativeOf(metric: Metric): boolean | null {
  const value = extra(metric, 'cumulative');
  if (typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null) return true;
  return null;
}

function spanOf(metric: Metric): string | null {
  const cumulative = extra(metric, 'cumulative');
  const nested = typeof cumulative === 'object' && cumulative !== null ? extra(cumulative, 'span') : undefined;
  return textOf(extra(metric, 'span') ?? nested);
}

export function articleLink(site: string, slug: string): string {
  return `${site}/articles/${encodeURIComponent(slug)}/`;
}

export const METRIC_COLUMNS: readonly DataColumn<MetricSource>[] = [
  {
    name: 'id',
    type: 'string',
    title: '指标编号',
    description: '在同一篇文章内唯一，与 article 合起来唯一标识一行；也是原句在文章页上的锚点。',
    required: true,
    value: (s) => s.metric.id,
  },
  {
    name: 'article',
    type: 'string',
    title: '文章短名',
    description: '文章的短名（slug），对应 articles.csv 的 slug 列。',
    required: true,
    value: (s) => s.article.slug,
  },
  {
    name: 'article_title',
    type: 'string',
    title: '文章标题',
    description: '文章标题，按原刊。',
    required: true,
    value: (s) => s.article.title,
  },
  {
    name: 'article_url',
    type: 'string',
    format: 'uri',
    title: '文章网址',
    description: '文章页面的完整网址。',
    required: true,
    value: (s) => articleLink(s.site, s.article.slug),
  },
  {
    name: 'region',
    type: 'string',
    title: '地区',
    description: '文章报道的县级地区（如 巨野县）；全市性的报道为市名。',
    required: true,
    value: (s) => s.article.region,
  },
  {
    name: 'city',
    type: 'string',
    title: '地级市',
    description: '地区所属的地级市（如 菏泽市）。',
    required: true,
    value: (s) => s.article.city,
  },
  {
    name: 'year',
    type: 'integer',
    title: '报道年份',
    description: '文章报道的年份。数字本身所属的时间见 period，两者可能不同。',
    required: true,
    value: (s) => s.article.year,
  },
  {
    name: 'publication',
    type: 'string',
    title: '原刊媒体',
    description: '刊载原文的报纸或媒体，原文印明时才有（如 齐鲁晚报·齐鲁壹点）；空表示原文未印明。',
    required: false,
    value: (s) => s.article.publication ?? null,
  },
  {
    name: 'label',
    type: 'string',
    title: '指标名称',
    description:
      '数字统计的是什么（谁或什么、属于哪一方面），如 65岁以上老年人健康管理人数。由录入程序据原句拟定，编辑按标签规则复核更正（更正记录在项目的 content/label-corrections.yaml），不是原文；以原句为准。',
    required: true,
    value: (s) => s.metric.label,
  },
  {
    name: 'value',
    type: 'number',
    title: '数值',
    description:
      '数值，万（×10⁴）和亿（×10⁸）已换算：275.3万 → 2753000。百分数、千分数记其本身：78.5% → 78.5，单位见 unit。名次记名次数：全省第四 → 4。带“余、近、约”等的数取印出的数（1000余万元 → 10000000），修饰语见 qualifier。',
    required: true,
    value: (s) => s.metric.value,
  },
  {
    name: 'unit',
    type: 'string',
    title: '单位',
    description:
      '单位，按原文：人、人次、元、%、‰、个、家……；“万元”的“万”已计入 value，unit 记“元”。空表示原文没有单位。',
    required: false,
    value: (s) => s.metric.unit,
  },
  {
    name: 'printed',
    type: 'string',
    title: '原文数字',
    description:
      '数字在原文中印出的样子，含修饰语、万/亿和单位，如 275.3万余元、近40万人次、全省第四。引用时以它为准。',
    required: false,
    note: '由指标模式的 printed 字段提供',
    value: (s) => s.metric.printed ?? null,
  },
  {
    name: 'qualifier',
    type: 'string',
    title: '修饰语',
    description:
      '数字的修饰语：about ＝约、左右；over ＝余、多、超、以上；nearly ＝近；under ＝以内、不足。空表示原文没有修饰语，是确数。',
    required: false,
    enum: QUALIFIERS,
    value: (s) => s.metric.qualifier ?? null,
  },
  {
    name: 'kind',
    type: 'string',
    title: '数字种类',
    description:
      'count 计数（人、物、次），amount 金额，measure 面积、规模等量，rate 比率（%、‰），ratio 比值（如每千人口托位数），rank 名次，streak 连续获得荣誉的届数。',
    required: false,
    note: PENDING,
    value: (s) => textOf(extra(s.metric, 'kind')),
  },
  {
    name: 'status',
    type: 'string',
    title: '性质',
    description:
      'actual 已完成或实测；forecast 预计（预计……将达到）；target 目标（目标、力争）；plan 计划（计划、预计总投资）。只有 actual 是已经达到的数。',
    required: false,
    enum: METRIC_STATUSES,
    note: PENDING,
    value: (s) => textOf(extra(s.metric, 'status')),
  },
  {
    name: 'cumulative',
    type: 'boolean',
    title: '是否累计',
    description: 'true 表示原文给的是一段时间的累计数（累计、……以来共），时段见 span；false 表示不是。',
    required: false,
    note: PENDING,
    value: (s) => cumulativeOf(s.metric),
  },
  {
    name: 'span',
    type: 'string',
    title: '累计时段',
    description: '累计数的时段，按原文（如 2016年以来）；原文未写明时为空。',
    required: false,
    note: PENDING,
    value: (s) => spanOf(s.metric),
  },
  {
    name: 'base',
    type: 'string',
    title: '基数',
    description: '比率或人均数相对的基数，按原文（每人每月、每千人口、占全区总诊疗量）；名次的比较范围（全省、全国）。',
    required: false,
    note: PENDING,
    value: (s) => textOf(extra(s.metric, 'base')),
  },
  {
    name: 'period',
    type: 'string',
    title: '所属时间',
    description:
      '数字所属的时间，ISO 8601：年 2020、年月 2023-10、日期 2020-01-15；时段用斜线连接起止：2020-01/2020-11 即2020年1月至11月。据原句，否则据所在段落；空表示原文没有写明（可参照 year）。',
    required: false,
    value: (s) => s.metric.period ?? null,
  },
  {
    name: 'topic',
    type: 'string',
    title: '主题',
    description: '数字所属的主题（如 妇幼健康），与网站的主题页一致。',
    required: true,
    value: (s) => s.metric.topic,
  },
  {
    name: 'quote',
    type: 'string',
    title: '原句',
    description: '数字所在的原句，一字不改（录入校勘见文章页的“来源与校勘”）。',
    required: true,
    value: (s) => s.metric.quote,
  },
  {
    name: 'quote_url',
    type: 'string',
    format: 'uri',
    title: '原句网址',
    description: '原句在文章页上的位置：文章网址加 #id。',
    required: true,
    value: (s) => `${articleLink(s.site, s.article.slug)}#${encodeURIComponent(s.metric.id)}`,
  },
];

/** Every metric of the articles, with its article, in archive order. */
export function metricSources(
  articles: ReadonlyArray<ExportArticle & { metrics: readonly Metric[] }>,
  site: string,
): MetricSource[] {
  return articles.flatMap((article) => article.metrics.map((metric) => ({ article, metric, site })));
}

/** Rows of /data/metrics.json and of a chart's JSON download. */
export function metricRecords(sources: readonly MetricSource[]): DataRecord[] {
  return recordsOf(METRIC_COLUMNS, sources);
}

/** /data/metrics.csv, and a chart's CSV download: the same columns. */
export function metricsCsv(sources: readonly MetricSource[]): string {
  return csvOfColumns(METRIC_COLUMNS, sources);
}
