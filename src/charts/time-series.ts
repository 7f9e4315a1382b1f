/**
 * Line + points over years. One line per `group` (series); years (or year-months) on the x axis,
 * a nice zero-based value axis with Chinese ticks. A single point is drawn as a point with its
 * value. Missing years between two points are a gap: the line is dashed and thin across it and
 * a note says so. Series differ by colour, marker shape and dash, with a legend in words.
 */
import { group as groupBy, line } from 'd3';
import { dataTable } from './data-table.ts';
import { DEFAULT_WIDTH, FONT, emptyChart, exactText, frame, markAttrs, valueText } from './frame.ts';
import { COLORS, DASHES, GRID_OPACITY, MARKERS, MUTED_OPACITY, seriesColor, type Marker } from './palette.ts';
import { compareDates, dateToYear, formatDate, linearAxis, parseDate, yearTicks } from './scales.ts';
import { el, type Markup } from './svg.ts';
import { textWidth, truncate } from './text.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

export interface TimeSeriesOptions extends ChartOptions {
  /** Years between two points beyond which the line is a gap (default 1: annual data). */
  maxStep?: number;
  /** Height of the plot area (default 180). */
  plotHeight?: number;
  /** Start the value axis at zero (default true). */
  zero?: boolean;
}

interface Point {
  datum: ChartDatum;
  t: number;
}

interface Series {
  name: string;
  points: Point[];
}

const PAD = 8;
const MARKER_R = 4.5;

/** A point marker of `shape` centred on (x, y). */
export function marker(shape: Marker, x: number, y: number, r: number, attrs: Record<string, string | number>): Markup {
  const rx = Math.round(x * 10) / 10;
  const ry = Math.round(y * 10) / 10;
  switch (shape) {
    case 'circle':
      return el('circle', { cx: rx, cy: ry, r, ...attrs });
    case 'square':
      return el('rect', { x: rx - r * 0.9, y: ry - r * 0.9, width: r * 1.8, height: r * 1.8, ...attrs });
    case 'triangle': {
      const h = r * 1.15;
      return el('path', {
        d: `M${rx},${Math.round((ry - h) * 10) / 10}L${Math.round((rx + h) * 10) / 10},${Math.round((ry + h * 0.8) * 10) / 10}H${Math.round((rx - h) * 10) / 10}Z`,
        ...attrs,
      });
    }
    case 'diamond': {
      const h = r * 1.25;
      const f = (n: number) => Math.round(n * 10) / 10;
      return el('path', {
        d: `M${rx},${f(ry - h)}L${f(rx + h)},${ry}L${rx},${f(ry + h)}L${f(rx - h)},${ry}Z`,
        ...attrs,
      });
    }
  }
}

/** Dated points grouped into series (undated data are left out), each sorted by date. */
export function seriesOf(data: readonly ChartDatum[]): Series[] {
  const dated = data.filter((d) => Number.isFinite(d.value) && parseDate(d.date));
  return [...groupBy(dated, (d) => d.group ?? '')].map(([name, items]) => ({
    name,
    points: items
      .map((datum) => ({ datum, date: parseDate(datum.date) }))
      .sort((a, b) => compareDates(a.date, b.date))
      .map(({ datum, date }) => ({ datum, t: date ? dateToYear(date) : 0 })),
  }));
}

/** SVG markup of a time series of `data` (each datum needs a `date`). */
export function timeSeries(data: readonly ChartDatum[], options: TimeSeriesOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const series = seriesOf(data);
  const points = series.flatMap((s) => s.points);
  const skipped = data.length - points.length;
  if (points.length === 0) return emptyChart('time-series', options, width);

  const maxStep = options.maxStep ?? 1;
  const multi = series.length > 1;
  const units = [...new Set(points.map((p) => p.datum.unit))];
  const unit = units.length === 1 ? (units[0] ?? '') : '';

  // Legend (several series): marker + name, wrapping onto rows.
  const legendItems: Markup[] = [];
  let legendX = PAD;
  let legendY = PAD + FONT.small;
  if (multi) {
    series.forEach((s, i) => {
      const name = truncate(s.name || '（未命名）', width / 2, FONT.small);
      const w = 26 + textWidth(name, FONT.small) + 14;
      if (legendX + w > width - PAD && legendX > PAD) {
        legendX = PAD;
        legendY += FONT.small * 1.5;
      }
      const color = seriesColor(i);
      legendItems.push(
        el(
          'g',
          { class: 'chart-legend-item' },
          el('line', {
            x1: legendX,
            x2: legendX + 20,
            y1: legendY - 4,
            y2: legendY - 4,
            stroke: color,
            'stroke-width': 2,
            'stroke-dasharray': DASHES[i % DASHES.length],
          }),
          marker(MARKERS[i % MARKERS.length] ?? 'circle', legendX + 10, legendY - 4, 3.5, { fill: color }),
          el('text', { x: legendX + 26, y: legendY, 'font-size': FONT.small }, name),
        ),
      );
      legendX += w;
    });
  }
  const plotTop = (multi ? legendY + 10 : PAD) + FONT.value + 6; // room for value labels above points
  const plotH = options.plotHeight ?? 180;
  const axis = linearAxis(
    points.map((p) => p.datum.value),
    [plotTop + plotH, plotTop],
    { tickCount: 4, unit, zero: options.zero ?? true },
  );
  const left = PAD + Math.max(...axis.ticks.map((t) => textWidth(t.label, FONT.small))) + 6;
  // Several series: the last value of each is printed right of its line end, so reserve room.
  const endLabelW = multi
    ? Math.max(
        ...series.map((s) =>
          textWidth(valueText(s.points[s.points.length - 1]?.datum ?? { value: 0, unit: '' }), FONT.value),
        ),
      ) + 10
    : 0;
  const right = width - PAD - Math.max(12, endLabelW);

  const ts = points.map((p) => p.t);
  const tMin = Math.min(...ts);
  const tMax = Math.max(...ts);
  const span = tMax - tMin;
  const xDomain: [number, number] = span === 0 ? [tMin - 1, tMax + 1] : [tMin, tMax];
  const inset = 18;
  const x = (t: number) => left + inset + ((t - xDomain[0]) / (xDomain[1] - xDomain[0])) * (right - left - 2 * inset);
  const y = (v: number) => axis.scale(v);
  const years = span === 0 ? [Math.floor(tMin)] : yearTicks(tMin, tMax, Math.max(2, Math.floor((right - left) / 48)));
  const bottom = plotTop + plotH;

  const grid = axis.ticks.map((t) =>
    el(
      'g',
      { class: 'chart-tick' },
      el('line', {
        x1: left,
        x2: right,
        y1: t.position,
        y2: t.position,
        stroke: COLORS.grid,
        'stroke-opacity': t.value === 0 ? GRID_OPACITY * 2.5 : GRID_OPACITY,
      }),
      el(
        'text',
        {
          x: left - 6,
          y: t.position,
          'text-anchor': 'end',
          'dominant-baseline': 'central',
          'font-size': FONT.small,
          'fill-opacity': MUTED_OPACITY,
        },
        t.label,
      ),
    ),
  );
  const xTicks = years.map((yr) =>
    el(
      'text',
      {
        x: x(yr),
        y: bottom + FONT.small + 6,
        'text-anchor': 'middle',
        'font-size': FONT.small,
        'fill-opacity': MUTED_OPACITY,
      },
      String(yr),
    ),
  );

  const path = line<Point>()
    .x((p) => x(p.t))
    .y((p) => y(p.datum.value))
    .digits(1);
  // End labels of several series, pushed apart vertically so they never overlap.
  const endLabels = multi
    ? series
        .map((s, si) => {
          const last = s.points[s.points.length - 1];
          return last ? { si, x: x(last.t), y: y(last.datum.value), text: valueText(last.datum) } : undefined;
        })
        .filter((l): l is { si: number; x: number; y: number; text: string } => l !== undefined)
        .sort((a, b) => a.y - b.y)
    : [];
  const minGap = FONT.value * 1.15;
  for (let i = 1; i < endLabels.length; i++) {
    const prev = endLabels[i - 1];
    const cur = endLabels[i];
    if (prev && cur && cur.y - prev.y < minGap) cur.y = prev.y + minGap;
  }
  const endLabelY = new Map(endLabels.map((l) => [l.si, l.y]));
  let hasGap = false;
  const seriesMarkup = series.map((s, si) => {
    const color = seriesColor(si);
    const dash = DASHES[si % DASHES.length];
    const shape = MARKERS[si % MARKERS.length] ?? 'circle';
    const runs: Point[][] = [];
    const gaps: [Point, Point][] = [];
    s.points.forEach((p, i) => {
      const prev = s.points[i - 1];
      if (prev && p.t - prev.t <= maxStep + 1e-9) runs[runs.length - 1]?.push(p);
      else {
        if (prev) gaps.push([prev, p]);
        runs.push([p]);
      }
    });
    if (gaps.length) hasGap = true;
    const last = s.points[s.points.length - 1];
    const labelAll = !multi && s.points.length <= 6;
    return el(
      'g',
      { class: 'chart-series', 'data-group': s.name },
      runs
        .filter((r) => r.length > 1)
        .map((r) =>
          el('path', {
            d: path(r) ?? '',
            fill: 'none',
            stroke: color,
            'stroke-width': 2.5,
            'stroke-dasharray': dash,
            'stroke-linejoin': 'round',
          }),
        ),
      gaps.map(([a, b]) =>
        el('path', {
          class: 'chart-gap',
          d: path([a, b]) ?? '',
          fill: 'none',
          stroke: color,
          'stroke-width': 1.5,
          'stroke-dasharray': '2 4',
          'stroke-opacity': 0.8,
        }),
      ),
      s.points.map((p) => {
        const d = p.datum;
        const parsed = parseDate(d.date);
        const when = parsed ? formatDate(parsed) : '';
        const showValue = labelAll || p === last;
        const endY = p === last ? endLabelY.get(si) : undefined;
        return el(
          'g',
          markAttrs(d, { aria: `${s.name ? `${s.name} ` : ''}${when} ${d.label}：${exactText(d)}` }),
          marker(shape, x(p.t), y(d.value), MARKER_R, {
            fill: color,
            stroke: 'var(--chart-bg, Canvas)',
            'stroke-width': 1,
          }),
          !showValue
            ? null
            : endY !== undefined
              ? el(
                  'text',
                  {
                    class: 'chart-value',
                    x: x(p.t) + 9,
                    y: endY,
                    'dominant-baseline': 'central',
                    'font-size': FONT.value,
                    'font-weight': 600,
                  },
                  valueText(d),
                )
              : el(
                  'text',
                  {
                    class: 'chart-value',
                    x: x(p.t),
                    y: y(d.value) - 9,
                    'text-anchor': 'middle',
                    'font-size': FONT.value,
                    'font-weight': 600,
                  },
                  valueText(d),
                ),
        );
      }),
    );
  });
  const noteY = bottom + FONT.small * 2 + 12;
  const notes = [hasGap ? '虚线：中间年份缺数据' : '', unit && !/[%‰]/.test(unit) ? `单位：${unit}` : '']
    .filter(Boolean)
    .join('　');
  const height = (notes ? noteY : bottom + FONT.small + 6) + PAD;

  const first = points[0];
  const summaryParts = series.map((s) => {
    const a = s.points[0];
    const b = s.points[s.points.length - 1];
    if (!a || !b) return '';
    const name = s.name ? `${s.name}：` : '';
    const da = parseDate(a.datum.date);
    const db = parseDate(b.datum.date);
    return a === b
      ? `${name}${da ? formatDate(da) : ''}${exactText(a.datum)}`
      : `${name}${da ? formatDate(da) : ''}${exactText(a.datum)}，${db ? formatDate(db) : ''}${exactText(b.datum)}`;
  });
  const summary = `${options.title}：${summaryParts.join('；')}。${skipped > 0 ? `另有${skipped}项无日期，未画出。` : ''}${first && points.length > 1 ? '详见下方数据表。' : ''}`;

  return frame({
    kind: 'time-series',
    options,
    width,
    height,
    summary,
    seed: JSON.stringify(points.map((p) => p.datum)),
    body: [
      legendItems.length ? el('g', { class: 'chart-legend' }, legendItems) : null,
      el('g', { class: 'chart-axis chart-axis--y' }, grid),
      el('g', { class: 'chart-axis chart-axis--x' }, xTicks),
      el('g', { class: 'chart-marks' }, seriesMarkup),
      notes
        ? el(
            'text',
            { x: PAD, y: noteY, 'font-size': FONT.small, 'fill-opacity': MUTED_OPACITY, class: 'chart-note' },
            notes,
          )
        : null,
    ],
  });
}

/** The data table that goes with `timeSeries` (by series, then date). */
export function timeSeriesTable(data: readonly ChartDatum[], options: Pick<TimeSeriesOptions, 'title'>): string {
  const rows = seriesOf(data).flatMap((s) => s.points.map((p) => p.datum));
  const undated = data.filter((d) => !rows.includes(d));
  return dataTable([...rows, ...undated], { caption: options.title, groupHeader: '系列' });
}
