import { describe, expect, it } from 'vitest';
import { containsAllTerms, normaliseText, parseQuery } from '../../../src/search/shared/query.ts';

describe('parseQuery', () => {
  it('splits on spaces, ideographic spaces and the list punctuation readers type between words', () => {
    expect(parseQuery(' 疫情 核酸　援鄂、扶贫，党建；义诊 ').terms).toEqual([
      '疫情',
      '核酸',
      '援鄂',
      '扶贫',
      '党建',
      '义诊',
    ]);
  });

  it('keeps what the reader typed, trimmed', () => {
    expect(parseQuery('  医养结合  ').text).toBe('医养结合');
  });

  it('drops quote marks: every term is a phrase already', () => {
    expect(parseQuery('“医养结合” "家庭医生"').terms).toEqual(['医养结合', '家庭医生']);
  });

  it('folds full-width characters and case, and drops repeated terms', () => {
    expect(parseQuery('９７．４４％ HPV hpv').terms).toEqual(['97.44%', 'hpv']);
  });

  it('keeps numbers with decimal points and digit-grouping commas whole', () => {
    expect(parseQuery('275.3万 1,000人').terms).toEqual(['275.3万', '1,000人']);
  });

  it('has no terms for a blank query', () => {
    expect(parseQuery(' 　、 ').terms).toEqual([]);
  });
});

describe('normaliseText and containsAllTerms', () => {
  it('ignores whitespace and the zero-width spaces Pagefind puts between words', () => {
    expect(normaliseText('医养\u200b结合 服务')).toBe('医养结合服务');
    expect(containsAllTerms('全县 医养\u200b结合 工作', ['医养结合'])).toBe(true);
  });

  it('requires every term', () => {
    expect(containsAllTerms('疫情防控，核酸检测', ['疫情', '核酸'])).toBe(true);
    expect(containsAllTerms('疫情防控', ['疫情', '核酸'])).toBe(false);
  });

  it('matches the whole phrase, not its characters scattered about', () => {
    expect(containsAllTerms('医疗保障和医院', ['医保'])).toBe(false);
  });
});

describe('parseQuery terms', () => {
  it('are the normalised words without quote marks, as the term index is looked up', () => {
    expect(parseQuery('“疫情”，核酸 ９７．４４％').terms).toEqual(['疫情', '核酸', '97.44%']);
  });
});
