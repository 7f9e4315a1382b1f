import { normaliseText } from '../../../src/search/shared/query.ts';
import { describe, expect, it } from 'vitest';
import { buildExcerpt, findTerms, tidyPagefindText, type Excerpt } from '../../../src/search/shared/excerpt.ts';

const marked = (excerpt: Excerpt) => excerpt.parts.filter((p) => p.mark).map((p) => p.text);
const plain = (excerpt: Excerpt) => excerpt.parts.map((p) => p.text).join('');

describe('findTerms', () => {
  it('finds normalised terms in raw text and maps them back, full-width and spaced forms included', () => {
    const text = '接种率达９７．４４％，医养 结合';
    expect(findTerms(text, ['97.44%', '医养结合']).map(([s, e]) => text.slice(s, e))).toEqual([
      '９７．４４％',
      '医养 结合',
    ]);
  });

  it('merges overlapping matches', () => {
    expect(findTerms('家庭医生签约服务', ['家庭医生', '医生签约'])).toEqual([[0, 6]]);
  });

  it('maps back across characters outside the BMP', () => {
    const text = '𠀀𠀀医养结合';
    const [range] = findTerms(text, ['医养']);
    expect(text.slice(...range!)).toBe('医养');
  });
});

describe('buildExcerpt', () => {
  const body = `${'甲'.repeat(100)}医养结合${'乙'.repeat(100)}疫苗${'丙'.repeat(10)}`;

  it('shows a window around the match, with the term marked and the cuts flagged', () => {
    const excerpt = buildExcerpt(body, ['医养结合'], 40);
    expect(marked(excerpt)).toEqual(['医养结合']);
    expect(plain(excerpt)).toHaveLength(40);
    expect(plain(excerpt).indexOf('医养结合')).toBe(8);
    expect(excerpt).toMatchObject({ clippedStart: true, clippedEnd: true });
  });

  it('prefers the stretch that holds the most different terms', () => {
    const text = `医养结合${'甲'.repeat(80)}疫苗，医养结合${'乙'.repeat(80)}`;
    expect(marked(buildExcerpt(text, ['医养结合', '疫苗'], 30))).toEqual(['疫苗', '医养结合']);
  });

  it('prefers a sentence to a list of figures and labels holding the same terms', () => {
    const figures =
      '208个 家庭医生签约服务团队 1106人 签约团队人员总数 800万元 医保资金 6.8万人 签约服务常住老年人 70.7% 签约服务率';
    const text = `${figures} 山亭区建立了208个家庭医生签约服务团队，签约服务常住老年人6.8万人。`;
    const shown = buildExcerpt(text, ['家庭医生签约'], 40)
      .parts.map((p) => p.text)
      .join('');
    expect(shown).toContain('山亭区建立了');
    // With no sentence to go to, the list is excerpted all the same.
    expect(buildExcerpt(figures, ['家庭医生签约'], 40).parts.some((p) => p.mark)).toBe(true);
  });

  it('skips the headline when the body has the term, falls back to it when only it does', () => {
    const text = `医养结合的故事 正文里也讲医养结合${'甲'.repeat(50)}`;
    expect(plain(buildExcerpt(text, ['医养结合'], 20, 7))).not.toMatch(/^医养结合的故事/u);
    const onlyTitle = `医养结合的故事 ${'甲'.repeat(50)}`;
    expect(marked(buildExcerpt(onlyTitle, ['医养结合'], 20, 7))).toEqual(['医养结合']);
  });

  it('keeps the window out of the headline once it skips it', () => {
    const text = `一通急救电话背后 医养结合${'甲'.repeat(50)}`;
    expect(plain(buildExcerpt(text, ['医养结合'], 20, 8))).toMatch(/^医养结合/u);
    expect(plain(buildExcerpt(text, [], 20, 8))).toMatch(/^医养结合/u);
  });

  it('starts the text from the beginning when nothing matches', () => {
    const excerpt = buildExcerpt('一二三四五六七八九十', ['医保'], 5);
    expect(excerpt).toEqual({ parts: [{ text: '一二三四五', mark: false }], clippedStart: false, clippedEnd: true });
  });

  it('never cuts a character outside the BMP in half', () => {
    const text = `${'𠀀'.repeat(30)}医养${'𠀀'.repeat(30)}`;
    const excerpt = plain(buildExcerpt(text, ['医养'], 21));
    expect(excerpt).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
  });
});

describe('tidyPagefindText', () => {
  it("turns the '. ' Pagefind ends unpunctuated Chinese blocks with into a block break, leaving real full stops", () => {
    expect(tidyPagefindText('提升健康水平. 奋力谱写新篇章. 记者 都慧芳. Version 1. 2')).toBe(
      '提升健康水平\u2029奋力谱写新篇章\u2029记者\u2029都慧芳\u2029Version 1. 2',
    );
  });

  it('breaks where two captions meet with only a space, drops spaces after Chinese punctuation, collapses runs', () => {
    expect(tidyPagefindText('走访慰问贫困户 巨野县卫生健康局为帮扶村送乐器 县卫健局')).toBe(
      '走访慰问贫困户\u2029巨野县卫生健康局为帮扶村送乐器\u2029县卫健局',
    );
    expect(tidyPagefindText('“称号”；  2020年9月。 被评为  先进')).toBe('“称号”；2020年9月。被评为\u2029先进');
    expect(tidyPagefindText('Version  1 and 2')).toBe('Version 1 and 2');
  });

  it('keeps matching as before: a block break is whitespace to the search', () => {
    expect(normaliseText(tidyPagefindText('标题. 正文'))).toBe(normaliseText('标题 正文'));
  });

  it('keeps a heading apart from the body in an excerpt with a visible "｜", never at its start or end', () => {
    const text = tidyPagefindText('托育：一个市和一个区. 托位数是少有的两地用词几乎相同的指标。千人口托位数. 聊城');
    const excerpt = plain(buildExcerpt(text, ['托位'], 30, '托育：一个市和一个区'.length));
    expect(excerpt).toContain('千人口托位数｜聊城');
    expect(excerpt).not.toMatch(/^｜|｜$|\u2029/u);
  });
});
