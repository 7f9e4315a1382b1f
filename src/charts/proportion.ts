/**
 * Coverage rates: percentage bars (`proportionBars`) and a 10×10 waffle (`waffle`).
 *
 * Values are percentages (unit %) or per-mille (‰, drawn as value/10 %). Rates above 100 %
 * happen (109.64 % of a target): the track still spans 0–100 % with a marked 100 % rule, the
 * part above 100 % is drawn past it, hatched, and the scale never goes beyond `maxPercent`
 * (default 150 %) — a larger value runs to the edge with a break mark and its printed value.
 */
import { dataTable } from './data-table.ts';
import {
  DEFAULT_WIDTH,
  FONT,
  LINE_HEIGHT,
  chartId,
  emptyChart,
  exactText,
  frame,
  markAttrs,
  summarize,
  textLines,
  valueText,
} from './frame.ts';
import { COLORS, GRID_OPACITY, MUTED_OPACITY } from './palette.ts';
import { el, type Markup } from './svg.ts';
import { textWidth, wrap } from './text.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

export interface ProportionOptions extends ChartOptions {
  /** Largest percentage the scale shows (default 150); larger values are cut with a break mark. */
  maxPercent?: number;
  /** Most lines of a label (default 2). */
  maxLabelLines?: number;
}

const PAD = 8;
const BAR_HEIGHT = 16;
const ROW_GAP = 14;
const LABEL_GAP = 4;

/** A datum's value as a percentage: ‰ divided by 10, anything else taken as %. */
export function toPercent(d: Pick<ChartDatum, 'value' | 'unit'>): number {
  if (!Number.isFinite(d.value)) return 0;
  return d.unit === '‰' ? d.value / 10 : d.value;
}

/** A diagonal hatch pattern (for the part above 100 %), `id` unique on the page. */
function hatch(id: string, color: string): Markup {
  return el(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: 6, height: 6, fill: color, 'fill-opacity': 0.35 }),
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: color, 'stroke-width': 3 }),
  );
}

/** SVG markup of percentage bars for `data` (one row each, in the order given). */
export function proportionBars(data: readonly ChartDatum[], options: ProportionOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const rows = data.filter((d) => Number.isFinite(d.value));
  if (rows.length === 0) return emptyChart('proportion', options, width);

  const labels = rows.map(valueText);
  const valueW = Math.max(...labels.map((l) => textWidth(l, FONT.value))) + 8;
  const maxPercent = Math.max(100, options.maxPercent ?? 150);
  const top = Math.min(maxPercent, Math.max(100, ...rows.map(toPercent)));
  const x0 = PAD;
  const x1 = width - PAD - valueW;
  const x = (p: number) => x0 + (Math.max(0, Math.min(p, top)) / top) * (x1 - x0);
  const x100 = x(100);
  const seed = JSON.stringify(rows);
  const patternId = `${chartId('proportion', options, seed)}-over`;

  let y = PAD;
  let overAny = false;
  const marks = rows.map((d, i) => {
    const p = toPercent(d);
    const lines = wrap(d.label, width - 2 * PAD, FONT.label, options.maxLabelLines ?? 2);
    const barY = y + lines.length * FONT.label * LINE_HEIGHT + LABEL_GAP;
    const within = Math.min(Math.max(p, 0), 100);
    const over = p > 100;
    const cut = p > top;
    if (over) overAny = true;
    const mark = el(
      'g',
      markAttrs(d),
      textLines(lines, PAD, y + FONT.label, FONT.label, { class: 'chart-label' }),
      el('rect', { class: 'chart-track', x: x0, y: barY, width: x100 - x0, height: BAR_HEIGHT, fill: COLORS.track }),
      el('rect', {
        class: 'chart-bar',
        x: x0,
        y: barY,
        width: x(within) - x0,
        height: BAR_HEIGHT,
        fill: COLORS.primary,
        'data-percent': String(p),
      }),
      over
        ? el('rect', {
            class: 'chart-bar-over',
            x: x100,
            y: barY,
            width: x(p) - x100,
            height: BAR_HEIGHT,
            fill: `url(#${patternId})`,
            stroke: COLORS.over,
            'stroke-width': 1,
          })
        : null,
      cut
        ? el('path', {
            class: 'chart-break',
            d: `M${x(p) - 7},${barY - 2}l4,${BAR_HEIGHT / 2 + 2}l-4,${BAR_HEIGHT / 2 + 2}`,
            fill: 'none',
            stroke: 'var(--chart-bg, Canvas)',
            'stroke-width': 3,
          })
        : null,
      el(
        'text',
        {
          class: 'chart-value',
          x: Math.max(x(p), x100) + 6,
          y: barY + BAR_HEIGHT / 2,
          'dominant-baseline': 'central',
          'font-size': FONT.value,
          'font-weight': 600,
        },
        labels[i] ?? '',
      ),
    );
    y = barY + BAR_HEIGHT + ROW_GAP;
    return mark;
  });
  const plotBottom = y - ROW_GAP;
  const rule100 = el(
    'g',
    { class: 'chart-reference' },
    el('line', {
      x1: x100,
      x2: x100,
      y1: PAD,
      y2: plotBottom + 4,
      stroke: COLORS.grid,
      'stroke-opacity': GRID_OPACITY * 3,
      'stroke-dasharray': '3 3',
    }),
    el(
      'text',
      {
        x: x100,
        y: plotBottom + 4 + FONT.small,
        'text-anchor': top > 100 ? 'middle' : 'end',
        'font-size': FONT.small,
        'fill-opacity': MUTED_OPACITY,
      },
      '100%',
    ),
  );
  const height = plotBottom + 4 + FONT.small + 4 + PAD;

  return frame({
    kind: 'proportion',
    options,
    width,
    height,
    summary: `${summarize(options.title, rows)}${overAny ? '超过100%的部分以斜线标出。' : ''}`,
    seed,
    defs: overAny ? hatch(patternId, COLORS.over) : null,
    body: [rule100, el('g', { class: 'chart-marks' }, marks)],
  });
}

export interface WaffleOptions extends ChartOptions {
  /** Cell size in user units (default 17; with 3-unit gaps a waffle is 200 wide). */
  cell?: number;
}

/** SVG markup of a 10×10 waffle for one rate: each cell is 1 %, the last one partly filled. */
export function waffle(datum: ChartDatum | undefined, options: WaffleOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  if (!datum || !Number.isFinite(datum.value)) return emptyChart('waffle', options, width);

  const cell = options.cell ?? 17;
  const gap = 3;
  const p = toPercent(datum);
  const shown = Math.max(0, Math.min(100, p));
  const full = Math.floor(shown);
  const part = shown - full;
  const cells: Markup[] = [];
  // Fill order: bottom row first, left to right, like a glass filling up.
  for (let i = 0; i < 100; i++) {
    const col = i % 10;
    const row = 9 - Math.floor(i / 10);
    const cx = PAD + col * (cell + gap);
    const cy = PAD + row * (cell + gap);
    cells.push(el('rect', { x: cx, y: cy, width: cell, height: cell, fill: COLORS.track, rx: 1.5 }));
    const fill = i < full ? cell : i === full ? part * cell : 0;
    if (fill > 0)
      cells.push(
        el('rect', { x: cx, y: cy, width: fill, height: cell, fill: COLORS.primary, rx: 1.5, class: 'chart-cell' }),
      );
  }
  const gridW = 10 * cell + 9 * gap;
  const textX = PAD + gridW + 16;
  const textW = width - textX - PAD;
  const stacked = textW < 120;
  const tx = stacked ? PAD : textX;
  const ty = stacked ? PAD + gridW + 16 : PAD;
  const tw = stacked ? width - 2 * PAD : textW;
  const valueLine = valueText(datum);
  const valueSize = Math.min(FONT.big * 0.8, Math.max(FONT.title, (tw / Math.max(1, textWidth(valueLine, 1))) * 0.95));
  const labelLines = wrap(datum.label, tw, FONT.label, 5);
  const note = p > 100 ? `超过100%（格子全满）` : p < 0 ? '小于0' : '';
  const labelY = ty + valueSize * 1.1 + FONT.label;
  const noteY = labelY + labelLines.length * FONT.label * LINE_HEIGHT + 4;
  const height = Math.max(
    PAD + gridW + PAD,
    (note ? noteY + FONT.small : labelY + (labelLines.length - 1) * FONT.label * LINE_HEIGHT) + PAD * 1.5,
  );

  return frame({
    kind: 'waffle',
    options,
    width,
    height,
    summary: `${options.title}：${datum.label}，${exactText(datum)}。一百个格子每格代表1%，已填${Math.round(shown)}格。`,
    seed: JSON.stringify(datum),
    body: el(
      'g',
      markAttrs(datum),
      el('g', { class: 'chart-waffle', 'aria-hidden': 'true' }, cells),
      el(
        'text',
        {
          class: 'chart-value',
          x: tx,
          y: ty + valueSize * 0.9,
          'font-size': Math.round(valueSize),
          'font-weight': 700,
        },
        valueLine,
      ),
      textLines(labelLines, tx, labelY, FONT.label, { class: 'chart-label' }),
      note
        ? el(
            'text',
            { x: tx, y: noteY + FONT.small * 0.3, 'font-size': FONT.small, 'fill-opacity': MUTED_OPACITY },
            note,
          )
        : null,
    ),
  });
}

/** The data table that goes with `proportionBars` or `waffle`. */
export function proportionTable(data: readonly ChartDatum[], options: Pick<ProportionOptions, 'title'>): string {
  return dataTable(data, { caption: options.title, valueHeader: '比例' });
}
