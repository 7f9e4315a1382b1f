import { describe, expect, it } from 'vitest';
import { parseByline, parseCreditNote, splitTrailingByline } from '../../../src/ingest/byline.ts';

describe('parseByline', () => {
  it('reads roles, credits and the outlet', () => {
    expect(parseByline('文/片 齐鲁晚报·齐鲁壹点 记者 李云云 通讯员 吴如明 徐迎春')).toEqual({
      publication: '齐鲁晚报·齐鲁壹点',
      authors: [
        { name: '李云云', role: '记者', credit: '文/片' },
        { name: '吴如明', role: '通讯员', credit: '文/片' },
        { name: '徐迎春', role: '通讯员', credit: '文/片' },
      ],
    });
  });

  it('takes a byline marker for a role and splits a role glued to a name', () => {
    expect(parseByline('□ 姜秀峰 韩东伟 王雷')?.authors.map((a) => `${a.role}:${a.name}`)).toEqual([
      '作者:姜秀峰',
      '作者:韩东伟',
      '作者:王雷',
    ]);
    expect(parseByline('本报记者都慧芳')?.authors).toEqual([{ name: '都慧芳', role: '本报记者' }]);
  });

  it('is not fooled by short text that merely contains names', () => {
    expect(parseByline('党建引领 卫生健康事业谱新篇')).toBeUndefined();
    expect(parseByline('绘就健康蓝图')).toBeUndefined();
    expect(parseByline('最美山乡卫计人')).toBeUndefined();
  });
});

describe('splitTrailingByline', () => {
  it('splits a byline run on after the last sentence', () => {
    expect(splitTrailingByline('让生命之花绚烂绽放。记者 都慧芳')).toEqual({
      body: '让生命之花绚烂绽放。',
      byline: '记者 都慧芳',
    });
    expect(splitTrailingByline('巨野县卫健局党组书记、局长刘勇说。')).toBeUndefined();
  });
});

describe('parseCreditNote', () => {
  it('reads notes and the person they credit', () => {
    expect(parseCreditNote('(本版文字由金增秀整理)')).toEqual({
      text: '（本版文字由金增秀整理）',
      author: { name: '金增秀', role: '整理' },
    });
    expect(parseCreditNote('（照片均为资料片）')).toEqual({ text: '（照片均为资料片）' });
    expect(parseCreditNote('（以下简称“创卫”）')).toBeUndefined();
  });
});
