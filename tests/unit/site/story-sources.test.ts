import { describe, expect, it } from 'vitest';
import { articlePlaces } from '../../../src/charts/article-places.ts';
import { sortStories, storySources } from '../../../src/site/story-sources.ts';

const articles = [
  { slug: 'juye-2020', title: '甲', region: '巨野县', city: '菏泽市', year: 2020 },
  { slug: 'juye-2020-2', title: '乙', region: '巨野县', city: '菏泽市', year: 2020 },
  { slug: 'liaocheng-2023', title: '丙', region: '聊城市', city: '聊城市', year: 2023 },
  { slug: 'shanting-2018', title: '丁', region: '山亭区', city: '枣庄市', year: 2018 },
];

describe("a story's sources", () => {
  it('lists the cited articles in order of first citation, hero first', () => {
    const body = '<Chart metrics={["juye-2020-2/a-1", "juye-2020/b-1"]} /> <Metric id="juye-2020-2/c-1" />';
    expect(storySources(body, 'liaocheng-2023/x-1', articles).map((a) => a.slug)).toEqual([
      'liaocheng-2023',
      'juye-2020-2',
      'juye-2020',
    ]);
  });

  it('adds every article when the story has a timeline or a map', () => {
    expect(storySources('<Timeline from={2020} />', undefined, articles).map((a) => a.slug)).toEqual([
      'shanting-2018',
      'juye-2020',
      'juye-2020-2',
      'liaocheng-2023',
    ]);
  });

  it('orders the index by order, then newest first', () => {
    const s = (id: string, date: string, order?: number) => ({
      id,
      data: { date: new Date(date), ...(order === undefined ? {} : { order }) },
    });
    expect(sortStories([s('a', '2026-01-01'), s('b', '2026-02-01'), s('c', '2025-01-01', 1)]).map((x) => x.id)).toEqual(
      ['c', 'b', 'a'],
    );
  });
});

describe('places with articles', () => {
  it('groups articles by place, newest first, and links the place to its newest', () => {
    const rows = articlePlaces([
      ...articles,
      { slug: 'juye-2024', title: '戊', region: '巨野县', city: '菏泽市', year: 2024 },
    ]);
    const juye = rows.find((r) => r.region === '巨野县')!;
    expect(juye).toMatchObject({ articles: 3, years: '2020、2024', href: '/articles/juye-2024/' });
    expect(juye.links.map((l) => l.slug)).toEqual(['juye-2024', 'juye-2020', 'juye-2020-2']);
    expect(rows).toHaveLength(3);
  });
});
