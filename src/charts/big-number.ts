/**
 * Number callouts: a big formatted figure with its label, as HTML (real text: it reflows,
 * selects, translates and prints like the article around it). The hedge (约/余/近/不足) is part
 * of the figure; the exact value is in a `<data value>` element, `data-value` and the title; when the datum
 * has an `href`, the figure links to its source sentence (works without JavaScript).
 */
import { compact, formatExact, qualifierText } from '../figures/format-number.ts';
import { el, elOpen, hash, raw, safeUrl, type Markup } from './svg.ts';
import type { ChartDatum } from './types.ts';

export interface BigNumberOptions {
  /** Optional line under the label, e.g. the period: 2020年. */
  note?: string;
  /** Extra class on the figure. */
  className?: string;
}

/** The figure split into its printed parts: 约 | 10.2 | 万 | 余 | 人. */
export function bigNumberParts(d: Pick<ChartDatum, 'value' | 'unit' | 'qualifier'>): {
  prefix: string;
  number: string;
  magnitude: string;
  infix: string;
  unit: string;
} {
  const ratio = /^[%‰％]$/.test(d.unit);
  const prescaled = /^[万亿]/.test(d.unit);
  const q = qualifierText(d.qualifier);
  const isInfix = d.qualifier === 'over';
  const { number, magnitude } = Number.isFinite(d.value)
    ? ratio || prescaled
      ? { number: compact(d.value, { significant: 99 }).number, magnitude: '' }
      : compact(d.value)
    : { number: '—', magnitude: '' };
  return {
    prefix: isInfix ? (ratio ? '超' : '') : q,
    number,
    magnitude,
    infix: isInfix && !ratio ? q : '',
    unit: d.unit,
  };
}

/** HTML of one number callout. */
export function bigNumber(d: ChartDatum | undefined, options: BigNumberOptions = {}): string {
  if (!d) {
    return el(
      'figure',
      { class: ['big-number', 'big-number--empty', options.className].filter(Boolean).join(' ') },
      el('p', { class: 'big-number__value' }, '—'),
      el('figcaption', { class: 'big-number__label' }, '暂无数据'),
    ).toString();
  }
  const parts = bigNumberParts(d);
  const exact = formatExact(d.value, d.unit, { qualifier: d.qualifier });
  const value: Markup[] = [
    parts.prefix ? elOpen('span', { class: 'big-number__qualifier' }, parts.prefix) : null,
    elOpen('data', { class: 'big-number__number', value: String(d.value) }, parts.number),
    parts.magnitude || parts.infix || parts.unit
      ? elOpen('span', { class: 'big-number__unit' }, `${parts.magnitude}${parts.infix}${parts.unit}`)
      : null,
  ].filter((m): m is Markup => m !== null);
  // The link's name is the figure; its description is the label (ids unique per datum).
  const labelId = `bn-${hash(`${d.id}|${d.href ?? ''}|${d.label}`)}`;
  const href = safeUrl(d.href);
  const figureValue = href ? el('a', { class: 'big-number__link', href, 'aria-describedby': labelId }, value) : value;
  return el(
    'figure',
    {
      class: ['big-number', options.className].filter(Boolean).join(' '),
      'data-id': d.id,
      'data-value': String(d.value),
      'data-unit': d.unit,
      'data-label': d.label,
      'data-href': href,
      'data-date': d.date,
    },
    el('p', { class: 'big-number__value', title: exact }, figureValue),
    el(
      'figcaption',
      { class: 'big-number__label', id: labelId },
      d.label,
      // A block of its own, so search text and copy-paste keep it apart from the label.
      options.note ? el('p', { class: 'big-number__note' }, options.note) : null,
    ),
  ).toString();
}

/** HTML of a row of callouts (a list, so screen readers announce the count). */
export function bigNumbers(data: readonly ChartDatum[], options: BigNumberOptions = {}): string {
  if (data.length === 0) return bigNumber(undefined, options);
  return el(
    'ul',
    { class: 'big-numbers', role: 'list' },
    data.map((d) => el('li', {}, raw(bigNumber(d, options)))),
  ).toString();
}

/** Suggested CSS for callouts (sizes in rem so they follow the reader's font size). */
export const BIG_NUMBER_CSS = `
.big-numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
.big-number { margin: 0; }
.big-number__value { margin: 0; font-size: 2.25rem; line-height: 1.1; font-weight: 700; font-variant-numeric: tabular-nums; }
.big-number__qualifier, .big-number__unit { font-size: 0.55em; font-weight: 600; }
.big-number__label { font-size: 0.95rem; }
.big-number__note { display: block; margin: 0; opacity: 0.75; font-size: 0.875rem; }
`;
