/**
 * Chart colours as CSS custom properties with fallbacks, so a page theme can restyle every
 * chart (light and dark) and a chart still has colour where no theme is loaded.
 *
 * The fallback colours are mid-luminance on purpose: each has a contrast ratio of at least
 * 3:1 (WCAG 1.4.11, graphical objects) against white (#ffffff) AND against a dark page
 * (#121212), so the same SVG works on both without a theme. Text never uses them: text is
 * `currentColor` (the page's own text colour), so it has the page's contrast in both themes.
 *
 * Colour never carries meaning alone: series also differ by marker shape and dash pattern,
 * bars carry direct value labels, highlighted map regions are hatched and labelled.
 */

/** Page backgrounds the fallbacks are checked against (see tests). */
export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#121212';

/**
 * The house palette: the site's newspaper red and its ink, nothing else. Series colours
 * (fallbacks): red, ink grey, light red, light ink grey. A fifth series repeats the first;
 * series are told apart by marker shape and dash as well (see MARKERS, DASHES). The site's
 * theme (src/components/charts/charts.css) maps them to its own --accent and --fg per theme.
 */
export const SERIES_FALLBACKS = ['#c0392b', '#6b6a66', '#d05a5e', '#8a8883'] as const;

/** `var(--chart-N, fallback)` for series `index` (0-based; wraps around after six). */
export function seriesColor(index: number): string {
  const i = ((Math.trunc(index) % SERIES_FALLBACKS.length) + SERIES_FALLBACKS.length) % SERIES_FALLBACKS.length;
  return `var(--chart-${i + 1}, ${SERIES_FALLBACKS[i] ?? SERIES_FALLBACKS[0]})`;
}

/** Named roles, each a CSS custom property with a fallback that works on light and dark pages. */
export const COLORS = {
  /** Main mark colour (bars, highlighted regions). */
  primary: seriesColor(0),
  /** Labels, axis text: the page's text colour. */
  text: 'var(--chart-text, currentColor)',
  /** Secondary text (tick labels, notes): the text colour; dimmed with opacity where used. */
  muted: 'var(--chart-muted, currentColor)',
  /** Grid lines and axis rules: drawn with `currentColor` at low opacity. */
  grid: 'var(--chart-grid, currentColor)',
  /** Empty track of a proportion bar, unfilled waffle cells, regions without data. */
  track: 'var(--chart-track, rgba(128, 128, 128, 0.22))',
  /** Region outlines on the map: the page background, so borders read as gaps. */
  border: 'var(--chart-border, rgba(128, 128, 128, 0.9))',
  /** Over-100% part of a proportion bar (also hatched). */
  over: seriesColor(1),
} as const;

/** Opacity of grid lines / secondary text drawn in `currentColor`. */
export const GRID_OPACITY = 0.25;
export const MUTED_OPACITY = 0.75;

/** Marker shapes for series (paired with colours so series differ without colour). */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Marker = (typeof MARKERS)[number];

/** Dash patterns for series lines (solid first). */
export const DASHES = [undefined, '6 3', '2 3', '8 3 2 3'] as const;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(m[1], 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Suggested stylesheet for a site theme (the charts work without it). Kept here so the values
 * the fallbacks were checked with and the theme's values live side by side.
 */
export const CHART_CSS = `
:root {
  --chart-1: ${SERIES_FALLBACKS[0]}; --chart-2: ${SERIES_FALLBACKS[1]};
  --chart-3: ${SERIES_FALLBACKS[2]}; --chart-4: ${SERIES_FALLBACKS[3]};
  --chart-text: currentColor;
  --chart-track: rgba(128, 128, 128, 0.22);
  /* The page background: halos behind map labels, gaps around markers. */
  --chart-bg: Canvas;
}
.chart { display: block; width: 100%; height: auto; overflow: visible; }
.chart [tabindex]:focus { outline: none; }
.chart-table .num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
.chart [tabindex]:focus-visible { outline: 3px solid var(--chart-focus, Highlight); outline-offset: 2px; }
@media print { .chart { break-inside: avoid; } }
`;
