import { describe, expect, it } from 'vitest';
import { markFacts } from '../../../src/figures/fact-anchors.ts';

describe('markFacts', () => {
  const html =
    '2020年，巨野县为101981名65岁以上老年人提供了健康管理服务；全县共计管理结核病患者234人，规则服药234人。其他句子。';

  it('wraps the sentence of a figure in an anchor span', () => {
    const out = markFacts(html, [
      { id: 'elderly-101981', quote: '2020年，巨野县为101981名65岁以上老年人提供了健康管理服务；' },
    ]);
    expect(out).toBe(
      '<span class="fact" id="elderly-101981">2020年，巨野县为101981名65岁以上老年人提供了健康管理服务；</span>全县共计管理结核病患者234人，规则服药234人。其他句子。',
    );
  });

  it('gives a second figure of the same sentence its own anchor inside the span', () => {
    const quote = '全县共计管理结核病患者234人，规则服药234人。';
    const out = markFacts(html, [
      { id: 'tb-managed', quote },
      { id: 'tb-treated', quote },
    ]);
    expect(out).toContain(
      `<span class="fact" id="tb-managed"><span class="fact-anchor" id="tb-treated"></span>${quote}</span>`,
    );
  });

  it('escapes text and ids, and leaves a paragraph without the quote unchanged', () => {
    expect(markFacts('A &amp; B 共3人。', [{ id: 'x"y', quote: 'A & B 共3人。' }])).toBe(
      '<span class="fact" id="x&quot;y">A &amp; B 共3人。</span>',
    );
    expect(markFacts('无关段落。', [{ id: 'a', quote: '别的句子。' }])).toBe('无关段落。');
  });

  it('matches inside paragraphs that contain markup', () => {
    expect(markFacts('见<a href="/x">链接</a>。共3人。', [{ id: 'a', quote: '共3人。' }])).toBe(
      '见<a href="/x">链接</a>。<span class="fact" id="a">共3人。</span>',
    );
  });
});
