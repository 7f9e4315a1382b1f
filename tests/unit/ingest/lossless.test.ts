import { describe, expect, it } from 'vitest';
import { canonical, findMissingFragments } from '../../../src/ingest/lossless.ts';

const seed = [
  '提升健康水平 增进民生福祉',
  '',
  '全县共计管理结核病患者234人,规则服药234人。将医改纳人"一把手"工程。',
  '',
  '豕烶工作模式。',
].join('\n');

describe('canonical', () => {
  it('folds width, quotes, whitespace and scan markup, nothing else', () => {
    expect(canonical('# 讲政 治，“四个意识”')).toBe(canonical('讲政治,"四个意识"'));
    expect(canonical('纳人')).not.toBe(canonical('纳入'));
  });
});

describe('findMissingFragments', () => {
  const page = ['提升健康水平　增进民生福祉', '全县共计管理结核病患者234人，规则服药234人。将医改纳入“一把手”工程。'];
  const corrections = [
    { kind: 'misreading' as const, line: 3, before: '医改纳人“一', after: '医改纳入“一', reason: 'x' },
    { kind: 'garbage' as const, line: 5, before: '豕烶工作模式。', after: '', reason: 'x' },
  ];

  it('passes when every sentence is on the page, with recorded corrections replayed', () => {
    expect(findMissingFragments(seed, page, corrections)).toEqual([]);
  });

  it('reports a sentence that did not reach the page', () => {
    const short = ['提升健康水平 增进民生福祉', '全县共计管理结核病患者234人，规则服药234人。'];
    expect(findMissingFragments(seed, short, corrections)).toEqual([{ line: 3, fragment: '将医改纳入"一把手"工程。' }]);
  });

  it('reports an unrecorded change of words', () => {
    expect(findMissingFragments(seed, page, corrections.slice(1))).toEqual([
      { line: 3, fragment: '将医改纳人"一把手"工程。' },
    ]);
  });

  it('reports a dropped line that was not recorded as garbage', () => {
    expect(findMissingFragments(seed, page, corrections.slice(0, 1))).toEqual([
      { line: 5, fragment: '豕烶工作模式。' },
    ]);
  });
});
