/**
 * Small multiples: one small panel per region (`group`), all on one shared value scale, panels
 * sorted by their latest value. Inside a panel, one column per datum: per year when the data
 * have dates (a region's trend), else per label. Each panel prints the region and its latest
 * value, so a panel reads on its own; two columns of panels fit a 320–400 px phone column.
 */
import { group as groupBy } from 'd3';
import { dataTable } from './data-table.ts';
import { formatNumber } from '../figures/format-number.ts';
import { DEFAULT_WIDTH, FONT, emptyChart, exactText, frame, markAttrs, textLines, valueText } from './frame.ts';
import { COLORS, GRID_OPACITY, MUTED_OPACITY } from './palette.ts';
import { compareDates, formatDateText, linearAxis, parseDate } from './scales.ts';
import { el, type Markup } from './svg.ts';
import { textWidth, truncate } from './text.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

export interface SmallMultiplesOptions extends ChartOptions {
  /** Panels per row (default 2 at 400 units wide). */
  columns?: number;
  /** Panel order: by latest value, largest first (default); by name (zh collation); as given. */
  sort?: 'value' | 'name' | 'none';
  /** Height of a panel's plotting area (default 64). */
  plotHeight?: number;
  /**
   * One value scale for all panels (default), or each panel its own: for figures that measure
   * different things, whose heights must not be compared across panels (said above the panels).
   */
  scale?: 'shared' | 'own';
}

interface Panel {
  name: string;
  data: ChartDatum[];
  latest: ChartDatum;
}

const PAD = 8;
const GAP = 14;
const HEADER = 20;
/** Space under the region name (every bar prints its own value, so no value line here). */
const LATEST = 4;
const XLABEL = 18;
/** Room above the tallest bar for its value label. */
const VALUE = 16;

const collator = new Intl.Collator('zh-Hans-CN');

/** Groups `data` into panels (one per `group`, or per label when a datum has no group). */
export function panelsOf(data: readonly ChartDatum[], sort: SmallMultiplesOptions['sort'] = 'value'): Panel[] {
  const groups = groupBy(
    data.filter((d) => Number.isFinite(d.value)),
    (d) => d.group ?? d.label,
  );
  const panels: Panel[] = [];
  for (const [name, items] of groups) {
    const dated = items.every((d) => parseDate(d.date));
    const ordered = dated ? [...items].sort((a, b) => compareDates(parseDate(a.date), parseDate(b.date))) : [...items];
    const latest = ordered[ordered.length - 1];
    if (latest) panels.push({ name, data: ordered, latest });
  }
  if (sort === 'value') panels.sort((a, b) => b.latest.value - a.latest.value);
  if (sort === 'name') panels.sort((a, b) => collator.compare(a.name, b.name));
  return panels;
}

/**
 * The x label of a datum in its panel: 2020年, 2020年9月, a period as 2016年—2020年 when dated
 * (never "2020.9"), else its label.
 */
export function xLabel(d: ChartDatum): string {
  return parseDate(d.date) ? formatDateText(d.date) : d.label;
}

/** The x label in lines that fit `width`: one line, or broken after "—" or between year and month. */
function xLabelLines(d: ChartDatum, width: number): string[] {
  const label = xLabel(d);
  if (textWidth(label, FONT.small) <= width) return [label];
  const dash = label.indexOf('—');
  if (dash > 0) return [label.slice(0, dash + 1), label.slice(dash + 1)].map((l) => truncate(l, width, FONT.small));
  const parsed = parseDate(d.date);
  if (parsed?.month) return [`${parsed.year}年`, `${parsed.month}月`];
  return [truncate(label, width, FONT.small)];
}

/** SVG markup of small multiples of `data` by region. */
export function smallMultiples(data: readonly ChartDatum[], options: SmallMultiplesOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const panels = panelsOf(data, options.sort);
  if (panels.length === 0) return emptyChart('small-multiples', options, width);

  const columns = Math.max(1, Math.min(options.columns ?? 2, panels.length));
  const panelW = (width - 2 * PAD - (columns - 1) * GAP) / columns;
  const plotH = options.plotHeight ?? 64;
  const all = panels.flatMap((p) => p.data);
  const units = [...new Set(all.map((d) => d.unit))];
  const axisOf = (values: readonly number[]) =>
    linearAxis(values, [plotH, 0], { tickCount: 5, unit: units.length === 1 ? (units[0] ?? '') : '' });
  const shared = options.scale !== 'own';
  const sharedAxis = axisOf(all.map((d) => d.value));
  const top = sharedAxis.ticks[sharedAxis.ticks.length - 1];
  const noteY = PAD + FONT.small;
  // The unit printed with the scale is the unit of the values it spans (the tick label has its 万/亿).
  const note = !shared
    ? '各图刻度不同，高低只在一幅图内可比'
    : top
      ? `各图刻度相同：0 至 ${top.label}${units.length === 1 && !/[%‰]/.test(units[0] ?? '') ? (units[0] ?? '') : ''}`
      : '';
  // Two-line date labels need one more line below the plot.
  const slotOf = (p: Panel) => panelW / p.data.length;
  const twoLines = panels.some((p) => p.data.some((d) => xLabelLines(d, slotOf(p) - 2).length > 1));
  const xLabelH = XLABEL + (twoLines ? FONT.small + 2 : 0);
  const panelH = HEADER + LATEST + VALUE + plotH + xLabelH;
  const gridTop = PAD + FONT.small + 8;

  const panelMarks: Markup[] = panels.map((panel, index) => {
    const col = index % columns;
    const row = Math.floor(index / columns);
    const x = PAD + col * (panelW + GAP);
    const y = gridTop + row * (panelH + GAP);
    const plotY = y + HEADER + LATEST + VALUE;
    const n = panel.data.length;
    const slot = panelW / n;
    const barW = Math.max(2, Math.min(32, slot * 0.7));
    const axis = shared ? sharedAxis : axisOf(panel.data.map((d) => d.value));
    const zeroY = plotY + axis.scale(0);
    const columnsMarkup = panel.data.map((d, i) => {
      const cx = x + slot * (i + 0.5);
      const vy = plotY + axis.scale(d.value);
      const when = parseDate(d.date) ? formatDateText(d.date) : '';
      // Every bar has its value: the full one when it fits, else the number alone (the unit is in the header).
      const full = valueText(d);
      const value =
        textWidth(full, FONT.small) <= slot - 2 ? full : truncate(formatNumber(d.value, ''), slot, FONT.small);
      return el(
        'g',
        markAttrs(d, { aria: `${panel.name}${when ? ` ${when}` : ''} ${d.label}：${exactText(d)}` }),
        el('rect', {
          class: 'chart-bar',
          x: cx - barW / 2,
          y: Math.min(vy, zeroY),
          width: barW,
          height: Math.abs(zeroY - vy),
          fill: COLORS.primary,
          'fill-opacity': d === panel.latest ? 1 : 0.55,
        }),
        el(
          'text',
          {
            class: 'chart-value',
            x: cx,
            y: Math.min(vy, zeroY) - 4,
            'text-anchor': 'middle',
            'font-size': FONT.small,
            'font-weight': 600,
          },
          value,
        ),
        textLines(xLabelLines(d, slot - 2), cx, plotY + plotH + XLABEL - 4, FONT.small, {
          'text-anchor': 'middle',
          'fill-opacity': MUTED_OPACITY,
        }),
      );
    });
    return el(
      'g',
      { class: 'chart-panel', 'data-group': panel.name },
      el('rect', {
        x,
        y,
        width: panelW,
        height: panelH,
        rx: 4,
        fill: 'none',
        stroke: COLORS.grid,
        'stroke-opacity': GRID_OPACITY,
      }),
      el(
        'text',
        { x: x + 6, y: y + HEADER - 4, 'font-size': FONT.title, 'font-weight': 700 },
        truncate(panel.name, panelW - 12, FONT.title),
      ),
      el('line', {
        x1: x + 4,
        x2: x + panelW - 4,
        y1: zeroY,
        y2: zeroY,
        stroke: COLORS.grid,
        'stroke-opacity': GRID_OPACITY * 2,
      }),
      columnsMarkup,
    );
  });
  const rows = Math.ceil(panels.length / columns);
  const height = gridTop + rows * panelH + (rows - 1) * GAP + PAD;
  const latestSorted = [...panels].sort((a, b) => b.latest.value - a.latest.value);
  const first = latestSorted[0];
  const last = latestSorted[latestSorted.length - 1];
  const summary =
    first && last && panels.length > 1
      ? `${options.title}：${panels.length}个地区，每个地区一幅小图，${shared ? '刻度相同' : '刻度各不相同'}。最新值最高为${first.name}（${exactText(first.latest)}），最低为${last.name}（${exactText(last.latest)}）。详见下方数据表。`
      : `${options.title}：${first?.name ?? ''}，${first ? exactText(first.latest) : ''}。`;

  return frame({
    kind: 'small-multiples',
    options,
    width,
    height,
    summary,
    seed: JSON.stringify(panels.map((p) => [p.name, p.data])),
    body: [
      note
        ? el(
            'text',
            { x: PAD, y: noteY, 'font-size': FONT.small, 'fill-opacity': MUTED_OPACITY, class: 'chart-note' },
            note,
          )
        : null,
      el('g', { class: 'chart-marks' }, panelMarks),
    ],
  });
}

/** The data table that goes with `smallMultiples` (grouped by region, in panel order). */
export function smallMultiplesTable(
  data: readonly ChartDatum[],
  options: Pick<SmallMultiplesOptions, 'title' | 'sort'>,
): string {
  const rows = panelsOf(data, options.sort).flatMap((p) => p.data.map((d) => ({ ...d, group: p.name })));
  return dataTable(rows, { caption: options.title });
}
