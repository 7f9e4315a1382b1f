/**
 * Horizontal bars for comparing values. Mobile-first layout: each label sits on its own line(s)
 * above its bar, using the full width, so long Chinese labels wrap (two lines, then "…") instead
 * of squeezing the bars; the value is printed at the end of each bar. Handles negative values
 * (bars grow left from a zero rule).
 */
import { scaleLinear } from 'd3';
import { dataTable } from './data-table.ts';
import {
  DEFAULT_WIDTH,
  FONT,
  LINE_HEIGHT,
  emptyChart,
  frame,
  markAttrs,
  summarize,
  textLines,
  valueText,
} from './frame.ts';
import { COLORS, GRID_OPACITY } from './palette.ts';
import { el, type Markup } from './svg.ts';
import { textWidth, wrap } from './text.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

export interface BarChartOptions extends ChartOptions {
  /** Row order: largest first (default), smallest first, or as given. */
  sort?: 'desc' | 'asc' | 'none';
  /** Most lines of a label before it is cut with "…" (default 2). */
  maxLabelLines?: number;
}

const PAD = 8;
const BAR_HEIGHT = 18;
const LABEL_GAP = 4;
const ROW_GAP = 14;
const VALUE_GAP = 6;

/** Sorts a copy of `data` as `sort` asks (stable). */
export function sortData(data: readonly ChartDatum[], sort: 'desc' | 'asc' | 'none' = 'desc'): ChartDatum[] {
  const copy = [...data];
  if (sort === 'desc') copy.sort((a, b) => b.value - a.value);
  if (sort === 'asc') copy.sort((a, b) => a.value - b.value);
  return copy;
}

/** SVG markup of a horizontal bar chart of `data`. */
export function barChart(data: readonly ChartDatum[], options: BarChartOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const rows = sortData(
    data.filter((d) => Number.isFinite(d.value)),
    options.sort,
  );
  if (rows.length === 0) return emptyChart('bar', options, width);

  const values = rows.map((d) => d.value);
  const labels = rows.map(valueText);
  const valueWidth = (i: number) => textWidth(labels[i] ?? '', FONT.value);
  const maxPos = Math.max(0, ...rows.map((d, i) => (d.value >= 0 ? valueWidth(i) : 0)));
  const maxNeg = Math.max(0, ...rows.map((d, i) => (d.value < 0 ? valueWidth(i) : 0)));
  const x0 = PAD + (maxNeg > 0 ? maxNeg + VALUE_GAP : 0);
  const x1 = width - PAD - (maxPos > 0 ? maxPos + VALUE_GAP : 0);
  // No nice rounding: the longest bar uses the whole width, and widths stay proportional.
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const scale = scaleLinear()
    .domain(lo === hi ? [0, 1] : [lo, hi])
    .range([x0, Math.max(x0 + 1, x1)]);
  const zero = scale(0);

  let y = PAD;
  const marks: Markup[] = [];
  rows.forEach((d, i) => {
    const lines = wrap(d.label, width - 2 * PAD, FONT.label, options.maxLabelLines ?? 2);
    const labelTop = y;
    const labelHeight = lines.length * FONT.label * LINE_HEIGHT;
    const barY = labelTop + labelHeight + LABEL_GAP;
    const end = scale(d.value);
    const barX = Math.min(zero, end);
    const barW = Math.abs(end - zero);
    const truncated = lines.join('') !== d.label.replace(/\s+/g, ' ').trim();
    const positive = d.value >= 0;
    marks.push(
      el(
        'g',
        markAttrs(d),
        truncated ? el('title', {}, d.label) : null,
        textLines(lines, PAD, labelTop + FONT.label, FONT.label, { class: 'chart-label' }),
        el('rect', {
          class: 'chart-bar',
          x: barX,
          y: barY,
          width: barW,
          height: BAR_HEIGHT,
          fill: COLORS.primary,
          'data-width': barW,
        }),
        el(
          'text',
          {
            class: 'chart-value',
            x: positive ? end + VALUE_GAP : end - VALUE_GAP,
            y: barY + BAR_HEIGHT / 2,
            'dominant-baseline': 'central',
            'text-anchor': positive ? 'start' : 'end',
            'font-size': FONT.value,
            'font-weight': 600,
          },
          labels[i] ?? '',
        ),
      ),
    );
    y = barY + BAR_HEIGHT + ROW_GAP;
  });
  const height = y - ROW_GAP + PAD;
  const zeroRule = values.some((v) => v < 0)
    ? el('line', {
        x1: zero,
        x2: zero,
        y1: PAD,
        y2: height - PAD,
        stroke: COLORS.grid,
        'stroke-opacity': GRID_OPACITY * 2,
      })
    : null;

  return frame({
    kind: 'bar',
    options,
    width,
    height,
    summary: summarize(options.title, rows),
    seed: JSON.stringify(rows),
    body: [zeroRule, el('g', { class: 'chart-marks' }, marks)],
  });
}

/** The data table that goes with `barChart` (same rows, same order). */
export function barChartTable(data: readonly ChartDatum[], options: Pick<BarChartOptions, 'title' | 'sort'>): string {
  return dataTable(sortData(data, options.sort), { caption: options.title });
}
