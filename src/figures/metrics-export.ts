import type { Metric } from '../schemas/metric.ts';

/** One row of /data/metrics.json and /data/metrics.csv. */
export interface MetricRecord {
  id: string;
  article: string;
  value: number;
  unit: string;
  label: string;
  topic: string;
  period: string | null;
  qualifier: string | null;
  quote: string;
}

export const METRIC_COLUMNS: ReadonlyArray<keyof MetricRecord> = [
  'id',
  'article',
  'value',
  'unit',
  'label',
  'topic',
  'period',
  'qualifier',
  'quote',
];

export function metricRecords(articles: ReadonlyArray<{ slug: string; metrics: readonly Metric[] }>): MetricRecord[] {
  return articles.flatMap(({ slug, metrics }) =>
    metrics.map((m) => ({
      id: m.id,
      article: slug,
      value: m.value,
      unit: m.unit,
      label: m.label,
      topic: m.topic,
      period: m.period ?? null,
      qualifier: m.qualifier ?? null,
      quote: m.quote,
    })),
  );
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheet programs open the
 * Chinese correctly; CRLF line ends.
 */
export function toCsv<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T>): string {
  const lines = [columns.map((c) => csvCell(String(c))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] as string | number | null)).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
