/**
 * The graphic of a scrollytelling story: ONE SVG whose states are the story's steps. Each
 * step is a `<g class="scrolly-state" data-state="i">` in the same frame (same size, same
 * header), drawn from that step's figures:
 * - numbers: each figure on its own (a big value and its label; a count of up to 400 also as
 *   one dot per unit), never bars, because their units differ;
 * - proportion: one 0–100 % track per rate;
 * - bar: bars of one unit on one scale, every bar with its value.
 * The state shown carries `data-active`; the browser only moves that attribute
 * (src/charts/browser/scrolly.ts). `only` draws one state alone, for the step itself when
 * there is no JavaScript (every step's text and graphic in turn).
 */
import { scaleLinear } from 'd3';
import { DEFAULT_WIDTH, FONT, LINE_HEIGHT, frame, textLines, valueText } from './frame.ts';
import { COLORS, GRID_OPACITY, MUTED_OPACITY } from './palette.ts';
import { el, type Markup } from './svg.ts';
import { textWidth, wrap } from './text.ts';
import type { ChartDatum } from './types.ts';

export type SceneKind = 'numbers' | 'proportion' | 'bar';

export interface SceneStep {
  title: string;
  kind: SceneKind;
  data: readonly ChartDatum[];
}

export interface SceneOptions {
  title: string;
  id: string;
  /** Draw this state alone (its own, shorter frame), active. */
  only?: number;
  /** Which state is active in the full scene (default 0). */
  active?: number;
}

/** Where a step's frame takes its state of the scene (replaced by <Scrolly>, in step order). */
export const SCROLLY_PLACEHOLDER = '<span data-scrolly-graphic></span>';

const PAD = 8;
const HEADER = 44;
const BIG = 34;
const DOT_PITCH = 9;
const DOT_R = 3.3;
/** Counts up to this many also show as one dot per unit. */
export const MAX_DOTS = 400;
const TRACK = 20;

interface Drawn {
  markup: Markup;
  height: number;
}

function dotsFor(d: ChartDatum): number {
  return Number.isInteger(d.value) && d.value > 0 && d.value <= MAX_DOTS && !/[%‰元]/u.test(d.unit) ? d.value : 0;
}

function drawNumbers(data: readonly ChartDatum[], top: number, width: number): Drawn {
  let y = top;
  const blocks = data.map((d) => {
    const value = valueText(d);
    // Bold digits at this size run wider than the text measure's estimate: leave a margin.
    const valueWidth = textWidth(value, BIG) * 1.25;
    // The label beside the value when it fits on one line there, else under it: the scene stays short on a phone.
    const besideWidth = width - 2 * PAD - valueWidth - 12;
    const beside = textWidth(d.label, FONT.label) <= besideWidth;
    const label = beside ? [d.label] : wrap(d.label, width - 2 * PAD, FONT.label, 2);
    const valueY = y + BIG;
    const labelX = beside ? PAD + valueWidth + 12 : PAD;
    const labelY = beside ? valueY : valueY + FONT.label + 8;
    const dots = dotsFor(d);
    // Many dots are drawn smaller, so a few hundred still fit in a few rows.
    const pitch = dots > 120 ? DOT_PITCH * 0.67 : DOT_PITCH;
    const radius = pitch * (DOT_R / DOT_PITCH);
    const perRow = Math.floor((width - 2 * PAD) / pitch);
    const dotsTop = labelY + (label.length - 1) * FONT.label * LINE_HEIGHT + 10;
    const rows = Math.ceil(dots / perRow);
    const dotMarks: Markup[] = [];
    for (let i = 0; i < dots; i += 1) {
      dotMarks.push(
        el('circle', {
          cx: PAD + radius + (i % perRow) * pitch,
          cy: dotsTop + radius + Math.floor(i / perRow) * pitch,
          r: radius,
        }),
      );
    }
    y = (dots > 0 ? dotsTop + rows * pitch : labelY) + 20;
    return el(
      'g',
      { class: 'scrolly-figure-number', 'data-id': d.id },
      el(
        'text',
        { x: PAD, y: valueY, 'font-size': BIG, 'font-weight': 700, fill: COLORS.primary, class: 'chart-value' },
        value,
      ),
      textLines(label, labelX, labelY, FONT.label, { class: 'chart-label' }),
      dots > 0 ? el('g', { class: 'scrolly-dots', fill: COLORS.primary, 'aria-hidden': 'true' }, dotMarks) : null,
    );
  });
  return { markup: el('g', {}, blocks), height: y - top };
}

function drawBars(data: readonly ChartDatum[], top: number, width: number, rates: boolean): Drawn {
  const widest = Math.max(0, ...data.map((d) => textWidth(valueText(d), FONT.value)));
  const x1 = width - PAD - widest - 6;
  const max = rates ? 100 : Math.max(...data.map((d) => d.value), 1);
  const x = scaleLinear().domain([0, max]).range([PAD, x1]).clamp(true);
  let y = top;
  const rows = data.map((d) => {
    const label = wrap(d.label, width - 2 * PAD, FONT.label, 2);
    const labelY = y + FONT.label;
    const barY = labelY + (label.length - 1) * FONT.label * LINE_HEIGHT + 8;
    const end = x(Math.max(0, d.value));
    y = barY + TRACK + 18;
    return el(
      'g',
      { class: 'scrolly-bar', 'data-id': d.id },
      textLines(label, PAD, labelY, FONT.label, { class: 'chart-label' }),
      rates ? el('rect', { x: PAD, y: barY, width: x1 - PAD, height: TRACK, fill: COLORS.track }) : null,
      el('rect', {
        class: 'scrolly-bar__fill',
        x: PAD,
        y: barY,
        width: end - PAD,
        height: TRACK,
        fill: COLORS.primary,
      }),
      el(
        'text',
        {
          class: 'chart-value',
          x: (rates ? x1 : end) + 6,
          y: barY + TRACK / 2,
          'dominant-baseline': 'central',
          'font-size': FONT.value,
          'font-weight': 700,
        },
        valueText(d),
      ),
    );
  });
  const axis = rates
    ? el(
        'text',
        { x: x1, y: y - 4, 'text-anchor': 'end', 'font-size': FONT.small, 'fill-opacity': MUTED_OPACITY },
        '100%',
      )
    : null;
  return { markup: el('g', {}, rows, axis), height: y - top + (rates ? FONT.small : 0) };
}

function drawState(step: SceneStep, index: number, count: number, width: number, active: boolean): Drawn {
  const header = el(
    'g',
    { class: 'scrolly-state__header' },
    el(
      'text',
      { x: PAD, y: PAD + FONT.small, 'font-size': FONT.small, 'fill-opacity': MUTED_OPACITY },
      `${index + 1} / ${count}`,
    ),
    // Progress: one tick per step, this one in red.
    Array.from({ length: count }, (_, i) =>
      el('rect', {
        x: width - PAD - (count - i) * 14,
        y: PAD + 4,
        width: 10,
        height: 4,
        fill: i === index ? COLORS.primary : COLORS.grid,
        'fill-opacity': i === index ? 1 : GRID_OPACITY,
      }),
    ),
    el(
      'text',
      { x: PAD, y: PAD + FONT.small + FONT.title + 10, 'font-size': FONT.title + 2, 'font-weight': 700 },
      step.title,
    ),
  );
  const body =
    step.kind === 'numbers'
      ? drawNumbers(step.data, HEADER + 12, width)
      : drawBars(step.data, HEADER + 12, width, step.kind === 'proportion');
  return {
    markup: el(
      'g',
      { class: 'scrolly-state', 'data-state': index, 'data-active': active ? '' : undefined },
      header,
      body.markup,
    ),
    height: HEADER + 12 + body.height,
  };
}

/** SVG markup of the scene: every state (or `only` one), the active one marked. */
export function scrollyScene(steps: readonly SceneStep[], options: SceneOptions): string {
  const width = DEFAULT_WIDTH;
  const active = options.only ?? options.active ?? 0;
  const indexes = options.only === undefined ? steps.map((_, i) => i) : [options.only];
  const states = indexes.map((i) => drawState(steps[i]!, i, steps.length, width, i === active));
  const height = Math.max(120, ...states.map((s) => s.height)) + PAD;
  const shown = options.only === undefined ? steps : [steps[options.only]!];
  const summary = shown
    .map((s) => `${s.title}：${s.data.map((d) => `${d.label}${valueText(d)}`).join('，')}`)
    .join('；');
  return frame({
    kind: 'scrolly',
    options: { title: options.title, id: options.id },
    width,
    height,
    summary: `${summary}。`,
    seed: options.id,
    body: el('g', { class: 'scrolly-states' }, ...states.map((s) => s.markup)),
  });
}
