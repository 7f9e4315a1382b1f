/**
 * What every SVG chart shares: the accessible `<svg>` root (role="img", `<title>`, `<desc>`,
 * aria-labelledby, viewBox, no fixed size), the "暂无数据" empty state, font sizes, and the
 * attributes each focusable mark carries for the client enhancer.
 */
import { formatExact, formatFigure, qualifierText } from '../figures/format-number.ts';
import { COLORS, MUTED_OPACITY } from './palette.ts';
import { el, hash, safeId, safeUrl, type Attrs, type Child, type Markup } from './svg.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

/** Default viewBox width. Charts are drawn for a phone column and scale up from there. */
export const DEFAULT_WIDTH = 400;
/**
 * Font sizes in viewBox units. At the default width of 400, a 375 px wide chart scales by
 * 375/400, so 13 units render at 12.2 px: the smallest text stays at or above 12 px.
 */
export const FONT = { small: 13, body: 14, label: 14, value: 14, title: 15, big: 40 } as const;
/** Smallest font size that keeps ≥ 12 px at 375 px wide for a viewBox `width` units wide. */
export function minFontFor(width: number): number {
  return Math.ceil(((12 * width) / 375) * 10) / 10;
}
/** How far beyond its viewBox width a chart may grow (see `frame`). */
export const MAX_SCALE = 1.4;
/** Line height factor for wrapped labels. */
export const LINE_HEIGHT = 1.3;

export interface FrameInput {
  kind: string;
  options: ChartOptions;
  width: number;
  height: number;
  /** Generated summary, used when `options.description` is absent. */
  summary: string;
  /** Seed for the default id (usually the data). */
  seed: string;
  body: Child;
  /** Extra `<defs>` content (patterns). */
  defs?: Child;
}

/** The id base of a chart: `options.id`, or a stable hash of kind, title and data. */
export function chartId(kind: string, options: ChartOptions, seed: string): string {
  return safeId(options.id ?? `chart-${kind}-${hash(`${kind}\u0000${options.title}\u0000${seed}`)}`);
}

/** The accessible root `<svg>` around a chart body. */
export function frame(input: FrameInput): string {
  const id = chartId(input.kind, input.options, input.seed);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const description = input.options.description ?? input.summary;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${Math.round(input.width)} ${Math.max(1, Math.round(input.height))}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      class: `chart chart--${input.kind}`,
      id,
      'data-chart': input.kind,
      // Fills its container up to 1.4× its viewBox width: text stays between 12 px (at 375 px)
      // and about 18 px, instead of growing huge in a wide column. No fixed width or height.
      style: `max-width:${Math.round(input.width * MAX_SCALE)}px;height:auto`,
      fill: COLORS.text,
      'font-size': FONT.body,
      'text-rendering': 'geometricPrecision',
    },
    el('title', { id: titleId }, input.options.title),
    el('desc', { id: descId }, description),
    input.defs ? el('defs', {}, input.defs) : null,
    input.body,
  ).toString();
}

/** A chart with no data: the frame with a centred "暂无数据" (no data) message. */
export function emptyChart(
  kind: string,
  options: ChartOptions,
  width = options.width ?? DEFAULT_WIDTH,
  height = 120,
): string {
  return frame({
    kind,
    options,
    width,
    height,
    summary: `${options.title}：暂无数据。`,
    seed: 'empty',
    body: [
      el('rect', {
        x: 0.5,
        y: 0.5,
        width: width - 1,
        height: height - 1,
        rx: 6,
        fill: 'none',
        stroke: COLORS.grid,
        'stroke-opacity': 0.4,
        'stroke-dasharray': '4 4',
      }),
      el(
        'text',
        {
          x: width / 2,
          y: height / 2,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          'font-size': FONT.title,
          'fill-opacity': MUTED_OPACITY,
          class: 'chart-empty',
        },
        '暂无数据',
      ),
    ],
  });
}

/** The value of a datum as a chart label prints it: 10.2万人, 559万余元. */
export function valueText(d: Pick<ChartDatum, 'value' | 'unit' | 'qualifier' | 'printed' | 'kind'>): string {
  return formatFigure(d);
}

/** The exact value with its hedge: 101,981人, 约3,000人. */
export function exactText(d: Pick<ChartDatum, 'value' | 'unit' | 'qualifier'>): string {
  return formatExact(d.value, d.unit, { qualifier: d.qualifier });
}

/**
 * Attributes of one focusable mark: keyboard focus, a screen-reader label, and the `data-*`
 * the client enhancer reads (exact value, label, unit, source link).
 */
export function markAttrs(d: ChartDatum, extra: { label?: string; aria?: string } = {}): Attrs {
  const label = extra.label ?? d.label;
  return {
    class: 'chart-mark',
    tabindex: 0,
    role: 'img',
    'aria-label': extra.aria ?? `${label}：${exactText(d)}`,
    'data-id': d.id,
    'data-label': label,
    'data-value': String(d.value),
    'data-unit': d.unit,
    'data-qualifier': d.qualifier ? qualifierText(d.qualifier) : undefined,
    'data-group': d.group,
    'data-date': d.date,
    'data-href': safeUrl(d.href),
  };
}

/** Text lines (`<tspan>`s) starting at (x, y), one per line, `lineHeight` apart. */
export function textLines(lines: readonly string[], x: number, y: number, fontSize: number, attrs: Attrs = {}): Markup {
  return el(
    'text',
    { x, y, 'font-size': fontSize, ...attrs },
    lines.map((line, i) => el('tspan', { x, dy: i === 0 ? 0 : fontSize * LINE_HEIGHT }, line)),
  );
}

/** A short data summary for `<desc>`: count, highest and lowest. */
export function summarize(title: string, data: readonly ChartDatum[], noun = '项'): string {
  if (data.length === 0) return `${title}：暂无数据。`;
  const sorted = [...data].sort((a, b) => b.value - a.value);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  if (!top || !bottom) return `${title}：暂无数据。`;
  if (data.length === 1) return `${title}：${top.label}，${exactText(top)}。`;
  return `${title}：共${data.length}${noun}。最高为${top.label}，${exactText(top)}；最低为${bottom.label}，${exactText(bottom)}。详见下方数据表。`;
}
