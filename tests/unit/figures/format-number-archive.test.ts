import { describe, expect, it } from 'vitest';
import { bigNumberParts } from '../../../src/charts/big-number.ts';
import { niceTicks } from '../../../src/charts/scales.ts';
import { formatExact, formatNumber } from '../../../src/figures/format-number.ts';
import { readEntries } from '../../support/content.ts';

const metrics = readEntries().flatMap((e) => e.data.metrics.map((m) => ({ slug: e.slug, ...m })));

/** The number a compact label stands for: 10.2万 → 102000. */
function compactValue(text: string): number {
  const m = /(-?\d+(?:\.\d+)?)(万|亿)?/u.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1);
}

describe('every figure of the archive, formatted', () => {
  it.each(metrics.map((m) => [`${m.slug}/${m.id}`, m] as const))('%s', (_, m) => {
    const compact = formatNumber(m.value, m.unit, { qualifier: m.qualifier });
    const exact = formatExact(m.value, m.unit, { qualifier: m.qualifier });
    for (const text of [compact, exact]) {
      expect(text).not.toMatch(/NaN|undefined|Infinity|e\+|—/u);
      expect(text.endsWith(m.unit)).toBe(true);
    }
    // Exact: every digit; compact: within its rounding (3 significant digits).
    expect(Number(exact.replace(/[^\d.-]/gu, ''))).toBe(m.value);
    expect(Math.abs(compactValue(compact) - m.value) / Math.max(1, m.value)).toBeLessThan(0.006);
    // The callout prints the same figure as the compact label.
    const parts = bigNumberParts({ value: m.value, unit: m.unit, ...(m.qualifier ? { qualifier: m.qualifier } : {}) });
    expect(`${parts.prefix}${parts.number}${parts.magnitude}${parts.infix}${parts.unit}`).toBe(compact);
  });
});

describe('axis ticks for the ranges the stories draw', () => {
  it('shares one magnitude per axis, from people to 亿 of 元', () => {
    expect(niceTicks([0, 196533], 4, '人').labels).toEqual(['0', '5万', '10万', '15万', '20万']);
    expect(niceTicks([0, 36801200], 4, '元').labels).toEqual(['0', '1000万', '2000万', '3000万', '4000万']);
    expect(niceTicks([0, 175000000], 4, '元').labels).toEqual(['0', '0.5亿', '1亿', '1.5亿', '2亿']);
    expect(niceTicks([0, 109.64], 4, '%').labels).toEqual(['0%', '20%', '40%', '60%', '80%', '100%', '120%']);
  });

  it('handles a single value and an empty range', () => {
    expect(niceTicks([55, 55], 4, '家').ticks.every(Number.isFinite)).toBe(true);
    expect(niceTicks([0, 0]).labels).toEqual(['0']);
  });
});
