import { describe, expect, it } from 'vitest';
import { sortEvents, timeline, timelineTable } from '../../../src/charts/timeline.ts';
import { events } from '../../../scripts/support/chart-fixtures.ts';
import {
  attr,
  expectAccessibleSvg,
  expectMarksUsable,
  expectSnapshot,
  expectTable,
  marks,
  viewBoxWidth,
} from './helpers.ts';

const title = '巨野县卫健局所获荣誉';

describe('timeline', () => {
  it('lists events in date order with dates in Chinese', () => {
    const svg = timeline(events, { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, events.length);
    expect(marks(svg).map((m) => attr(m, 'data-id'))).toEqual(['honour-1', 'honour-2', 'poverty', 'honour-3']);
    expect(svg).toContain('>2020年3月</text>');
    expect(svg).toContain('>2017年3月—2020年9月</text>');
    expect(marks(svg)[0]).toContain('aria-label="2020年3月：荣获“2019年全市医养结合先进单位”称号"');
  });

  it('fits a phone column: 360 wide, text ≥ 12 px even at 320 px', () => {
    const svg = timeline(events, { title });
    expect(viewBoxWidth(svg)).toBe(360);
    for (const m of svg.matchAll(/font-size="([\d.]+)"/g))
      expect((Number(m[1]) * 320) / 360).toBeGreaterThanOrEqual(12);
    // Long event text wraps instead of running off the right edge.
    expect((svg.match(/<tspan/g) ?? []).length).toBeGreaterThan(events.length);
  });

  it('puts undated events last, in input order', () => {
    const sorted = sortEvents([
      { id: 'a', label: 'a', date: '' },
      { id: 'b', label: 'b', date: '2020' },
      { id: 'c', label: 'c', date: '某年' },
      { id: 'd', label: 'd', date: '2019-05' },
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['d', 'b', 'a', 'c']);
    const svg = timeline([{ id: 'a', label: '未注明日期', date: '' }], { title });
    expect(svg).toContain('>日期不详</text>');
  });

  it('renders a single event and no events', () => {
    const one = timeline(events.slice(0, 1), { title });
    expectAccessibleSvg(one, title);
    expectMarksUsable(one, 1);
    expect(one).not.toContain('<line');
    expect(timeline([], { title })).toContain('暂无数据');
  });

  it('escapes event text', () => {
    const svg = timeline([{ id: 'x', label: '<script>alert(1)</script>', date: '2020<', href: 'javascript:"' }], {
      title,
    });
    expectAccessibleSvg(svg, title);
    expect(svg).toContain('&lt;script&gt;');
    // A javascript: link is dropped, not passed to the enhancer.
    expect(svg).not.toContain('data-href');
  });

  it('matches the golden file', async () => {
    expectSnapshot(timeline(events, { title }), 'timeline.svg');
  });

  it('has a table of dates and events, without a value column', () => {
    const html = timelineTable(events, { title });
    expectTable(html, title, events.length);
    expect(html).toContain('<th scope="col">事件</th>');
    expect(html).not.toContain('数值');
    expect(html).toContain('2017年3月—2020年9月');
  });
});
