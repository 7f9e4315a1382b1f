import { describe, expect, it } from 'vitest';
import { HEADING_WEIGHT, TITLE_WEIGHT, scorePages } from '../../../src/search/browser/rank.ts';
import { collectPostings, pagesWithTerms, planQuery, type IndexedPage } from '../../../src/search/shared/terms.ts';
import { normaliseText, parseQuery } from '../../../src/search/shared/query.ts';

/** Scores of the pages holding every term of q, by page number. */
function scores(pages: IndexedPage[], q: string): Record<number, number> {
  const postings = collectPostings(pages);
  const lookup = (gram: string) => postings.get(gram);
  const plans = planQuery(parseQuery(q).terms);
  const found = pagesWithTerms(plans, lookup, pages.length);
  const lengths = pages.map((page) => normaliseText(page.text).length);
  const scored = scorePages(plans, lookup, found, lengths);
  return Object.fromEntries(found.map((page, i) => [page, scored[i]!]));
}

const page = (text: string, title = '其他', headings: string[] = []): IndexedPage => ({ text, title, headings });
const filler = '工作推进会议召开。';

describe('scorePages (BM25 with title and heading fields)', () => {
  it('scores only the pages found, each above zero', () => {
    const found = scores([page(`扶贫${filler}`), page(filler), page(`扶贫扶贫${filler}`)], '扶贫');
    expect(Object.keys(found)).toEqual(['0', '2']);
    for (const score of Object.values(found)) expect(score).toBeGreaterThan(0);
  });

  it('ranks more occurrences higher, with diminishing returns', () => {
    const s = scores(
      [page(`扶贫${filler}`), page(`扶贫扶贫${filler}`), page(`${'扶贫'.repeat(9)}${filler}`), page(filler)],
      '扶贫',
    );
    expect(s[1]!).toBeGreaterThan(s[0]!);
    expect(s[2]!).toBeGreaterThan(s[1]!);
    expect(s[2]! - s[1]!).toBeLessThan((s[1]! - s[0]!) * 4);
  });

  it('ranks a title match above the same text without it, and a heading between them', () => {
    expect(HEADING_WEIGHT).toBeGreaterThan(0);
    expect(HEADING_WEIGHT).toBeLessThan(TITLE_WEIGHT);
    const s = scores(
      [
        page(`医养结合${filler}`, '医养结合'),
        page(`医养结合${filler}`, '其他', ['医养结合']),
        page(`医养结合${filler}`),
        page(filler),
      ],
      '医养结合',
    );
    expect(s[0]!).toBeGreaterThan(s[1]!);
    expect(s[1]!).toBeGreaterThan(s[2]!);
  });

  it('counts a longer term in the title only when all its pairs are', () => {
    // Page 1's title holds 健康 but not 康扶 or 扶贫: no title credit.
    const s = scores([page(`健康扶贫${filler}`), page(`健康扶贫${filler}`, '健康'), page(filler)], '健康扶贫');
    expect(s[1]).toBeCloseTo(s[0]!, 10);
  });

  it('discounts occurrences on a longer page', () => {
    const s = scores([page(`扶贫${filler}`), page(`扶贫${filler.repeat(20)}`), page(filler)], '扶贫');
    expect(s[0]!).toBeGreaterThan(s[1]!);
  });

  it('weighs a rare term above a common one (inverse document frequency)', () => {
    // 巨野 is on one page of four, 健康 on all: the page with 巨野 once beats the one with 健康 twice more.
    const pages = [
      page(`巨野健康${filler}`),
      page(`健康健康健康${filler}`),
      page(`健康${filler}`),
      page(`健康${filler}`),
    ];
    const s = scores(pages, '巨野');
    const common = scores(pages, '健康');
    expect(s[0]!).toBeGreaterThan(common[1]!);
  });
});
