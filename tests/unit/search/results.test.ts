import { describe, expect, it } from 'vitest';
import { STORIES_IN_FIRST_FIVE, orderHits, type Hit } from '../../../src/search/browser/results.ts';

/** Time ranks: 2018 → 0, 2020 → 1, 2023 → 2, the stories' dates 3 and 4 (pages are numbered newest first). */
const hit = (page: number, time: number, score: number): Hit => ({
  page,
  time,
  score,
  type: time > 2 ? 'story' : 'article',
  length: 1000,
});
const s2 = hit(0, 4, 3);
const s1 = hit(1, 3, 1);
const b2023 = hit(2, 2, 5);
const c2020 = hit(3, 1, 5);
const a2018 = hit(4, 0, 2);
const hits = [a2018, b2023, s1, c2020, s2];
const pages = (list: readonly Hit[]) => list.map((h) => h.page);

describe('orderHits', () => {
  it('orders by score for relevance, the newer page first between equal scores', () => {
    expect(pages(orderHits(hits, true, 'relevance'))).toEqual([b2023, c2020, s2, a2018, s1].map((h) => h.page));
  });

  it('puts articles before stories between equal scores', () => {
    const story = hit(0, 4, 5);
    expect(pages(orderHits([story, c2020, b2023], true, 'relevance'))).toEqual(
      [b2023, c2020, story].map((h) => h.page),
    );
  });

  it('keeps all but STORIES_IN_FIRST_FIVE stories out of the first five while articles remain', () => {
    const stories = [hit(0, 4, 9), hit(1, 3, 8), hit(5, 3, 7)];
    const articles = [hit(2, 2, 3), hit(3, 1, 2), hit(4, 0, 1), hit(6, 0, 0.5)];
    const ordered = orderHits([...stories, ...articles], true, 'relevance');
    expect(ordered.slice(0, 5).filter((h) => h.type === 'story')).toHaveLength(STORIES_IN_FIRST_FIVE);
    expect(pages(ordered)).toEqual([0, 2, 3, 4, 6, 1, 5]);
    // With too few articles to fill five places, the stories take the rest, best first.
    expect(pages(orderHits([...stories, articles[0]!], true, 'relevance'))).toEqual([0, 2, 1, 5]);
  });

  it('orders by time, newest or oldest first, keeping relevance between pages of the same time', () => {
    expect(pages(orderHits(hits, true, 'newest'))).toEqual([s2, s1, b2023, c2020, a2018].map((h) => h.page));
    expect(pages(orderHits(hits, true, 'oldest'))).toEqual([a2018, c2020, b2023, s1, s2].map((h) => h.page));
    const sameYear = [hit(7, 1, 1), hit(8, 1, 3), hit(6, 1, 1)];
    expect(pages(orderHits(sameYear, true, 'newest'))).toEqual([8, 6, 7]);
    expect(pages(orderHits(sameYear, true, 'oldest'))).toEqual([8, 6, 7]);
  });

  it('lists newest first without a query, and leaves the input alone', () => {
    const before = pages(hits);
    expect(pages(orderHits(hits, false, 'relevance'))).toEqual([s2, s1, b2023, c2020, a2018].map((h) => h.page));
    expect(pages(hits)).toEqual(before);
  });
});
