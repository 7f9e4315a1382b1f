/**
 * The text alternative of every chart: an HTML `<table>` with a caption and scoped headers,
 * exact values, and a link to each figure's source sentence.
 */
import { compareDates, formatDateText, parseDate } from './scales.ts';
import { exactText, valueText } from './frame.ts';
import { el, elOpen, safeUrl, type Markup } from './svg.ts';
import type { ChartDatum } from './types.ts';

export interface DataTableOptions {
  /** Table caption (usually the chart title). */
  caption: string;
  /** Header of the label column (default 指标). */
  labelHeader?: string;
  /** Header of the value column (default 数值). */
  valueHeader?: string;
  /** Header of the group column, shown when any datum has a group (default 地区). */
  groupHeader?: string;
  /** Header of the date column, shown when any datum has a date (default 时间). */
  dateHeader?: string;
  /** Show the value column (default true; a timeline has none). */
  showValue?: boolean;
  /** Sort rows: by date (then input order) or keep input order (default). */
  sort?: 'date' | 'none';
  /** Extra class on the table. */
  className?: string;
}

function labelCell(d: ChartDatum, scope: boolean): Markup {
  const href = safeUrl(d.href);
  const label = d.tags === undefined ? d.label : `${d.label}（${d.tags}）`;
  const content = href ? el('a', { href }, label) : label;
  return scope ? elOpen('th', { scope: 'row' }, content) : elOpen('td', {}, content);
}

/** An accessible table of `data`: one row per datum, row header = label. */
export function dataTable(data: readonly ChartDatum[], options: DataTableOptions): string {
  const hasGroup = data.some((d) => d.group !== undefined && d.group !== '');
  const hasDate = data.some((d) => d.date !== undefined && d.date !== '');
  const showValue = options.showValue ?? true;
  const rows =
    options.sort === 'date' ? [...data].sort((a, b) => compareDates(parseDate(a.date), parseDate(b.date))) : [...data];

  const head = el(
    'tr',
    {},
    hasGroup ? el('th', { scope: 'col' }, options.groupHeader ?? '地区') : null,
    hasDate ? el('th', { scope: 'col' }, options.dateHeader ?? '时间') : null,
    el('th', { scope: 'col' }, options.labelHeader ?? '指标'),
    showValue ? el('th', { scope: 'col' }, options.valueHeader ?? '数值') : null,
  );
  const body =
    rows.length === 0
      ? el('tr', {}, el('td', { colspan: (hasGroup ? 1 : 0) + (hasDate ? 1 : 0) + (showValue ? 2 : 1) }, '暂无数据'))
      : rows.map((d) => {
          return el(
            'tr',
            { 'data-id': d.id },
            hasGroup ? elOpen('td', {}, d.group ?? '') : null,
            hasDate ? elOpen('td', {}, d.date ? formatDateText(d.date) : '') : null,
            labelCell(d, true),
            showValue
              ? el('td', { class: 'num', 'data-value': String(d.value), title: valueText(d) }, exactText(d))
              : null,
          );
        });
  return el(
    'table',
    { class: ['chart-table', options.className].filter(Boolean).join(' ') },
    el('caption', {}, options.caption),
    el('thead', {}, head),
    el('tbody', {}, body),
  ).toString();
}
