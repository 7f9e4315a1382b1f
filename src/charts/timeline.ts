/**
 * A vertical timeline of dated events, laid out for a 320–400 px phone column: a rail on the
 * left, and for each event a dot, its date in bold and its text wrapped to the right. Events are
 * sorted by date (stable); an event without a usable date goes last with its date as given.
 * The default viewBox is 360 wide so 14-unit text stays ≥ 12 px even at 320 px.
 */
import { dataTable } from './data-table.ts';
import { FONT, LINE_HEIGHT, emptyChart, frame, textLines } from './frame.ts';
import { COLORS, GRID_OPACITY } from './palette.ts';
import { compareDates, formatDateText, parseDate } from './scales.ts';
import { el, safeUrl, type Markup } from './svg.ts';
import { wrap } from './text.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

/** One event: its text (`label`) and date. A `ChartDatum` with a date is one too. */
export interface TimelineEvent {
  id: string;
  /** What happened, short Chinese text: 荣获“菏泽市担当作为先进集体”称号. */
  label: string;
  /** "2020", "2020-03", "2020-03-12" (or a range; its end is used for ordering). */
  date: string;
  /** Link to the source sentence. */
  href?: string;
}

export interface TimelineOptions extends ChartOptions {
  /** Most lines of an event's text before "…" (default 4). */
  maxLines?: number;
}

export const TIMELINE_WIDTH = 360;
const PAD = 8;
const RAIL_X = 16;
const TEXT_X = 34;
const DATE_GAP = 4;
const EVENT_GAP = 16;

/** Events sorted by date, undated ones last, in input order otherwise. */
export function sortEvents<T extends Pick<TimelineEvent, 'date'>>(events: readonly T[]): T[] {
  return events
    .map((e, i) => ({ e, i, d: parseDate(e.date) }))
    .sort((a, b) => compareDates(a.d, b.d) || a.i - b.i)
    .map(({ e }) => e);
}

/** SVG markup of a vertical timeline of `events`. */
export function timeline(events: readonly TimelineEvent[], options: TimelineOptions): string {
  const width = options.width ?? TIMELINE_WIDTH;
  if (events.length === 0) return emptyChart('timeline', options, width);

  const sorted = sortEvents(events);
  const textW = width - TEXT_X - PAD;
  let y = PAD;
  const items: Markup[] = [];
  const dots: number[] = [];
  for (const event of sorted) {
    const when = formatDateText(event.date);
    const lines = wrap(event.label, textW, FONT.body, options.maxLines ?? 4);
    const dateY = y + FONT.body;
    const textY = dateY + DATE_GAP + FONT.body * LINE_HEIGHT;
    dots.push(dateY - FONT.body * 0.35);
    items.push(
      el(
        'g',
        {
          class: 'chart-mark chart-event',
          tabindex: 0,
          role: 'img',
          'aria-label': `${when}：${event.label}`,
          'data-id': event.id,
          'data-label': event.label,
          'data-date': event.date,
          'data-href': safeUrl(event.href),
        },
        lines.join('') !== event.label.replace(/\s+/g, ' ').trim() ? el('title', {}, event.label) : null,
        el('circle', {
          cx: RAIL_X,
          cy: dateY - FONT.body * 0.35,
          r: 5,
          fill: COLORS.primary,
          stroke: 'var(--chart-bg, Canvas)',
          'stroke-width': 2,
        }),
        el('text', { x: TEXT_X, y: dateY, 'font-size': FONT.body, 'font-weight': 700, class: 'chart-date' }, when),
        textLines(lines, TEXT_X, textY, FONT.body, { class: 'chart-label' }),
      ),
    );
    y = textY + (lines.length - 1) * FONT.body * LINE_HEIGHT + FONT.body * 0.35 + EVENT_GAP;
  }
  const height = y - EVENT_GAP + PAD;
  const firstDot = dots[0] ?? PAD;
  const lastDot = dots[dots.length - 1] ?? firstDot;
  const rail =
    dots.length > 1
      ? el('line', {
          x1: RAIL_X,
          x2: RAIL_X,
          y1: firstDot,
          y2: lastDot,
          stroke: COLORS.grid,
          'stroke-opacity': GRID_OPACITY * 2,
          'stroke-width': 2,
        })
      : null;

  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const summary =
    first && last && sorted.length > 1
      ? `${options.title}：共${sorted.length}件事，从${formatDateText(first.date)}到${formatDateText(last.date)}。详见下方列表。`
      : `${options.title}：${first ? `${formatDateText(first.date)}，${first.label}` : ''}。`;

  return frame({
    kind: 'timeline',
    options,
    width,
    height,
    summary,
    seed: JSON.stringify(sorted),
    body: [rail, el('g', { class: 'chart-marks' }, items)],
  });
}

/** The table that goes with `timeline`: date and event, in date order. */
export function timelineTable(events: readonly TimelineEvent[], options: Pick<TimelineOptions, 'title'>): string {
  const rows: ChartDatum[] = sortEvents(events).map((e) => {
    const row: ChartDatum = { id: e.id, label: e.label, value: 0, unit: '', date: e.date };
    if (e.href !== undefined) row.href = e.href;
    return row;
  });
  return dataTable(rows, { caption: options.title, labelHeader: '事件', showValue: false });
}
