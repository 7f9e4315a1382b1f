import { describe, expect, it } from 'vitest';
import { figureValue, findFigures, quoteHasValue } from '../../../src/figures/parse-figures.ts';

const one = (text: string) => {
  const figures = findFigures(text);
  expect(figures).toHaveLength(1);
  return figures[0]!;
};

describe('figureValue', () => {
  it('reads integers, decimals and magnitudes', () => {
    expect(figureValue('42337人')).toBe(42337);
    expect(figureValue('275.3万余元')).toBe(2753000);
    expect(figureValue('10.2万')).toBe(102000);
    expect(figureValue('1.75亿元')).toBe(175000000);
    expect(figureValue('3680.12万元')).toBe(36801200);
    expect(figureValue('1000余万元')).toBe(10000000);
  });

  it('keeps percentages and per-mille as printed', () => {
    expect(figureValue('98.5%')).toBe(98.5);
    expect(figureValue('92.39％')).toBe(92.39);
    expect(figureValue('4‰')).toBe(4);
  });

  it('reads full-width digits, full-width points and thousands separators', () => {
    expect(figureValue('１２３４５人')).toBe(12345);
    expect(figureValue('１．７５亿')).toBe(175000000);
    expect(figureValue('1,000元')).toBe(1000);
  });

  it('reads round Chinese magnitudes only with 余/多 and a unit', () => {
    expect(figureValue('百余个')).toBe(100);
    expect(figureValue('两千余人')).toBe(2000);
    expect(figureValue('三个月')).toBeUndefined();
    expect(figureValue('百强')).toBeUndefined();
  });

  it('is undefined for no figure or several', () => {
    expect(figureValue('没有数字')).toBeUndefined();
    expect(figureValue('3个和4个')).toBeUndefined();
  });
});

describe('findFigures', () => {
  it('reports unit, magnitude, qualifier and the printed text', () => {
    const f = one('减免总费用275.3万余元；');
    expect(f).toMatchObject({ text: '275.3万余元', value: 2753000, unit: '元', magnitude: '万', qualifier: 'over' });
    expect(one('宣传教育近40万人次')).toMatchObject({
      text: '近40万人次',
      value: 400000,
      unit: '人次',
      qualifier: 'nearly',
    });
    expect(one('预计将达到50%以上')).toMatchObject({ text: '50%以上', unit: '%', qualifier: 'over' });
    expect(one('控制在4‰以内')).toMatchObject({ unit: '‰', qualifier: 'under' });
    expect(one('约2万人')).toMatchObject({ qualifier: 'about', value: 20000 });
    expect(one('占60%左右')).toMatchObject({ qualifier: 'about' });
    expect(one('18000多次')).toMatchObject({ unit: '次', qualifier: 'over' });
    expect(one('不足10人')).toMatchObject({ qualifier: 'under' });
    expect(one('不低于22%')).toMatchObject({ text: '不低于22%', qualifier: 'over' });
    expect(one('不超过90%')).toMatchObject({ text: '不超过90%', qualifier: 'under' });
  });

  it('takes 约, 近 and 超 for hedges only where they are not the end of a word (签约, 节约, 就近, 赶超)', () => {
    // Found in fresh label set 14 (节约2.37亿元 printed as 约2.37亿元); the other words are the same shape.
    for (const [text, printed] of [
      ['家庭医生签约12.5万人', '12.5万人'],
      ['采购金额节约2.37亿元', '2.37亿元'],
      ['预约诊疗86万人次', '86万人次'],
      ['续约3200户', '3200户'],
      ['履约460人', '460人'],
      ['就近120个点位', '120个'],
      ['赶超30%', '30%'],
    ] as const) {
      const f = one(text);
      expect(f.text).toBe(printed);
      expect(f.qualifier).toBeUndefined();
    }
    // A hedge after a place, a verb of being or punctuation is still one.
    expect(one('全县约1.2万人')).toMatchObject({ text: '约1.2万人', qualifier: 'about' });
    expect(one('共计约300万元')).toMatchObject({ text: '约300万元', qualifier: 'about' });
    expect(one('服务近5000人次')).toMatchObject({ text: '近5000人次', qualifier: 'nearly' });
    expect(one('，约60%')).toMatchObject({ qualifier: 'about' });
  });

  it('takes the longest unit', () => {
    // Times of any classifier count (fresh set 16: 42.6万项次).
    expect(one('完成检测42.6万项次').unit).toBe('项次');
    expect(one('实际占用12.6万床日').unit).toBe('床日');
    expect(one('1.64万人次').unit).toBe('人次');
    expect(one('3.7万平方米').unit).toBe('平方米');
    expect(one('历经10个月').unit).toBe('个月');
    expect(one('3场次').unit).toBe('场次');
  });

  it('gives an empty unit for a bare number', () => {
    expect(one('出生人口性别比110.7。')).toMatchObject({ value: 110.7, unit: '' });
  });

  it('marks both ends of a range', () => {
    const figures = findFigures('利用2~3年时间打造1~2家，1—9月份，2019至2020年度');
    expect(figures.map((f) => f.range)).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('reports dates and ages with their time units', () => {
    expect(findFigures('2020年3月12日').map((f) => f.unit)).toEqual(['年', '月', '日']);
    expect(one('65岁以上').unit).toBe('岁');
  });

  it('ignores codes glued to Latin letters and dotted section numbers', () => {
    expect(findFigures('H7N9、6S管理、5G网络')).toEqual([]);
    expect(findFigures('见2.5.1条')).toEqual([]);
  });

  it('gives offsets of the printed text', () => {
    const s = '服务城乡居家老年人7296人，每月上门服务18000多次';
    for (const f of findFigures(s)) expect(s.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('quoteHasValue', () => {
  const quote = '2020年1月至11月，各定点医院优惠减免患病贫困人口84276人次，减免总费用275.3万余元。';
  it('finds a value however it is printed', () => {
    expect(quoteHasValue(quote, 2753000)).toBe(true);
    expect(quoteHasValue(quote, 84276, '人次')).toBe(true);
    expect(quoteHasValue('满意度达９８．５％', 98.5, '%')).toBe(true);
  });
  it('does not find a value that is not there', () => {
    expect(quoteHasValue(quote, 275.3)).toBe(false);
    expect(quoteHasValue(quote, 84276, '人')).toBe(false);
  });
});
