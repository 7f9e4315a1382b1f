import { describe, expect, it } from 'vitest';
import { sentenceSpans, splitSentences } from '../../../src/figures/sentences.ts';

describe('splitSentences', () => {
  it('splits after 。！？ and their half-width forms', () => {
    expect(splitSentences('甲。乙！丙？丁!戊?')).toEqual(['甲。', '乙！', '丙？', '丁!', '戊?']);
  });

  it('splits after full- and half-width semicolons', () => {
    expect(splitSentences('签约率100%；管理率90%;其余')).toEqual(['签约率100%；', '管理率90%;', '其余']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(splitSentences('“我是党员，我先上！”他说。')).toEqual(['“我是党员，我先上！”', '他说。']);
    expect(splitSentences('（照片均为资料。）下一句。')).toEqual(['（照片均为资料。）', '下一句。']);
    expect(splitSentences('「好。」『是。』')).toEqual(['「好。」', '『是。』']);
  });

  it('keeps a run of enders together', () => {
    expect(splitSentences('真的吗？！是的。')).toEqual(['真的吗？！', '是的。']);
  });

  it('reads a straight quote after an ender as closing only when one is open', () => {
    expect(splitSentences('他说"好。"然后走了。')).toEqual(['他说"好。"', '然后走了。']);
    expect(splitSentences('服务率79.88%。"四结合一到位"做法入选。')).toEqual([
      '服务率79.88%。',
      '"四结合一到位"做法入选。',
    ]);
  });

  it('does not split at decimal points, commas or ellipses', () => {
    expect(splitSentences('成绩为78.8%,顺利通过……继续。')).toEqual(['成绩为78.8%,顺利通过……继续。']);
  });

  it('keeps trailing whitespace with the sentence it follows', () => {
    expect(splitSentences('甲。 乙。')).toEqual(['甲。 ', '乙。']);
  });

  it('returns an unterminated tail and handles empty input', () => {
    expect(splitSentences('没有句号')).toEqual(['没有句号']);
    expect(splitSentences('')).toEqual([]);
  });

  it('is lossless: the parts concatenate to the input', () => {
    const samples = [
      '“目前，全县18个镇区共建试点6处。自2020年以来，共开展服务178636人次。”谈到试点，负责人说。',
      '全县共计管理结核病患者234人，规则服药234人，管理率与规则服药率均达100%；',
      '"双随机"任务完成率、完结率均达100%。推进医疗废物在线监管;完成情况列全省第一!',
      '  前导空格。末尾无标点  ',
    ];
    for (const s of samples) expect(splitSentences(s).join('')).toBe(s);
  });

  it('gives offsets that index the paragraph', () => {
    const p = '甲乙。丙丁；戊';
    for (const span of sentenceSpans(p)) expect(p.slice(span.start, span.end)).toBe(span.text);
  });
});
