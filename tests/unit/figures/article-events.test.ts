import { describe, expect, it } from 'vitest';
import {
  eventHref,
  eventRows,
  eventYear,
  filterEvents,
  timelineItems,
  type PlacedEvent,
} from '../../../src/figures/article-events.ts';
import { bodyBlocks } from '../../../src/lib/body-text.ts';
import { splitSentences } from '../../../src/figures/sentences.ts';
import { readEntries } from '../../support/content.ts';

describe('events stored in the archive', () => {
  const entries = readEntries();

  it('every article has events; each quotes a sentence or caption of its body and has an id unique in the article', () => {
    for (const entry of entries) {
      const blocks = bodyBlocks(entry.body);
      const targets = new Set([
        ...blocks.filter((b) => b.type === 'paragraph').flatMap((b) => splitSentences(b.text).map((s) => s.trim())),
        ...blocks.filter((b) => b.type === 'caption').map((b) => b.text),
      ]);
      expect(entry.data.events.length, entry.slug).toBeGreaterThan(0);
      for (const e of entry.data.events) expect(targets.has(e.quote), `${entry.slug} ${e.id}`).toBe(true);
      const ids = [...entry.data.events.map((e) => e.id), ...entry.data.metrics.map((m) => m.id)];
      expect(new Set(ids).size, entry.slug).toBe(ids.length);
    }
  });

  it('include the dated honours of juye-2020 as printed', () => {
    const juye = entries.find((e) => e.slug === 'juye-2020')!;
    const dated = juye.data.events.filter((e) => e.kind === 'dated').map((e) => `${e.date} ${e.printed} ${e.what}`);
    expect(dated).toContain('2020-09 2020年9月 被市委、市政府授予“菏泽市担当作为先进集体”荣誉称号');
    expect(dated).toContain(
      '2020-10 2020年10月 被省委、省政府授予“山东省先进基层党组织”和“抗击新冠肺炎疫情先进集体”荣誉称号',
    );
  });
});

describe('filtering and placing events', () => {
  const place = { slug: 'liaocheng-2023', region: '聊城市', city: '聊城市', title: '2023年聊城卫生健康' };
  const placed: PlacedEvent[] = [
    {
      id: 'event-1',
      kind: 'dated',
      date: '2020-03',
      printed: '2020年3月',
      what: '荣获称号',
      quote: '2020年3月，荣获称号；',
      slug: 'juye-2020',
      region: '巨野县',
      city: '菏泽市',
      title: '提升健康水平',
    },
    { id: 'event-2', kind: 'honour', date: '2023', what: '获评先进', quote: '获评先进。', ...place },
    {
      id: 'event-3',
      kind: 'dated',
      date: '2022-12-30/2023-01-02',
      printed: '2022年12月30日',
      what: '跨年',
      where: '聊城',
      quote: '2022年12月30日，跨年。',
      ...place,
    },
  ];

  it('filters by years (a range by its end), regions and kinds', () => {
    expect(eventYear(placed[2]!)).toBe(2023);
    expect(filterEvents(placed, { from: 2023 }).map((e) => e.id)).toEqual(['event-2', 'event-3']);
    expect(filterEvents(placed, { to: 2020 }).map((e) => e.id)).toEqual(['event-1']);
    expect(filterEvents(placed, { regions: ['聊城市'], kinds: ['dated'] }).map((e) => e.id)).toEqual(['event-3']);
    expect(filterEvents(placed, {})).toHaveLength(3);
  });

  it('links every timeline item and download row to its sentence, with the date as printed and the place', () => {
    expect(eventHref(placed[0]!)).toBe('/articles/juye-2020/#event-1');
    expect(timelineItems(placed)[1]).toEqual({
      id: 'liaocheng-2023/event-2',
      label: '聊城市 · 获评先进',
      date: '2023',
      href: '/articles/liaocheng-2023/#event-2',
    });
    expect(eventRows(placed, 'https://x.org')[0]).toMatchObject({
      date: '2020-03',
      printed: '2020年3月',
      datePrinted: true,
      region: '巨野县',
      sentence: '2020年3月，荣获称号；',
      url: 'https://x.org/articles/juye-2020/#event-1',
    });
    expect(eventRows(placed)[1]).toMatchObject({ printed: '', datePrinted: false, where: '' });
    expect(eventRows(placed)[2]).toMatchObject({ where: '聊城' });
  });
});
