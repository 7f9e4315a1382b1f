import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src/schemas/article.ts';
import { storySchema } from '../../../src/schemas/story.ts';
import { metricSchema } from '../../../src/schemas/metric.ts';
import { articleTopics, metricLines, searchRecord, storySearchRecord } from '../../../src/search/build/index-data.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';

const taxonomy = loadTaxonomy();
const metric = (id: string, topic: string, extra: Record<string, unknown> = {}) => ({
  id,
  value: 1,
  unit: '人',
  label: `标签${id}`,
  topic,
  quote: '原句。',
  ...extra,
});

describe('articleTopics', () => {
  it('is empty for an article without metrics', () => {
    expect(articleTopics({ metrics: [], sections: [] }, taxonomy)).toEqual([]);
  });

  it('names each topic once, in taxonomy order, by id or name, ignoring unknown ones', () => {
    const metrics = [
      metric('a', 'tcm'),
      metric('b', '疫情防控'),
      metric('c', 'tcm'),
      metric('e', '疫情防控'),
      metric('d', 'no-such-topic'),
    ].map((m) => metricSchema.parse(m));
    expect(articleTopics({ metrics, sections: [] }, taxonomy)).toEqual(['疫情防控', '中医药']);
  });

  it('leaves out a topic the article only mentions once among many figures (issue 15)', () => {
    const many = Array.from({ length: 12 }, (_, k) => metric(`t${k}`, 'tcm'));
    const metrics = [...many, metric('x', '计划生育')].map((m) => metricSchema.parse(m));
    expect(articleTopics({ metrics, sections: [] }, taxonomy)).toEqual(['中医药']);
  });

  it('adds a topic a section heading names, however few figures it holds', () => {
    const many = Array.from({ length: 12 }, (_, k) => metric(`t${k}`, 'tcm'));
    const metrics = [...many, metric('x', '计划生育')].map((m) => metricSchema.parse(m));
    expect(articleTopics({ metrics, sections: ['强化保障 擦亮计生协会“新品牌”'] }, taxonomy)).toEqual([
      '计划生育',
      '中医药',
    ]);
  });
});

describe('searchRecord', () => {
  it('declares type, region, year and authors as metadata, type, region, year and topics as filters, year as the sort key', () => {
    const article = articleSchema.parse({
      title: '标题',
      region: '济阳区',
      city: '济南市',
      year: 2024,
      authors: [
        { name: '王风华', role: '通讯员' },
        { name: '张友姿', role: '通讯员' },
      ],
      metrics: [metric('a', 'maternal-child')],
    });
    expect(searchRecord(article, taxonomy)).toEqual({
      meta: { type: 'article', region: '济阳区', year: '2024', authors: '王风华、张友姿' },
      filters: { 类型: ['文章'], 地区: ['济阳区'], 年份: ['2024'], 主题: ['妇幼健康'] },
      sort: { year: '2024' },
    });
  });

  it('leaves authors out when the byline names nobody', () => {
    const article = articleSchema.parse({ title: '标题', region: '聊城市', city: '聊城市', year: 2023 });
    expect(searchRecord(article, taxonomy).meta).toEqual({ type: 'article', region: '聊城市', year: '2023' });
  });
});

describe('storySearchRecord', () => {
  const story = (extra: Record<string, unknown>) =>
    storySchema.parse({ title: '专题', dek: '导语。', date: '2026-11-25', ...extra });

  it('files a story as 专题 under the years of the articles it draws on, its places and its topics (by id or name, taxonomy order)', () => {
    expect(
      storySearchRecord(
        story({ regions: ['巨野县', '聊城市', '巨野县'], topics: ['tcm', '妇幼健康', 'no-such-topic'] }),
        taxonomy,
        [2023, 2020, 2023],
      ),
    ).toEqual({
      meta: { type: 'story', year: '2026', date: '2026-11-25', regions: '巨野县、聊城市' },
      filters: { 类型: ['专题'], 地区: ['巨野县', '聊城市'], 年份: ['2020', '2023'], 主题: ['妇幼健康', '中医药'] },
      sort: { year: '2026' },
    });
  });

  it('leaves the places out of the metadata when the story names none', () => {
    const record = storySearchRecord(story({}), taxonomy);
    expect(record.meta).toEqual({ type: 'story', year: '2026', date: '2026-11-25' });
    expect(record.filters.地区).toEqual([]);
    // No cited article, no archive year: the year it was written is not one.
    expect(record.filters.年份).toEqual([]);
  });
});

describe('metricLines', () => {
  it('gives each metric its label and the figure as printed, or value and unit', () => {
    const metrics = [
      metric('a', 'tcm', { printed: '275.3万余元' }),
      metric('b', 'tcm', { value: 97.44, unit: '%' }),
    ].map((m) => metricSchema.parse(m));
    expect(metricLines(metrics)).toEqual([
      { id: 'a', label: '标签a', figure: '275.3万余元' },
      { id: 'b', label: '标签b', figure: '97.44%' },
    ]);
  });
});
