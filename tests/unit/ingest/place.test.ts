import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../src/ingest/parse.ts';
import { detectPlace, detectYear } from '../../../src/ingest/place.ts';
import { listPlaces, loadTaxonomy } from '../../../src/lib/taxonomy.ts';

const places = listPlaces(loadTaxonomy());
const article = (title: string, ...paragraphs: string[]): ParsedArticle => ({
  title,
  standfirst: [],
  authors: [],
  credits: [],
  corrections: [],
  lines: [1, 2],
  blocks: paragraphs.map((text) => ({ type: 'paragraph', text, line: 2 })),
});

describe('detectPlace', () => {
  it('picks the region named most, headline first, with its city', () => {
    const place = detectPlace(
      article('巨野卫生健康事业', '巨野县卫健局在菏泽市', '全县', '巨野县人民医院'),
      places,
      'x',
    );
    expect([place.name, place.city]).toEqual(['巨野县', '菏泽市']);
  });

  it('takes a city-wide article as the city', () => {
    const place = detectPlace(
      article('2023年聊城卫生健康', '聊城市卫健委。东阿县、冠县。', '聊城连续十届'),
      places,
      'x',
    );
    expect([place.name, place.city, place.level]).toEqual(['聊城市', '聊城市', 'city']);
  });

  it('names the taxonomy in its error when no place is known', () => {
    expect(() => detectPlace(article('某地卫生', '正文。'), places, 'seeds/x.txt')).toThrow(
      /not.*known region|no known region/u,
    );
  });
});

describe('detectYear', () => {
  it('counts years reported on, not targets or the start of spans', () => {
    expect(
      detectYear(
        article(
          '标题',
          '2020年3月，荣获2019年全市先进。2016年以来共减免。',
          '到2025年，我们将全面建立。2020年，全县。',
        ),
        'x',
      ),
    ).toBe(2020);
  });
});
