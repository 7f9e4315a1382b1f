import { describe, expect, it } from 'vitest';
import { dekOf, firstSentence, readingMinutes, readingStats } from '../../../src/site/reading.ts';

describe('reading time', () => {
  it('reads about 400 Chinese characters a minute, rounded up, at least one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(400)).toBe(1);
    expect(readingMinutes(401)).toBe(2);
    expect(readingMinutes(3211)).toBe(9);
  });

  it('counts paragraphs and headings but not captions', () => {
    const body = '## 标题\n\n<Photo caption="图片说明文字" />\n\n正文一段。';
    expect(readingStats(body)).toEqual({ characters: 7, minutes: 1 });
  });
});

describe('dek', () => {
  it('is the subtitle without its leading dash', () => {
    expect(dekOf({ subtitle: '——山亭区卫计事业创新发展纪实', standfirst: [] })).toBe('山亭区卫计事业创新发展纪实');
  });
  it('else the first sentence of the standfirst, without the 编者按 label', () => {
    expect(dekOf({ standfirst: ['编者按一张蓝图绘到底。2023年，聊城市……'] })).toBe('一张蓝图绘到底。');
  });
  it('else the first sentence of the body', () => {
    expect(dekOf({ standfirst: [] }, '正文第一句。第二句。')).toBe('正文第一句。');
    expect(firstSentence('很长'.repeat(50), 10)).toHaveLength(10);
  });
});
