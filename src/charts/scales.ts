/**
 * Shared scale and tick helpers: nice linear domains with Chinese tick labels (万/亿), and
 * date parsing for time axes. Thin wrappers over d3-scale/d3-array that never return NaN.
 */
import { extent, scaleLinear, type ScaleLinear } from 'd3';
import { tickFormatter } from '../figures/format-number.ts';
import type { ParsedDate } from './types.ts';

export interface Tick {
  value: number;
  /** Position on the range, rounded to 0.1. */
  position: number;
  /** Chinese label: 0, 5万, 10万 … */
  label: string;
}

export interface LinearAxis {
  scale: ScaleLinear<number, number>;
  ticks: Tick[];
  /** The nice domain actually used. */
  domain: [number, number];
}

export interface LinearAxisOptions {
  /** Include zero in the domain (bars and counts should; default true). */
  zero?: boolean;
  /** Approximate number of ticks (default 4: fits a 320 px axis with Chinese labels). */
  tickCount?: number;
  /** Unit for tick labels: % and ‰ are appended, others are left to the axis title. */
  unit?: string;
  /** Smallest upper bound of the domain, e.g. 100 for percentages. */
  minMax?: number;
}

/**
 * The domain for `values`: zero included (unless `zero: false`), a sensible span for a single
 * value or all-equal values, [0, 1] for no values, and never NaN.
 */
export function valueDomain(
  values: readonly number[],
  options: Pick<LinearAxisOptions, 'zero' | 'minMax'> = {},
): [number, number] {
  const finite = values.filter(Number.isFinite);
  const [lo0, hi0] = extent(finite);
  let lo = lo0 ?? 0;
  let hi = hi0 ?? 1;
  if (options.zero ?? true) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (options.minMax !== undefined) hi = Math.max(hi, options.minMax);
  if (lo === hi) {
    // One value (or all equal) without zero: pad around it; zero alone: [0, 1].
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= lo === 0 ? 0 : pad;
    hi += pad;
  }
  return [lo, hi];
}

/** A nice linear axis over `values` mapped onto `range`, with Chinese tick labels. */
export function linearAxis(
  values: readonly number[],
  range: [number, number],
  options: LinearAxisOptions = {},
): LinearAxis {
  const count = options.tickCount ?? 4;
  const scale = scaleLinear().domain(valueDomain(values, options)).range(range).nice(count);
  const [d0, d1] = scale.domain();
  const domain: [number, number] = [d0 ?? 0, d1 ?? 1];
  const tickValues = scale.ticks(count);
  const format = tickFormatter(tickValues, options.unit ?? '');
  const ticks = tickValues.map((value) => ({
    value,
    position: Math.round(scale(value) * 10) / 10,
    label: format(value),
  }));
  return { scale, ticks, domain };
}

/** Nice ticks and labels for an arbitrary domain (exported for tests and client code). */
export function niceTicks(
  domain: [number, number],
  count = 4,
  unit = '',
): { domain: [number, number]; ticks: number[]; labels: string[] } {
  const scale = scaleLinear().domain(domain).nice(count);
  const [d0, d1] = scale.domain();
  const ticks = scale.ticks(count);
  const format = tickFormatter(ticks, unit);
  return { domain: [d0 ?? 0, d1 ?? 1], ticks, labels: ticks.map(format) };
}

/**
 * Parses "2020", "2020-03", "2020-03-12", "2020年3月", and ranges "2017-03/2020-09" (the end of
 * a range is used: a cumulative figure belongs where it was reached). Undefined if no year.
 */
export function parseDate(date: string | undefined): ParsedDate | undefined {
  if (!date) return undefined;
  const end = date.includes('/') ? date.slice(date.lastIndexOf('/') + 1) : date;
  const m = /(\d{4})(?:\s*[-./年]\s*(\d{1,2}))?(?:\s*[-./月]\s*(\d{1,2}))?/.exec(end);
  if (!m?.[1]) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  const out: ParsedDate = { year };
  if (month !== undefined && month >= 1 && month <= 12) {
    out.month = month;
    if (day !== undefined && day >= 1 && day <= 31) out.day = day;
  }
  return out;
}

/** A date as a fractional year for a time axis (mid-month for a month, start of year for a year). */
export function dateToYear(date: ParsedDate): number {
  if (date.month === undefined) return date.year;
  return date.year + (date.month - 1 + ((date.day ?? 15) - 1) / 31) / 12;
}

/** A date as Chinese text: 2020年, 2020年3月, 2020年3月12日. */
export function formatDate(date: ParsedDate): string {
  let s = `${date.year}年`;
  if (date.month !== undefined) s += `${date.month}月`;
  if (date.month !== undefined && date.day !== undefined) s += `${date.day}日`;
  return s;
}

/**
 * A date string as printed: 2020年3月; a range as 2017年3月—2020年9月; as given (trimmed) when it
 * cannot be parsed, or 日期不详 when empty.
 */
export function formatDateText(date: string | undefined): string {
  const parsed = parseDate(date);
  if (!date || !parsed) return date?.trim() || '日期不详';
  if (date.includes('/')) {
    const start = parseDate(date.slice(0, date.indexOf('/')));
    if (start) return `${formatDate(start)}—${formatDate(parsed)}`;
  }
  return formatDate(parsed);
}

/** Compares parsed dates (undefined last), earliest first; stable when equal. */
export function compareDates(a: ParsedDate | undefined, b: ParsedDate | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** Integer year ticks for an x axis: every year when few, else a step of 2, 5, 10 … */
export function yearTicks(minYear: number, maxYear: number, maxTicks = 6): number[] {
  const lo = Math.ceil(minYear);
  const hi = Math.floor(maxYear);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const span = hi - lo;
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s + 1 <= maxTicks) ?? 100;
  const first = Math.ceil(lo / step) * step;
  const ticks: number[] = [];
  for (let y = first; y <= hi; y += step) ticks.push(y);
  return ticks;
}
