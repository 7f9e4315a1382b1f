import { describe, expect, it } from 'vitest';
import { seriesOf, timeSeries, timeSeriesTable } from '../../../src/charts/time-series.ts';
import { hostile, series } from '../../../scripts/support/chart-fixtures.ts';
import { attr, expectAccessibleSvg, expectMarksUsable, expectSnapshot, expectTable, marks } from './helpers.ts';

const title = '家庭医生签约率';

function pointX(svg: string, id: string): number {
  const m = new RegExp(`data-id="${id}"[^>]*>(?:<circle cx="([\\d.]+)"|<rect x="([\\d.]+)")`).exec(svg);
  return Number(m?.[1] ?? m?.[2]);
}

describe('timeSeries', () => {
  it('draws a line and a focusable point per value, with years on the x axis', () => {
    const svg = timeSeries(series, { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, series.length);
    for (const year of ['2016', '2017', '2018', '2019', '2020']) expect(svg).toContain(`>${year}</text>`);
    expect(svg).toContain('>80%</text>');
    // Legend in words and different markers per series (not colour alone).
    expect(svg).toContain('>商河县</text>');
    expect(svg).toContain('>巨野县</text>');
    expect(svg).toMatch(/<circle /);
    expect(svg).toMatch(/<rect x=/);
    // Points are placed by year: equal spacing between consecutive years.
    const x16 = pointX(svg, 'jy-2016');
    const x17 = pointX(svg, 'jy-2017');
    const x18 = pointX(svg, 'jy-2018');
    expect(x17 - x16).toBeCloseTo(x18 - x17, 0);
  });

  it('marks a missing year as a gap', () => {
    const svg = timeSeries(series, { title });
    expect((svg.match(/class="chart-gap"/g) ?? []).length).toBe(1);
    expect(svg).toContain('虚线：中间年份缺数据');
    const noGap = timeSeries(
      series.filter((d) => d.group === '巨野县'),
      { title },
    );
    expect(noGap).not.toContain('chart-gap');
  });

  it('prints end values of several series apart from each other', () => {
    const svg = timeSeries(series, { title });
    const ys = [...svg.matchAll(/<text class="chart-value" x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    expect(Math.abs((ys[0] ?? 0) - (ys[1] ?? 0))).toBeGreaterThanOrEqual(14);
  });

  it('draws a single point with its value', () => {
    const svg = timeSeries(series.slice(0, 1), { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, 1);
    expect(svg).toContain('>38.5%</text>');
    expect(svg).toContain('>2016</text>');
    expect(svg).not.toMatch(/<path[^>]*stroke-width="2.5"/);
  });

  it('renders empty data, and data without dates, as 暂无数据', () => {
    expect(timeSeries([], { title })).toContain('暂无数据');
    const undated = timeSeries([{ id: 'a', label: 'x', value: 1, unit: '' }], { title });
    expectAccessibleSvg(undated, title);
    expect(undated).toContain('暂无数据');
  });

  it('says in the description how many undated values were left out', () => {
    const svg = timeSeries([...series.slice(0, 2), { id: 'u', label: 'x', value: 1, unit: '%' }], { title });
    expect(svg).toMatch(/另有1项无日期/);
    expect(timeSeriesTable([...series.slice(0, 2), { id: 'u', label: 'x', value: 1, unit: '%' }], { title })).toContain(
      'data-id="u"',
    );
  });

  it('escapes series names', () => {
    const svg = timeSeries([{ ...hostile, group: '<b>"x"</b>', date: '2020' }], { title });
    expectAccessibleSvg(svg, title);
    expect(marks(svg).map((m) => attr(m, 'data-group'))).toEqual(['&lt;b&gt;&quot;x&quot;&lt;/b&gt;']);
  });

  it('groups and sorts points by date', () => {
    const s = seriesOf([...series].reverse());
    expect(s.map((x) => x.name)).toEqual(['巨野县', '商河县']);
    expect(s[1]?.points.map((p) => p.datum.date)).toEqual(['2016', '2018', '2019', '2020']);
  });

  it('matches the golden file', async () => {
    expectSnapshot(timeSeries(series, { title }), 'time-series.svg');
  });

  it('has a table', () => {
    expectTable(timeSeriesTable(series, { title }), title, series.length);
  });
});
