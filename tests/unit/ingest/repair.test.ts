import { describe, expect, it } from 'vitest';
import { fixMisreadings } from '../../../src/ingest/repair/misreadings.ts';
import { widenPunctuation } from '../../../src/ingest/repair/punctuation.ts';
import { removeStraySpaces } from '../../../src/ingest/repair/spacing.ts';

describe('removeStraySpaces', () => {
  it('removes a space inside a word and around figures', () => {
    expect(removeStraySpaces('旗帜鲜明讲政 治，深入学习').text).toBe('旗帜鲜明讲政治，深入学习');
    expect(removeStraySpaces('受理急救电 话 426184次， 救治患者 101085人次').text).toBe(
      '受理急救电话426184次，救治患者101085人次',
    );
  });

  it('keeps the space between two phrases of a quoted slogan', () => {
    expect(removeStraySpaces('区人民医院“医健入户 关爱失能老人”志愿服务项目').text).toBe(
      '区人民医院“医健入户 关爱失能老人”志愿服务项目',
    );
  });

  it('in a column-wrapped paragraph removes the line-end spaces but keeps an off-rhythm slogan space', () => {
    const wrapped =
      '2023年，全市卫生健康系统旗帜鲜明讲政 治，深入学习贯彻习近平新时代中国特色社会 主义思想和党的二十大精神，以党建为引领，举 好事业发展“指挥棒”。市卫生健康委构建 “1143”主题教育工作体系，即1个实施方案管 总，1张配档表抓细，4个工作小组推进，3项制 度保落实。建设“医心向党 守护健康”主题党 建品牌百余个。';
    const result = removeStraySpaces(wrapped);
    expect(result.text).toContain('讲政治');
    expect(result.text).toContain('社会主义思想');
    expect(result.text).toContain('“医心向党 守护健康”主题党建品牌');
    expect(result.text.match(/ /gu)).toHaveLength(1);
  });

  it('leaves Latin text and text without stray spaces alone', () => {
    expect(removeStraySpaces('HPV vaccine').removed).toBe(0);
    expect(removeStraySpaces('站在走廊的LED大屏监控前').removed).toBe(0);
  });
});

describe('widenPunctuation', () => {
  it('makes punctuation in Chinese text full-width, pairs straight quotes', () => {
    expect(widenPunctuation('复杂性的工作,需要动员;创建"聊城样板"(以下简称"创卫")').text).toBe(
      '复杂性的工作，需要动员；创建“聊城样板”（以下简称“创卫”）',
    );
  });

  it('leaves numbers and Latin text alone', () => {
    expect(widenPunctuation('共1,000人，比例3:2').text).toBe('共1,000人，比例3:2');
    expect(widenPunctuation('Hello, world; "quoted"').changed).toBe(0);
  });
});

describe('fixMisreadings', () => {
  it('fixes 人/入 where 人 makes no word, recording each fix', () => {
    const result = fixMisreadings('将医改纳人“一把手”工程；人选山东省百强政务新媒体');
    expect(result.text).toBe('将医改纳入“一把手”工程；入选山东省百强政务新媒体');
    expect(result.fixes).toHaveLength(2);
    expect(result.fixes[0]).toMatchObject({ before: '将医改纳人“一把', after: '将医改纳入“一把' });
    expect(result.fixes[1]!.before).toContain('人选山东');
    expect(result.fixes[1]!.after).toContain('入选山东');
  });

  it('leaves real words that contain the misread forms', () => {
    for (const text of ['吸纳人才', '系列人物', '金融人才', '资深人士', '合适人选', '引人注目']) {
      expect(fixMisreadings(text).text).toBe(text);
    }
  });

  it('replaces a stray English conjunction between Chinese words', () => {
    expect(fixMisreadings('顺应新时代、新要求 and 人民对美好生活的').text).toBe('顺应新时代、新要求和人民对美好生活的');
    expect(fixMisreadings('the LED screen and the camera').text).toBe('the LED screen and the camera');
  });
});
