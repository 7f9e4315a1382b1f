import { describe, expect, it } from 'vitest';
import { quoteHasValue } from '../../../src/figures/parse-figures.ts';
import { fixture, messages } from './fixtures.ts';

describe('content check: metrics', () => {
  it('catches a quote not in the body, a value not in its quote, a figure not in its quote and a reused id', () => {
    expect(messages([fixture('articles/metric-mistakes.mdx')])).toEqual([
      'content/articles/metric-mistakes.mdx:12 metrics[0].quote (metric elderly-7296) "服务城乡老年人7296人。" is not in the article\'s text — copy the sentence exactly from the body (the body may have been edited since)',
      'content/articles/metric-mistakes.mdx:13 metrics[1].id "elderly-7296" is already the id of metrics[0] (line 7) — give each metric its own id, e.g. add -2',
      'content/articles/metric-mistakes.mdx:14 metrics[1].value (metric elderly-7296) 7269人 does not appear in its quote "服务老年人7296人。" — correct the value or unit (万 and 亿 are multiplied out: 275.3万 is 2753000), or the quote',
      'content/articles/metric-mistakes.mdx:19 metrics[1].figure (metric elderly-7296) "7269人" is not in its quote "服务老年人7296人。" — copy the figure exactly as printed in the quote, or delete the figure line',
    ]);
  });

  it('notices when an edit to the body leaves a metric behind', () => {
    const juye = fixture('articles/juye-2021.mdx');
    const edited = {
      ...juye,
      text: juye.text.replace('服务城乡居家老年人7296人。全年', '服务城乡居家老年人7300人。全年'),
    };
    expect(messages([], { articles: [edited, fixture('articles/yuncheng-2020.mdx')] })).toEqual([
      'content/articles/juye-2021.mdx:16 metrics[0].quote (metric elderly-care-7296) "服务城乡居家老年人7296人。" is not in the article\'s text — copy the sentence exactly from the body (the body may have been edited since)',
    ]);
  });
});

describe('quoteHasValue (stand-in for parse-figures)', () => {
  it('reads 万/亿, decimals, full-width digits, thousands commas and hedges', () => {
    expect(quoteHasValue('全年投入275.3万余元。', 2753000, '元')).toBe(true);
    expect(quoteHasValue('总投资1.75亿元', 175000000, '元')).toBe(true);
    expect(quoteHasValue('每月上门服务18000多次', 18000, '次')).toBe(true);
    expect(quoteHasValue('覆盖率达９８．５％', 98.5, '%')).toBe(true);
    expect(quoteHasValue('共1,000人', 1000, '人')).toBe(true);
  });

  it('does not match a different number, unit or a number inside a longer one', () => {
    expect(quoteHasValue('服务老年人7296人。', 7269, '人')).toBe(false);
    expect(quoteHasValue('服务老年人7296人。', 7296, '人次')).toBe(false);
    expect(quoteHasValue('服务老年人17296人。', 7296, '人')).toBe(false);
    expect(quoteHasValue('投入275.3万元', 275.3, '元')).toBe(false);
  });
});
