import { describe, expect, it } from 'vitest';
import {
  articleEvents,
  eventAnchors,
  eventHref,
  eventRows,
  eventYear,
  extractEvents,
  filterEvents,
  findEventDate,
  honourClauses,
  timelineItems,
  type PlacedEvent,
} from '../../../src/figures/article-events.ts';
import { bodyBlocks } from '../../../src/lib/body-text.ts';
import { splitSentences } from '../../../src/figures/sentences.ts';
import type { Metric } from '../../../src/schemas/metric.ts';
import { readEntries } from '../../support/content.ts';

describe('dates printed in a sentence', () => {
  it('reads full dates, months, and dates without a year (the article year)', () => {
    expect(findEventDate('2023年4月25日，全国托育服务工作推进会在北京召开。', 2023)?.date).toBe('2023-04-25');
    expect(findEventDate('2020年3月，荣获“2019年全市医养结合先进单位”称号；', 2020)?.date).toBe('2020-03');
    expect(findEventDate('2月9日，谢清……一道奔赴援鄂抗疫前线。', 2020)?.date).toBe('2020-02-09');
    expect(findEventDate('并于10月份投入使用，群众就医环境大幅提升。', 2020)?.date).toBe('2020-10');
    expect(findEventDate('8月初开工建设；', 2020)?.date).toBe('2020-08');
  });

  it('keeps a span of days as a range', () => {
    expect(findEventDate('2023年7月6日至7日，研讨会在聊城举行。', 2023)?.date).toBe('2023-07-06/2023-07-07');
  });

  it('ignores periods and "as of" dates: they belong to figures', () => {
    expect(findEventDate('2017年3月至2020年9月，健康扶贫共帮扶133039人次', 2020)).toBeUndefined();
    expect(findEventDate('1—9月份，医院门诊人数突破20.4万人次', 2018)).toBeUndefined();
    expect(findEventDate('截至11月底，巨野全县建档立卡贫困人口共69731人。', 2020)).toBeUndefined();
    expect(findEventDate('截止10月份，全区已签约服务常住老年人68029人', 2018)).toBeUndefined();
    expect(findEventDate('历经10个月攻坚克难', 2020)).toBeUndefined();
    expect(findEventDate('2020年是不平凡的一年。', 2020)).toBeUndefined();
  });
});

describe('honour clauses', () => {
  it('takes the clause with the award, with a list that runs on and a short subject before', () => {
    expect(
      honourClauses(
        '荣获全国生育状况抽样调查优秀单位，全市履行人口和计划生育职责先进单位和全市计划生育服务管理创新奖，基本公卫工作名列全省第四。',
      ),
    ).toEqual(['荣获全国生育状况抽样调查优秀单位，全市履行人口和计划生育职责先进单位和全市计划生育服务管理创新奖']);
    expect(honourClauses('选派11人完成进修学习，2家企业，被省旅发委评定为“全省中医药健康旅游”示范项目。')).toEqual([
      '2家企业，被省旅发委评定为“全省中医药健康旅游”示范项目',
    ]);
    expect(
      honourClauses('贾庄、沙河等5家卫生院获评市级“甲等卫生院”，其中贾庄镇卫生院被国家卫生健康委授予“先进单位”。'),
    ).toEqual(['贾庄、沙河等5家卫生院获评市级“甲等卫生院”', '贾庄镇卫生院被国家卫生健康委授予“先进单位”']);
    expect(honourClauses('全县卫生服务体系不断健全。')).toEqual([]);
  });
});

const metric = (id: string, quote: string, period?: string): Metric => ({
  id,
  value: 1,
  unit: '人',
  label: '人数',
  topic: '健康扶贫',
  quote,
  printed: '1人',
  ...(period ? { period } : {}),
});

describe('events of an article', () => {
  const paragraphs = [
    '2023年4月25日，全国托育服务工作推进会在北京召开。会上，聊城市获授“全国婴幼儿照护服务示范城市”称号。',
    '13个党支部获评“先进党支部”。全市卫生健康系统旗帜鲜明讲政治。',
    '截至11月底，全县建档立卡贫困人口共1人。2023年3月11日，志愿服务活动启动，来自全市的1人参加。',
  ];
  const metrics = [
    metric('a-1', '截至11月底，全县建档立卡贫困人口共1人。', '2023-11'),
    metric('b-1', '2023年3月11日，志愿服务活动启动，来自全市的1人参加。', '2023-03-11'),
    metric('c-1', '别的句子。', '2017-03/2020-09'),
  ];
  const events = extractEvents({ year: 2023, paragraphs, metrics });

  it('finds dated sentences, carries a date to 会上, and dates honours by the article year', () => {
    expect(events.map((e) => [e.id, e.kind, e.date, e.datePrinted, e.label])).toEqual([
      ['event-1', 'dated', '2023-04-25', true, '全国托育服务工作推进会在北京召开'],
      ['event-2', 'dated', '2023-04-25', true, '会上，聊城市获授“全国婴幼儿照护服务示范城市”称号'],
      ['event-3', 'honour', '2023', false, '13个党支部获评“先进党支部”'],
      ['event-4', 'dated', '2023-03-11', true, '志愿服务活动启动，来自全市的1人参加'],
      ['a-1', 'figure', '2023-11', true, '人数1人'],
    ]);
  });

  it('quotes whole sentences, so the article page can anchor them', () => {
    for (const e of events)
      expect(
        paragraphs.some((p) =>
          splitSentences(p)
            .map((s) => s.trim())
            .includes(e.quote),
        ),
      ).toBe(true);
  });

  it('adds anchors for its own events only (figure events use the metric anchor)', () => {
    expect(eventAnchors(events).map((a) => a.id)).toEqual(['event-1', 'event-2', 'event-3', 'event-4']);
  });
});

describe('events of the archive', () => {
  const entries = readEntries();

  it('come from every article, quote a sentence of its body, and have unique ids per article', () => {
    for (const entry of entries) {
      const events = articleEvents(entry.data, entry.body);
      const sentences = new Set(
        bodyBlocks(entry.body)
          .filter((b) => b.type === 'paragraph')
          .flatMap((b) => splitSentences(b.text).map((s) => s.trim())),
      );
      expect(events.length, entry.slug).toBeGreaterThan(0);
      for (const e of events) expect(sentences.has(e.quote), `${entry.slug} ${e.id}`).toBe(true);
      const ids = events.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(
        ids.filter(
          (id) =>
            entry.data.metrics.some((m) => m.id === id) && !events.find((e) => e.id === id && e.kind === 'figure'),
        ),
      ).toEqual([]);
    }
  });

  it('include the dated honours of juye-2020 as printed', () => {
    const juye = entries.find((e) => e.slug === 'juye-2020')!;
    const labels = articleEvents(juye.data, juye.body)
      .filter((e) => e.kind === 'dated')
      .map((e) => `${e.date} ${e.label}`);
    expect(labels).toContain('2020-09 被市委、市政府授予“菏泽市担当作为先进集体”荣誉称号');
    expect(labels).toContain('2020-10 被省委、省政府授予“山东省先进基层党组织”和“抗击新冠肺炎疫情先进集体”荣誉称号');
  });
});

describe('filtering and placing events', () => {
  const placed: PlacedEvent[] = [
    {
      id: 'event-1',
      kind: 'dated',
      date: '2020-03',
      datePrinted: true,
      label: '荣获称号',
      quote: '2020年3月，荣获称号；',
      slug: 'juye-2020',
      region: '巨野县',
      city: '菏泽市',
      title: '提升健康水平',
    },
    {
      id: 'event-2',
      kind: 'honour',
      date: '2023',
      datePrinted: false,
      label: '获评先进',
      quote: '获评先进。',
      slug: 'liaocheng-2023',
      region: '聊城市',
      city: '聊城市',
      title: '2023年聊城卫生健康',
    },
    {
      id: 'event-3',
      kind: 'dated',
      date: '2022-12-30/2023-01-02',
      datePrinted: true,
      label: '跨年',
      quote: '跨年。',
      slug: 'liaocheng-2023',
      region: '聊城市',
      city: '聊城市',
      title: '2023年聊城卫生健康',
    },
  ];

  it('filters by years (a range by its end), regions and kinds', () => {
    expect(eventYear(placed[2]!)).toBe(2023);
    expect(filterEvents(placed, { from: 2023 }).map((e) => e.id)).toEqual(['event-2', 'event-3']);
    expect(filterEvents(placed, { to: 2020 }).map((e) => e.id)).toEqual(['event-1']);
    expect(filterEvents(placed, { regions: ['聊城市'], kinds: ['dated'] }).map((e) => e.id)).toEqual(['event-3']);
    expect(filterEvents(placed, {})).toHaveLength(3);
  });

  it('links every timeline item and download row to its sentence', () => {
    expect(eventHref(placed[0]!)).toBe('/articles/juye-2020/#event-1');
    expect(timelineItems(placed)[1]).toEqual({
      id: 'liaocheng-2023/event-2',
      label: '聊城市 · 获评先进',
      date: '2023',
      href: '/articles/liaocheng-2023/#event-2',
    });
    expect(eventRows(placed, 'https://x.org')[0]).toMatchObject({
      date: '2020-03',
      region: '巨野县',
      sentence: '2020年3月，荣获称号；',
      url: 'https://x.org/articles/juye-2020/#event-1',
    });
  });
});
