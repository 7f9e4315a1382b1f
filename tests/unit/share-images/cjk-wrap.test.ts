import { describe, expect, it } from 'vitest';
import { breakUnits, wrapHeadline } from '../../../src/share-images/cjk-wrap.ts';

/** Full-width characters 1 wide, ASCII half, like a CJK font. */
const measure = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

describe('breakUnits', () => {
  it('keeps closing marks with the character before and opening marks with the one after', () => {
    expect(breakUnits('打通“最后一公里”。')).toEqual(['打', '通', '“最', '后', '一', '公', '里”。']);
  });
  it('keeps numbers whole', () => {
    expect(breakUnits('2020年98.5%')).toEqual(['2020', '年', '98.5%']);
  });
});

describe('wrapHeadline', () => {
  it('breaks a two-part headline at its space', () => {
    expect(wrapHeadline('提升健康水平 增进民生福祉', 10, measure)).toEqual(['提升健康水平', '增进民生福祉']);
  });
  it('keeps one line when it fits', () => {
    expect(wrapHeadline('提升健康水平 增进民生福祉', 20, measure)).toEqual(['提升健康水平 增进民生福祉']);
  });
  it('balances lines instead of leaving one character alone', () => {
    const lines = wrapHeadline('一切为了守护人民群众的生命健康', 14, measure);
    expect(lines).toHaveLength(2);
    expect(Math.abs(measure(lines[0]!) - measure(lines[1]!))).toBeLessThanOrEqual(1);
  });
  it('never starts a line with closing punctuation', () => {
    for (let width = 3; width < 12; width++) {
      for (const line of wrapHeadline('医养结合，打通服务“最后一公里”。', width, measure))
        expect(line).not.toMatch(/^[，。”]/u);
    }
  });
});

describe('wrapHeadline breaks where the pages do', () => {
  it('breaks only between the phrases of src/lib/phrases.ts', async () => {
    const { splitPhrases } = await import('../../../src/lib/phrases.ts');
    const title = '夯实基本公共卫生服务 提升百姓就医获得感';
    const joints = new Set<number>();
    let offset = 0;
    for (const piece of splitPhrases(title)) joints.add((offset += piece.length));
    for (let width = 6; width < 20; width++) {
      let at = 0;
      for (const line of wrapHeadline(title, width, measure).slice(0, -1)) {
        at = title.indexOf(line, at) + line.length;
        expect(joints.has(at) || title[at] === ' ', `${width}: ${line}`).toBe(true);
      }
    }
  });
});
