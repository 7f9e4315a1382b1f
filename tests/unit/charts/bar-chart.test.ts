import { describe, expect, it } from 'vitest';
import { barChart, barChartTable } from '../../../src/charts/bar-chart.ts';
import { bars, hostile } from '../../../scripts/support/chart-fixtures.ts';
import { attr, expectAccessibleSvg, expectMarksUsable, expectSnapshot, expectTable, marks } from './helpers.ts';

const title = '巨野县2020年部分服务人数';

function barWidths(svg: string): number[] {
  return [...svg.matchAll(/<rect class="chart-bar"[^>]*>/g)].map((m) => Number(attr(m[0], 'width')));
}

describe('barChart', () => {
  it('draws one focusable bar per datum, largest first, with value labels', () => {
    const svg = barChart(bars, { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, bars.length);
    const values = marks(svg).map((m) => Number(attr(m, 'data-value')));
    expect(values).toEqual([...bars.map((b) => b.value)].sort((a, b) => b - a));
    expect(svg).toContain('>6.99万人</text>');
    expect(svg).toContain('>7296人</text>');
    expect(marks(svg)[0]).toContain('data-href="/articles/juye-2020/#poor-signed"');
    expect(marks(svg)[0]).toContain('aria-label="签约贫困人口：69,938人"');
  });

  it('makes bar widths proportional to values', () => {
    const svg = barChart(bars, { title });
    const widths = barWidths(svg);
    const sorted = [...bars].sort((a, b) => b.value - a.value);
    const ratio = (widths[0] ?? 0) / (sorted[0]?.value ?? 1);
    widths.forEach((w, i) => expect(w).toBeCloseTo((sorted[i]?.value ?? 0) * ratio, 0));
    // The longest bar plus its label fit inside the viewBox.
    expect(Math.max(...widths)).toBeLessThan(400);
  });

  it('keeps the order given when asked', () => {
    const svg = barChart(bars, { title, sort: 'none' });
    expect(marks(svg).map((m) => attr(m, 'data-id'))).toEqual(bars.map((b) => b.id));
  });

  it('wraps a long label onto two lines and cuts a longer one with "…"', () => {
    const svg = barChart(
      [
        {
          id: 'l',
          label: '艾滋病、梅毒和乙肝母婴传播阻断防治项目孕产妇孕产期咨询及检测服务人数（含随访）'.repeat(2),
          value: 1,
          unit: '人',
        },
      ],
      { title },
    );
    expect((svg.match(/<tspan/g) ?? []).length).toBe(2);
    expect(svg).toContain('…</tspan>');
    // The full label stays available as a tooltip and to screen readers.
    expect(svg).toMatch(/<title>艾滋病/);
  });

  it('renders a single value and no data without NaN', () => {
    const one = barChart(bars.slice(0, 1), { title: '单个' });
    expectAccessibleSvg(one, '单个');
    expectMarksUsable(one, 1);
    expect(barWidths(one)[0]).toBeGreaterThan(100);
    const empty = barChart([], { title: '空' });
    expectAccessibleSvg(empty, '空');
    expect(empty).toContain('暂无数据');
    expect(marks(empty)).toHaveLength(0);
  });

  it('handles zero and negative values', () => {
    const svg = barChart(
      [
        { id: 'a', label: '增加', value: 120, unit: '人' },
        { id: 'b', label: '减少', value: -40, unit: '人' },
        { id: 'c', label: '持平', value: 0, unit: '人' },
      ],
      { title: '变化' },
    );
    expectAccessibleSvg(svg, '变化');
    const widths = barWidths(svg);
    expect(widths[0]).toBeCloseTo(3 * (widths[2] ?? 0), 0);
    expect(widths[1]).toBe(0);
    expect(svg).toContain('>-40人</text>');
    const zeros = barChart([{ id: 'z', label: '零', value: 0, unit: '' }], { title: '零' });
    expectAccessibleSvg(zeros, '零');
  });

  it('escapes hostile labels, units and links', () => {
    const svg = barChart([hostile], { title: '<script>标题</script>' });
    expectAccessibleSvg(svg, '<script>标题</script>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('data-href="/articles/a&quot;b/#x"');
    expect(svg).toContain('12&lt;b&gt;');
  });

  it('is deterministic and matches the golden file', async () => {
    const svg = barChart(bars, { title });
    expect(barChart(bars, { title })).toBe(svg);
    expectSnapshot(svg, 'bar-chart.svg');
  });
});

describe('barChartTable', () => {
  it('lists every datum with exact values, links and scoped headers', () => {
    const html = barChartTable(bars, { title });
    expectTable(html, title, bars.length);
    expect(html).toContain('<th scope="row"><a href="/articles/juye-2020/#poor-signed">签约贫困人口</a></th>');
    expect(html).toContain('69,938人');
    expectTable(barChartTable([], { title }), title, 1);
    expect(barChartTable([hostile], { title: 'x' })).not.toContain('<script>');
  });
});
