import { describe, expect, it } from 'vitest';
import { proportionBars, proportionTable, toPercent, waffle } from '../../../src/charts/proportion.ts';
import { hostile, rates } from '../../../scripts/support/chart-fixtures.ts';
import { attr, expectAccessibleSvg, expectMarksUsable, expectSnapshot, expectTable, viewBoxWidth } from './helpers.ts';

const title = '覆盖率与完成率';

function bar(svg: string, cls: string, id: string): { x: number; width: number } | undefined {
  const row = new RegExp(`data-id="${id}"[\\s\\S]*?</g>`).exec(svg)?.[0] ?? '';
  const tag = new RegExp(`<rect class="${cls}"[^>]*>`).exec(row)?.[0];
  return tag ? { x: Number(attr(tag, 'x')), width: Number(attr(tag, 'width')) } : undefined;
}

describe('proportionBars', () => {
  it('draws a track and a bar per rate, in the order given', () => {
    const svg = proportionBars(rates, { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, rates.length);
    expect((svg.match(/class="chart-track"/g) ?? []).length).toBe(rates.length);
    expect(svg).toContain('>92.39%</text>');
    expect(svg).toContain('>超50%</text>');
    expect(svg).toContain('>4‰</text>');
    expect(svg).toContain('>100%</text>');
  });

  it('keeps bars proportional: 50 % is half of 100 %, ‰ is a tenth of %', () => {
    const svg = proportionBars(rates, { title });
    const full = bar(svg, 'chart-bar', 'tb-managed')?.width ?? 0;
    expect(bar(svg, 'chart-bar', 'sanitary-villages')?.width).toBeCloseTo(full / 2, 0);
    expect(bar(svg, 'chart-bar', 'birth-defects')?.width).toBeCloseTo(full * 0.004, 0);
    expect(bar(svg, 'chart-track', 'tb-managed')?.width).toBeCloseTo(full, 0);
    expect(toPercent({ value: 4, unit: '‰' })).toBe(0.4);
  });

  it('draws 109.64 % as a full bar plus a hatched part beyond the 100 % rule, inside the viewBox', () => {
    const svg = proportionBars(rates, { title });
    const full = bar(svg, 'chart-bar', 'target');
    const over = bar(svg, 'chart-bar-over', 'target');
    const hundred = bar(svg, 'chart-track', 'target');
    expect(full?.width).toBeCloseTo(hundred?.width ?? 0, 0);
    expect(over?.x).toBeCloseTo((hundred?.x ?? 0) + (hundred?.width ?? 0), 0);
    expect(over?.width).toBeCloseTo((hundred?.width ?? 0) * 0.0964, 0);
    expect(svg).toMatch(/<pattern id="[^"]+-over"/);
    expect(svg).toContain('超过100%的部分以斜线标出');
    const valueX = Number(/data-id="target"[\s\S]*?<text class="chart-value" x="([\d.]+)"/.exec(svg)?.[1]);
    expect(valueX + 60).toBeLessThanOrEqual(viewBoxWidth(svg));
  });

  it('caps huge rates with a break mark instead of squashing the rest', () => {
    const svg = proportionBars(
      [
        { id: 'a', label: 'a', value: 400, unit: '%' },
        { id: 'b', label: 'b', value: 100, unit: '%' },
      ],
      { title },
    );
    expectAccessibleSvg(svg, title);
    expect(svg).toContain('chart-break');
    const hundred = bar(svg, 'chart-track', 'b')?.width ?? 0;
    expect(hundred).toBeGreaterThan(200);
  });

  it('renders one value and no values', () => {
    const one = proportionBars(rates.slice(0, 1), { title });
    expectAccessibleSvg(one, title);
    expectMarksUsable(one, 1);
    expect(proportionBars([], { title })).toContain('暂无数据');
    expect(proportionBars([{ id: 'n', label: 'n', value: -5, unit: '%' }], { title })).not.toMatch(/width="-/);
  });

  it('escapes labels', () => {
    const svg = proportionBars([hostile], { title });
    expectAccessibleSvg(svg, title);
    expect(svg).not.toContain('<script>');
  });

  it('matches the golden file', async () => {
    expectSnapshot(proportionBars(rates, { title }), 'proportion.svg');
  });

  it('has a table', () => {
    expectTable(proportionTable(rates, { title }), title, rates.length);
  });
});

describe('waffle', () => {
  const cells = (svg: string) =>
    [...svg.matchAll(/<rect [^>]*class="chart-cell"[^>]*>/g)].map((m) => Number(attr(m[0], 'width')));

  it('fills one cell per percent, the last one partly', () => {
    const svg = waffle(rates[0], { title: '叶酸规范服用率' });
    expectAccessibleSvg(svg, '叶酸规范服用率');
    expectMarksUsable(svg, 1);
    const filled = cells(svg);
    expect(filled).toHaveLength(93);
    expect(filled.slice(0, 92).every((w) => w === 17)).toBe(true);
    expect(filled[92]).toBeCloseTo(0.39 * 17, 0);
    expect((svg.match(/<rect /g) ?? []).length).toBe(100 + 93);
    expect(svg).toContain('>92.39%</text>');
  });

  it('fills every cell above 100 % and says so', () => {
    const svg = waffle(rates[3], { title: '完成率' });
    expect(cells(svg)).toHaveLength(100);
    expect(svg).toContain('超过100%');
    expect(svg).toContain('>109.64%</text>');
  });

  it('handles 0 %, ‰ and missing data', () => {
    expect(cells(waffle({ id: 'z', label: 'z', value: 0, unit: '%' }, { title: 'z' }))).toHaveLength(0);
    expect(cells(waffle(rates[4], { title: '‰' }))).toHaveLength(1);
    const empty = waffle(undefined, { title: '空' });
    expectAccessibleSvg(empty, '空');
    expect(empty).toContain('暂无数据');
  });

  it('matches the golden file', async () => {
    expectSnapshot(waffle(rates[0], { title: '叶酸规范服用率' }), 'waffle.svg');
  });
});
