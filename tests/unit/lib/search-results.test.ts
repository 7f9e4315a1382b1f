import { describe, expect, it } from 'vitest';
import { orderHits, toHit } from '../../../src/lib/search-results.ts';

const article = (id: string, year: string) => toHit({ id, url: `/articles/${id}/`, meta: { title: id, type: 'article', region: '巨野县', year }, filters: {} });
const story = (id: string, date: string) => toHit({ id, url: `/stories/${id}/`, meta: { title: id, type: 'story', year: date.slice(0, 4), date, regions: '巨野县、聊城市' }, filters: {} });
const hits = [article('a2018', '2018'), article('b2023', '2023'), story('s1', '2026-01-05'), article('c2020', '2020'), story('s2', '2026-11-25')];
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((h) => h.id);

describe('toHit', () => {
  it('reads what a result row shows from the catalogue metadata', () => {
    expect(story('s', '2026-11-25')).toMatchObject({ type: 'story', title: 's', year: '2026', date: '2026-11-25', regions: '巨野县、聊城市', region: '' });
    expect(article('a', '2020')).toMatchObject({ type: 'article', region: '巨野县', year: '2020', date: '', regions: '' });
  });
});

describe('orderHits', () => {
  it("follows Pagefind's ranking for relevance, pages it did not rank last", () => {
    expect(ids(orderHits(hits, ['c2020', 's2', 'a2018'], 'relevance'))).toEqual(['c2020', 's2', 'a2018', 'b2023', 's1']);
  });

  it('orders by year and then date, keeping relevance between equals', () => {
    const ranking = ['s1', 'c2020', 's2', 'a2018', 'b2023'];
    expect(ids(orderHits(hits, ranking, 'newest'))).toEqual(['s2', 's1', 'b2023', 'c2020', 'a2018']);
    expect(ids(orderHits(hits, ranking, 'oldest'))).toEqual(['a2018', 'c2020', 'b2023', 's1', 's2']);
    const sameYear = [article('x', '2020'), article('y', '2020')];
    expect(ids(orderHits(sameYear, ['y', 'x'], 'newest'))).toEqual(['y', 'x']);
  });

  it('lists newest first without a query, and leaves the input alone', () => {
    const before = ids(hits);
    expect(ids(orderHits(hits, null, 'relevance'))).toEqual(['s2', 's1', 'b2023', 'c2020', 'a2018']);
    expect(ids(hits)).toEqual(before);
  });
});
