import { describe, expect, it } from 'vitest';
import { panelsOf, smallMultiples, smallMultiplesTable } from '../../../src/charts/small-multiples.ts';
import { byRegion, hostile } from '../../../scripts/support/chart-fixtures.ts';
import { attr, expectAccessibleSvg, expectMarksUsable, expectSnapshot, expectTable, marks } from './helpers.ts';

const title = '65岁及以上老年人免费健康查体人数';

describe('smallMultiples', () => {
  it('draws one panel per region, sorted by latest value, one mark per datum', () => {
    const svg = smallMultiples(byRegion, { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, byRegion.length);
    const panels = [...svg.matchAll(/<g class="chart-panel" data-group="([^"]+)"/g)].map((m) => m[1]);
    expect(panels).toEqual(['巨野县', '商河县', '单县', '山亭区']);
    expect(svg).toContain('各图刻度相同：0 至 12万人');
    expect(svg).toContain('10.2万人（2020）');
  });

  it('uses one shared scale: equal values give equal heights across panels', () => {
    const svg = smallMultiples(
      [
        { id: 'a', label: 'x', value: 50, unit: '人', group: '甲县', date: '2020' },
        { id: 'b', label: 'x', value: 100, unit: '人', group: '乙县', date: '2020' },
        { id: 'c', label: 'x', value: 50, unit: '人', group: '乙县', date: '2019' },
      ],
      { title: 't' },
    );
    const heights = Object.fromEntries(
      [
        ...svg.matchAll(/<g class="chart-mark"[^>]*data-id="(\w)"[^>]*><rect class="chart-bar"[^>]*height="([\d.]+)"/g),
      ].map((m) => [m[1], Number(m[2])]),
    );
    expect(heights.a).toBe(heights.c);
    expect(heights.b).toBeCloseTo(2 * (heights.a ?? 0), 0);
  });

  it('orders columns in a panel by date and sorts panels by name on request', () => {
    expect(panelsOf(byRegion)[0]?.data.map((d) => d.date)).toEqual(['2019', '2020']);
    expect(panelsOf(byRegion, 'name').map((p) => p.name)).toEqual(
      ['单县', '山亭区', '商河县', '巨野县'].sort(new Intl.Collator('zh-Hans-CN').compare),
    );
  });

  it('renders a single value and no data', () => {
    const one = smallMultiples(byRegion.slice(0, 1), { title });
    expectAccessibleSvg(one, title);
    expectMarksUsable(one, 1);
    const empty = smallMultiples([], { title });
    expectAccessibleSvg(empty, title);
    expect(empty).toContain('暂无数据');
  });

  it('escapes region names and labels', () => {
    const svg = smallMultiples([{ ...hostile, group: '<img src=x onerror=alert(1)>' }], { title: 't' });
    expectAccessibleSvg(svg, 't');
    expect(svg).not.toMatch(/<img/);
    expect(marks(svg)[0] && attr(marks(svg)[0] ?? '', 'data-group')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('matches the golden file', async () => {
    expectSnapshot(smallMultiples(byRegion, { title }), 'small-multiples.svg');
  });

  it('has a table grouped by region', () => {
    const html = smallMultiplesTable(byRegion, { title });
    expectTable(html, title, byRegion.length);
    expect(html.indexOf('巨野县')).toBeLessThan(html.indexOf('山亭区'));
  });
});
