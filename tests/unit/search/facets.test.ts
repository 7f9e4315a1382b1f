import { describe, expect, it } from 'vitest';
import { applyFilters, countFacets } from '../../../src/search/browser/facets.ts';
import { emptyFilters } from '../../../src/search/shared/state.ts';

const items = [
  { id: 'a', filters: { 地区: ['巨野县'], 年份: ['2020'], 主题: ['健康扶贫', '党建'] } },
  { id: 'b', filters: { 地区: ['巨野县'], 年份: ['2020'], 主题: [] } },
  { id: 'c', filters: { 地区: ['商河县'], 年份: ['2020'] } },
  { id: 'd', filters: { 地区: ['山亭区'], 年份: ['2018'], 主题: ['健康扶贫'] } },
];

describe('applyFilters', () => {
  it('keeps everything without a selection', () => {
    expect(applyFilters(items, emptyFilters())).toHaveLength(4);
  });

  it('treats values of one filter as alternatives and different filters as all required', () => {
    const selection = { ...emptyFilters(), 地区: ['巨野县', '山亭区'], 主题: ['健康扶贫'] };
    expect(applyFilters(items, selection).map((i) => i.id)).toEqual(['a', 'd']);
  });

  it('drops items without any value for a selected filter (an article with no topic)', () => {
    expect(applyFilters(items, { ...emptyFilters(), 主题: ['党建'] }).map((i) => i.id)).toEqual(['a']);
  });
});

describe('countFacets', () => {
  it('counts every value found, years newest first, others in pinyin order (not by count)', () => {
    const facets = countFacets(items, emptyFilters());
    expect(facets.年份).toEqual([
      { value: '2020', count: 3, selected: false },
      { value: '2018', count: 1, selected: false },
    ]);
    // ju < shan < shang; dang < jian, although 健康扶贫 has more results.
    expect(facets.地区.map((v) => v.value)).toEqual(['巨野县', '山亭区', '商河县']);
    expect(facets.主题).toEqual([
      { value: '党建', count: 1, selected: false },
      { value: '健康扶贫', count: 2, selected: false },
    ]);
  });

  it('keeps every filter in the same order whatever is selected, only the counts change', () => {
    const order = (f: ReturnType<typeof countFacets>) =>
      Object.fromEntries(Object.entries(f).map(([k, vs]) => [k, vs.map((v) => v.value)]));
    const before = order(countFacets(items, emptyFilters()));
    for (const selection of [
      { ...emptyFilters(), 地区: ['山亭区'] },
      { ...emptyFilters(), 年份: ['2018'], 主题: ['党建'] },
    ]) {
      expect(order(countFacets(items, selection))).toEqual(before);
    }
  });

  it("counts a value by what selecting it would show: other filters' selections apply, its own filter's do not", () => {
    const facets = countFacets(items, { ...emptyFilters(), 年份: ['2020'], 地区: ['巨野县'] });
    // Years: limited by the region selection only.
    expect(facets.年份).toEqual([
      { value: '2020', count: 2, selected: true },
      { value: '2018', count: 0, selected: false },
    ]);
    // Regions: limited by the year selection only, so alternatives keep their counts.
    expect(facets.地区).toContainEqual({ value: '商河县', count: 1, selected: false });
    expect(facets.地区).toContainEqual({ value: '山亭区', count: 0, selected: false });
  });

  it('keeps a selected value that no result has, so it can be cleared', () => {
    expect(countFacets(items, { ...emptyFilters(), 地区: ['济阳区'] }).地区).toContainEqual({
      value: '济阳区',
      count: 0,
      selected: true,
    });
    expect(countFacets([], { ...emptyFilters(), 年份: ['2024'] }).年份).toEqual([
      { value: '2024', count: 0, selected: true },
    ]);
  });
});
