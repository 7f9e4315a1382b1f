import { describe, expect, it } from 'vitest';
import {
  barsTitle,
  comparableBars,
  headlineNumbers,
  planArticleGraphic,
  rateFigures,
  rateGroups,
} from '../../../src/charts/article-graphic.ts';
import type { Metric } from '../../../src/schemas/metric.ts';
import { readEntries } from '../../support/content.ts';

let n = 0;
const m = (value: number, unit: string, topic: string, label = `指标${++n}`): Metric => ({
  id: `m-${++n}`,
  value,
  unit,
  label,
  topic,
  quote: '句子。',
});

describe("an article's key figures", () => {
  it('picks one headline number per topic, busiest topics first, counts of people, visits or money only', () => {
    const metrics = [
      m(5, '人', 'A'),
      m(120000, '人', 'A'),
      m(300, '人次', 'A'),
      m(9000000, '元', 'B'),
      m(40, '个', 'C'),
      m(500, '个', 'C'),
      m(800, '名', 'D'),
    ];
    expect(headlineNumbers(metrics).map((x) => x.value)).toEqual([120000, 9000000, 800]);
    expect(headlineNumbers(metrics, 1)).toHaveLength(1);
  });

  it('lists rates once per label, 100 % ones last', () => {
    const rates = rateFigures([
      m(100, '%', 'A', '签约率'),
      m(92.6, '%', 'A', '覆盖率'),
      m(100, '%', 'A', '签约率'),
      m(4, '‰', 'A'),
      m(67.1, '%', 'B', '管理率'),
    ]);
    expect(rates.map((x) => `${x.label}${x.value}`)).toEqual(['覆盖率92.6', '管理率67.1', '签约率100']);
  });

  it('draws bars only from one topic and one unit, without slivers', () => {
    const bars = comparableBars([
      m(72150, '名', '扶贫'),
      m(69938, '人', '扶贫'),
      m(22191, '人', '扶贫'),
      m(100, '人', '扶贫'),
      m(5590000, '元', '扶贫'),
      m(3, '个', 'X'),
      m(4, '个', 'X'),
    ]);
    expect(bars.map((x) => x.value)).toEqual([72150, 69938, 22191]);
    expect(comparableBars([m(1, '人', 'A'), m(2, '人', 'A')])).toEqual([]);
  });

  it('prefers bars of counts to a row of identical 100 % rates', () => {
    const all100 = [m(100, '%', 'A'), m(100, '%', 'A'), m(3000, '人', 'B'), m(2000, '人', 'B'), m(1000, '人', 'B')];
    expect(planArticleGraphic(all100)).toMatchObject({
      rates: [],
      bars: [{ value: 3000 }, { value: 2000 }, { value: 1000 }],
    });
    const mixed = [m(100, '%', 'A'), m(97, '%', 'A'), m(3000, '人', 'B'), m(2000, '人', 'B'), m(1000, '人', 'B')];
    expect(planArticleGraphic(mixed)).toMatchObject({ rates: [{ value: 97 }, { value: 100 }], bars: [] });
  });

  it('gives every article of the archive headline numbers and a second graphic', () => {
    for (const entry of readEntries()) {
      const plan = planArticleGraphic(entry.data.metrics);
      expect(plan.numbers.length, entry.slug).toBeGreaterThan(0);
      expect(plan.rates.length + plan.bars.length, entry.slug).toBeGreaterThan(0);
      const units = new Set(plan.bars.map((x) => (x.unit === '名' ? '人' : x.unit)));
      expect(units.size, entry.slug).toBeLessThanOrEqual(1);
    }
  });
});

describe('the unit and axis rules of the article graphic', () => {
  it('groups rates by what they measure (topic): unrelated rates never share one axis', () => {
    const rates = [m(97, '%', '应急'), m(78.8, '%', '卫生创建'), m(67, '%', '卫生创建'), m(73.7, '%', '老年')];
    expect(rateGroups(rates).map((g) => g.map((r) => r.topic))).toEqual([['应急'], ['卫生创建', '卫生创建'], ['老年']]);
  });

  it('puts no unit in a bar chart title: the values carry theirs (10.2万名, never under "（单位：人）")', () => {
    const bars = [m(102000, '名', '妇幼健康'), m(40000, '人', '妇幼健康')];
    expect(barsTitle('巨野县', bars)).toBe('巨野县：妇幼健康');
    expect(barsTitle('巨野县', bars)).not.toMatch(/单位/u);
  });
});
