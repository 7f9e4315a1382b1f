import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  hasFilters,
  readSearchState,
  toggleFilter,
  writeSearchState,
  type SearchState,
} from '../../../src/search/shared/state.ts';

const read = (search: string) => readSearchState(new URLSearchParams(search));

describe('readSearchState', () => {
  it('reads the query, each filter (repeatable) and the sort order', () => {
    expect(
      read('?q=%E6%89%B6%E8%B4%AB&type=专题&region=巨野县&year=2020&year=2018&topic=健康扶贫&sort=newest'),
    ).toEqual({
      q: '扶贫',
      filters: { 类型: ['专题'], 地区: ['巨野县'], 年份: ['2020', '2018'], 主题: ['健康扶贫'] },
      sort: 'newest',
    });
  });

  it('falls back to defaults for missing, blank, repeated or unknown values', () => {
    expect(read('?q=+&year=&year=2020&year=2020&sort=random')).toEqual({
      q: '',
      filters: { 类型: [], 地区: [], 年份: ['2020'], 主题: [] },
      sort: 'relevance',
    });
  });
});

describe('writeSearchState', () => {
  it('round-trips through the URL', () => {
    const state: SearchState = {
      q: '医养结合',
      filters: { 类型: ['文章', '专题'], 地区: ['济阳区', '巨野县'], 年份: [], 主题: ['中医药'] },
      sort: 'oldest',
    };
    expect(read(writeSearchState(state))).toEqual(state);
  });

  it('leaves defaults out, so a bare search page has a bare URL', () => {
    expect(writeSearchState({ q: ' ', filters: emptyFilters(), sort: 'relevance' })).toBe('');
    expect(writeSearchState({ q: '疫苗', filters: emptyFilters(), sort: 'relevance' })).toBe('?q=%E7%96%AB%E8%8B%97');
  });
});

describe('toggleFilter and hasFilters', () => {
  it('adds and removes one value, leaving the state it was given alone', () => {
    const start: SearchState = { q: '', filters: emptyFilters(), sort: 'relevance' };
    const on = toggleFilter(start, '年份', '2020', true);
    expect(on.filters.年份).toEqual(['2020']);
    expect(hasFilters(on)).toBe(true);
    expect(start.filters.年份).toEqual([]);
    expect(hasFilters(start)).toBe(false);
    expect(toggleFilter(toggleFilter(on, '年份', '2020', true), '年份', '2020', false).filters.年份).toEqual([]);
  });
});
