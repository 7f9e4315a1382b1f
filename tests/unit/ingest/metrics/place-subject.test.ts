import { describe, expect, it } from 'vitest';
import { ownPlace, placeOfSentence } from '../../../../src/ingest/metrics/place-subject.ts';

describe('the place a sentence is about', () => {
  it("takes the article's own place to be the place it names most", () => {
    expect(ownPlace(['泓川市卫生健康委今年深化改革。', '泓川市共有医院31家，石坪县有8家。', '泓川市…'])).toBe('泓川市');
    expect(ownPlace(['全县卫生健康工作。'])).toBeUndefined();
  });

  it('starts at a place opening a sentence as its subject, and keeps it through 该县 and 全县', () => {
    const own = '泓川市';
    const first = placeOfSentence('同时，石坪县在医共体内实施“共享药房”工程。', undefined, own);
    expect(first).toBe('石坪县');
    expect(placeOfSentence('该县加快推进中医药服务下沉。', first, own)).toBe('石坪县');
    expect(placeOfSentence('全县基层中医药服务量占比达到38.5%。', first, own)).toBe('石坪县');
    expect(placeOfSentence('全市共有二级以上医院31家。', first, own)).toBeUndefined();
  });

  it('is not a place for a bureau, a list of places, a verb before 市 or a preposition before 全区', () => {
    for (const sentence of [
      '市卫生健康委今年投入资金300万元。',
      '柳湾县、石坪县率先实现统一管理。',
      '启动市精神卫生中心新院区建设。',
      '在全区开展重点人群结核病筛查。',
      '县人民医院全年接诊患者10万人次。',
    ])
      expect(placeOfSentence(sentence, undefined, '泓川市')).toBeUndefined();
  });

  it("never names the article's own place", () => {
    expect(placeOfSentence('泓川市在全省率先实施改革。', undefined, '泓川市')).toBeUndefined();
  });
});
