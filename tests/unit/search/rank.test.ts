import { describe, expect, it } from 'vitest';
import { HEADING_WEIGHT, TITLE_WEIGHT, scorePages } from '../../../src/search/browser/rank.ts';
import { collectPostings, pagesWithTerms, planQuery } from '../../../src/search/shared/terms.ts';
import { parseQuery } from '../../../src/search/shared/query.ts';

const pages = [
  { title: '健康扶贫在巨野', text: '健康扶贫在巨野。健康扶贫，扶贫。', headings: ['健康扶贫'] }, // in the title, twice in the text
  { title: '家庭医生', text: '扶贫扶贫扶贫扶贫扶贫扶贫扶贫扶贫 健康扶贫', headings: [] }, // 扶贫 nine times, 健康扶贫 once
  { title: '签约服务', text: '健康。扶贫。', headings: [] }, // both pairs' characters, never 健康扶贫 (the text check drops it)
  { title: '医养结合', text: '医养结合', headings: [] },
  { title: '健康', text: '健康扶贫', headings: [] }, // one of 健康扶贫's pairs in the title, not all
  { title: '巨野', text: '巨野县推进医养结合。', headings: ['医养结合 打通最后一公里', '巨野'] }, // a heading holds 医养结合
];
const postings = collectPostings(pages);
const lookup = (gram: string) => postings.get(gram);
const score = (q: string) => {
  const plans = planQuery(parseQuery(q).terms);
  const found = pagesWithTerms(plans, lookup, pages.length);
  return Object.fromEntries(found.map((page, i) => [page, scorePages(plans, lookup, found, pages.length)[i]]));
};

describe('scorePages', () => {
  it('adds TITLE_WEIGHT for a term in the title to how often the text has it (count level 1–4)', () => {
    // 扶贫: page 0 in its title and three times in its text (level 2); page 1 nine times (level 4); page 2 once.
    expect(score('扶贫')).toEqual({ 0: TITLE_WEIGHT + 2, 1: 4, 2: 1, 4: 1 });
  });

  it('counts a longer term as often as its rarest pair and in the title only when all its pairs are', () => {
    // 健康扶贫 on page 1: 扶贫 nine times, 健康 once: level 1. Page 2 holds neither 康扶 nor the term.
    expect(score('健康扶贫')).toEqual({ 0: TITLE_WEIGHT + 2, 1: 1, 4: 1 });
    expect(score('在巨野')).toEqual({ 0: TITLE_WEIGHT + 1 });
  });

  it('adds up the terms of a query, and ranks a title match above a frequent word', () => {
    const scores = score('扶贫 健康');
    expect(scores[0]).toBe(TITLE_WEIGHT + 2 + TITLE_WEIGHT + 2);
    expect(scores[1]).toBe(4 + 1);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
  });

  it('scores one-character terms from the character itself', () => {
    expect(score('医')).toEqual({ 3: TITLE_WEIGHT + 1, 5: HEADING_WEIGHT + 1 });
  });

  it('adds HEADING_WEIGHT for a term in a section heading, less than a title, and not on top of one', () => {
    // 医养结合 once in the text of both: page 3 in its title, page 5 in a heading.
    expect(score('医养结合')).toEqual({ 3: TITLE_WEIGHT + 1, 5: HEADING_WEIGHT + 1 });
    expect(HEADING_WEIGHT).toBeGreaterThan(0);
    expect(HEADING_WEIGHT).toBeLessThan(TITLE_WEIGHT);
    // Page 0 has 健康扶贫 in both its title and a heading: the title's weight only.
    expect(score('健康扶贫')[0]).toBe(TITLE_WEIGHT + 2);
  });
});
