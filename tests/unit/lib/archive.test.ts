import { describe, expect, it } from 'vitest';
import {
  archiveOrder,
  groupByPlace,
  groupByTopic,
  groupByYear,
  neighbours,
  relatedArticles,
  relatedIn,
  type ArchiveIndex,
  type ArticleLike,
} from '../../../src/lib/archive.ts';
import { browseChips } from '../../../src/site/browse.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { fixtureEntries } from '../../fixtures/reading/articles.ts';

const taxonomy = loadTaxonomy();
const ids = (entries: ReadonlyArray<{ id: string }>) => entries.map((e) => e.id);

describe('archive groupings', () => {
  it('orders newest year first, then by title', () => {
    // Titles of one year in pinyin order: 生命 (sheng) < 提升 (ti) < 一切 (yi).
    expect(ids(archiveOrder(fixtureEntries))).toEqual([
      'jiyang-2024',
      'liaocheng-2023',
      'juye-2020-2',
      'juye-2020',
      'shanghe-2020',
    ]);
  });

  it('groups by place in taxonomy order, only places with articles, city-wide articles under the city', () => {
    const groups = groupByPlace(taxonomy, fixtureEntries);
    expect(groups.map((g) => [g.place.pinyin, g.entries.length])).toEqual([
      ['jiyang', 1],
      ['shanghe', 1],
      ['liaocheng', 1],
      ['juye', 2],
    ]);
    expect(groups.find((g) => g.place.pinyin === 'liaocheng')?.place.level).toBe('city');
  });

  it('groups by year, newest first, with counts', () => {
    expect(groupByYear(fixtureEntries).map((g) => [g.year, g.entries.length])).toEqual([
      [2024, 1],
      [2023, 1],
      [2020, 3],
    ]);
  });

  it('makes topic groups only from figures, in taxonomy order, each figure listed once', () => {
    const groups = groupByTopic(taxonomy, fixtureEntries);
    expect(groups.map((g) => [g.topic.id, ids(g.entries)])).toEqual([
      ['elderly-care', ['liaocheng-2023', 'juye-2020']],
      ['hygiene-campaign', ['liaocheng-2023']],
    ]);
    expect(groups[0]!.metrics.map((m) => m.metric.id)).toEqual(['elderly', 'elderly-managed']);
  });

  it('has no topic groups while no article has figures', () => {
    expect(
      groupByTopic(
        taxonomy,
        fixtureEntries.map((e) => ({ ...e, data: { ...e.data, metrics: [] } })),
      ),
    ).toEqual([]);
  });

  it('counts entry points for the front page', () => {
    const chips = browseChips(taxonomy, fixtureEntries);
    expect(chips.regions.find((c) => c.label === '巨野县')).toEqual({
      href: '/regions/juye/',
      label: '巨野县',
      count: 2,
    });
    expect(chips.years[0]).toEqual({ href: '/years/2024/', label: '2024年', count: 1 });
    expect(chips.topics.map((c) => c.href)).toEqual(['/topics/elderly-care/', '/topics/hygiene-campaign/']);
  });
});

describe('neighbours and related articles', () => {
  it('gives the newer and older article in archive order', () => {
    const middle = neighbours(fixtureEntries, 'juye-2020');
    expect(middle.newer?.id).toBe('juye-2020-2');
    expect(middle.older?.id).toBe('shanghe-2020');
    expect(neighbours(fixtureEntries, 'jiyang-2024').newer).toBeUndefined();
    expect(neighbours(fixtureEntries, 'shanghe-2020').older).toBeUndefined();
  });

  it('ranks the same region first, then shared topics, then the same city; unrelated articles never', () => {
    expect(ids(relatedArticles(fixtureEntries, 'juye-2020'))).toEqual(['juye-2020-2', 'liaocheng-2023']);
    expect(ids(relatedArticles(fixtureEntries, 'shanghe-2020'))).toEqual(['jiyang-2024']);
    expect(ids(relatedArticles(fixtureEntries, 'juye-2020-2'))).toEqual(['juye-2020']);
  });

  it('finds the same related articles as comparing every pair, on random archives', () => {
    // The oracle: every other article scored one by one (two per shared topic, three for the same county, one for
    // the same city), ties in archive order; the archive works it out per profile instead.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const places = [
      ['巨野县', '菏泽市'],
      ['郓城县', '菏泽市'],
      ['济阳区', '济南市'],
      [undefined, '济南市'],
    ] as const;
    for (let round = 0; round < 8; round++) {
      const ordered = Array.from({ length: 40 + random(200) }, (_, i) => {
        const [region, city] = places[random(places.length)]!;
        return { id: `a${i}`, data: { region, city } } as unknown as ArticleLike;
      });
      const topics = new Map(
        ordered.map((e) => [
          e.id,
          new Set(
            ['医改', '妇幼', '疾控', '中医', '养老', '健康扶贫', '卫生创建', '人才', '信息化', '急救'].filter(
              () => random(round % 2 === 0 ? 3 : 6) === 0,
            ),
          ),
        ]),
      );
      const archive: ArchiveIndex<ArticleLike> = {
        ordered,
        position: new Map(ordered.map((e, i) => [e.id, i])),
        topics,
      };
      for (const self of ordered) {
        const expected = ordered
          .filter((e) => e.id !== self.id)
          .map((e) => {
            const shared = [...(topics.get(e.id) ?? [])].filter((t) => topics.get(self.id)?.has(t)).length;
            const sameCity = e.data.city === self.data.city;
            return {
              id: e.id,
              score: shared * 2 + (sameCity && e.data.region === self.data.region ? 3 : sameCity ? 1 : 0),
            };
          })
          .filter((s) => s.score > 0)
          .sort((a, b) => b.score - a.score)
          .slice(0, 3)
          .map((s) => s.id);
        expect(ids(relatedIn(archive, self.id))).toEqual(expected);
      }
    }
  });
});
