/**
 * Chinese number formatting for charts, captions and tables.
 *
 * Two forms:
 * - compact (`formatNumber`): what a chart label or a callout prints. 万 (10⁴) and 亿 (10⁸)
 *   from 10,000 up, at most 3 significant digits (the integer part is never rounded away: 1235万), no trailing zeros: 101981 人 → "10.2万人",
 *   175000000 元 → "1.75亿元", 5590000 元 over → "559万余元", 98.5 % → "98.5%", 4 ‰ → "4‰".
 * - exact (`formatExact`): what a table or tooltip prints. Every digit, grouped by thousands
 *   with ASCII commas as zh-CN does (`Intl.NumberFormat('zh-CN')`): 101981 人 → "101,981人".
 *   We chose commas over plain "101981" because long figures (8+ digits of 元) are hard to read
 *   ungrouped in a table; the compact form already matches the printed newspaper style.
 *
 * Negative numbers use ASCII "-" (no "−"), so labels stay searchable and copyable. Non-finite
 * input prints "—" instead of "NaN".
 */
import type { Qualifier } from '../schemas/metric.ts';
import { smallNumber } from './parse-ranks.ts';

export type { Qualifier };

/** How each hedge prints: before the number (约10万) or after the magnitude (10万余人). */
const QUALIFIER_TEXT: Record<Qualifier, { prefix?: string; infix?: string }> = {
  about: { prefix: '约' },
  over: { infix: '余' },
  nearly: { prefix: '近' },
  under: { prefix: '不足' },
};

/** Units printed straight after the number and never scaled by 万/亿. */
const RATIO_UNITS = new Set(['%', '‰', '％']);

export interface FormatOptions {
  /** Hedge printed with the figure (约/余/近/不足). */
  qualifier?: Qualifier | undefined;
  /**
   * The figure as printed, when known: a 余/多 printed before the magnitude stays there
   * (2000余万元 is "over 2000万", not "2000万 and a bit": never 2000万余元).
   */
  printed?: string | undefined;
  /** Significant digits of a 万/亿 figure (default 3: 10.2万, 275万, 1235万). */
  significant?: number;
  /** Most decimals of a figure below 10,000 (default 2: 98.5, 109.64). */
  maxDecimals?: number;
}

/** Strips trailing zeros from a fixed-point string: "10.20" → "10.2", "5.00" → "5". */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Fixed-point text without exponent notation, "-0" or trailing zeros. */
function fixed(value: number, decimals: number): string {
  const d = Math.max(0, Math.min(20, Math.round(decimals)));
  const s = trimZeros(Math.abs(value).toFixed(d));
  return s === '0' || value >= 0 ? s : `-${s}`;
}

/** Decimals needed so `abs` shows `significant` significant digits (never negative). */
function decimalsFor(abs: number, significant: number): number {
  if (abs === 0) return 0;
  const magnitude = Math.floor(Math.log10(abs)) + 1;
  return Math.max(0, significant - magnitude);
}

/** A number as is, at most `maxDecimals` decimals, but 3 significant digits below one (0.000123). */
function plain(value: number, maxDecimals: number): string {
  const abs = Math.abs(value);
  const decimals = abs > 0 && abs < 1 ? Math.max(maxDecimals, decimalsFor(abs, 3)) : maxDecimals;
  return fixed(value, decimals);
}

export interface Compact {
  /** The number part: "10.2", "1.75", "-3". */
  number: string;
  /** The magnitude character: "", "万" or "亿". */
  magnitude: '' | '万' | '亿';
}

/** Splits a value into a short number and a magnitude (万/亿), as `formatNumber` prints it. */
export function compact(value: number, options: Pick<FormatOptions, 'significant' | 'maxDecimals'> = {}): Compact {
  const significant = options.significant ?? 3;
  const maxDecimals = options.maxDecimals ?? 2;
  const abs = Math.abs(value);
  if (abs < 1e4) {
    const number = plain(value, maxDecimals);
    // 9999.996 rounds up to 10000: print it as 1万.
    if (Math.abs(Number(number)) < 1e4) return { number, magnitude: '' };
  }
  const tiers = [
    { size: 1e8, magnitude: '亿' as const },
    { size: 1e4, magnitude: '万' as const },
  ];
  for (const [i, tier] of tiers.entries()) {
    if (abs < tier.size && i < tiers.length - 1) continue;
    const scaled = value / tier.size;
    const number = fixed(scaled, decimalsFor(Math.abs(scaled), significant));
    // 9999.6万 rounds to 10000万: print it as 1亿 instead.
    const bigger = tiers[i - 1];
    if (bigger && Math.abs(Number(number)) >= bigger.size / tier.size) {
      const up = value / bigger.size;
      return { number: fixed(up, decimalsFor(Math.abs(up), significant)), magnitude: bigger.magnitude };
    }
    return { number, magnitude: tier.magnitude };
  }
  return { number: fixed(value, 0), magnitude: '' };
}

/**
 * Compact Chinese figure: "10.2万人", "1.75亿元", "98.5%", "4‰", "7296人", "559万余元", "约3000人".
 * `unit` is printed as given; % and ‰ are never scaled by 万/亿, nor are units that already start
 * with 万 or 亿 ("万元").
 */
export function formatNumber(value: number, unit = '', options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return '—';
  const q = options.qualifier ? QUALIFIER_TEXT[options.qualifier] : {};
  const ratio = RATIO_UNITS.has(unit);
  const prescaled = /^[万亿]/.test(unit);
  const { number, magnitude }: Compact =
    ratio || prescaled ? { number: plain(value, options.maxDecimals ?? 2), magnitude: '' } : compact(value, options);
  // 余 reads after the magnitude (559万余元, 300余人) but not with a ratio: 超98%; where the
  // text printed it before the magnitude (2000余万元), it stays there.
  const prefix = q.prefix ?? (q.infix && ratio ? '超' : '');
  const infix = q.infix && !ratio ? q.infix : '';
  if (infix !== '' && magnitude !== '' && hedgeBeforeMagnitude(options.printed))
    return `${prefix}${number}${infix}${magnitude}${unit}`;
  return `${prefix}${number}${magnitude}${infix}${unit}`;
}

/** "2000余万元", "40多万份": the hedge sits between the number and 万/亿. */
function hedgeBeforeMagnitude(printed: string | undefined): boolean {
  return printed !== undefined && /[0-9０-９][余多][万亿]/u.test(printed);
}

/** What formatFigure needs of a metric. */
export interface FigureLike {
  value: number;
  unit: string;
  qualifier?: Qualifier | undefined;
  printed?: string | undefined;
  kind?: string | undefined;
}

const CN_NUMERALS = /[一二两三四五六七八九十]+/gu;

/** A rank as printed, its Chinese numeral in digits so it reads like the other figures: 全省第四 → 全省第4. */
export function rankText(printed: string): string {
  return printed.replace(CN_NUMERALS, (numeral) => String(smallNumber(numeral) ?? numeral));
}

/**
 * The one way a metric's figure is shown (key figures, the 数据 panel, topic pages, charts):
 * a rank or streak as printed (全省第4, 前3名, 全国20强, 连续10届); any other figure compact,
 * with its hedge where the text printed it (2000余万元, 559万余元, 约60%, 超50%).
 */
export function formatFigure(
  figure: FigureLike,
  options: Pick<FormatOptions, 'significant' | 'maxDecimals'> = {},
): string {
  if ((figure.kind === 'rank' || figure.kind === 'streak') && figure.printed !== undefined)
    return rankText(figure.printed);
  return formatNumber(figure.value, figure.unit, { ...options, qualifier: figure.qualifier, printed: figure.printed });
}

const exactFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });

/**
 * Exact figure for tables and tooltips: every digit, thousands grouped with commas:
 * "101,981人", "1,750,000元", "98.5%", "约3,000人", "5,590,000余元".
 */
export function formatExact(value: number, unit = '', options: Pick<FormatOptions, 'qualifier'> = {}): string {
  if (!Number.isFinite(value)) return '—';
  const q = options.qualifier ? QUALIFIER_TEXT[options.qualifier] : {};
  const ratio = RATIO_UNITS.has(unit);
  const prefix = q.prefix ?? (q.infix && ratio ? '超' : '');
  const infix = q.infix && !ratio ? q.infix : '';
  const number = exactFormat.format(value).replace(/^-0$/, '0');
  return `${prefix}${number}${infix}${unit}`;
}

/** The hedge as a short Chinese word, for screen-reader labels: 约, 余, 近, 不足. */
export function qualifierText(qualifier: Qualifier | undefined): string {
  if (!qualifier) return '';
  const q = QUALIFIER_TEXT[qualifier];
  return q.prefix ?? q.infix ?? '';
}

/**
 * A formatter for axis ticks that share one magnitude, so an axis reads 0, 5万, 10万, 15万
 * (not 0, 50000, 10万) and 0, 0.5亿, 1亿. Decimals follow the tick step, so labels never
 * disagree in precision ("2.5万, 5万" is fine, "2.50万" never appears).
 */
export function tickFormatter(ticks: readonly number[], unit = ''): (value: number) => string {
  const finite = ticks.filter(Number.isFinite);
  const ratio = RATIO_UNITS.has(unit);
  const max = finite.reduce((m, t) => Math.max(m, Math.abs(t)), 0);
  const size = ratio ? 1 : max >= 1e8 ? 1e8 : max >= 1e4 ? 1e4 : 1;
  const magnitude = size === 1e8 ? '亿' : size === 1e4 ? '万' : '';
  // Step between ticks in the chosen magnitude decides the decimals (step 0.25 → 2 decimals).
  const sorted = [...finite].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const d = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
    if (d > 0) step = Math.min(step, d);
  }
  // Ticks are multiples of the step, so as many decimals as the step needs are enough.
  const scaledStep = Math.abs(Number.isFinite(step) ? step / size : (sorted[0] ?? 0) / size);
  const decimals = (fixed(scaledStep, 4).split('.')[1] ?? '').length;
  const suffix = ratio ? unit : '';
  return (value: number) => {
    if (!Number.isFinite(value)) return '—';
    if (value === 0) return `0${suffix}`;
    return `${fixed(value / size, decimals)}${magnitude}${suffix}`;
  };
}

/** Formats a whole set of ticks at once (see `tickFormatter`). */
export function formatTicks(ticks: readonly number[], unit = ''): string[] {
  const format = tickFormatter(ticks, unit);
  return ticks.map(format);
}
