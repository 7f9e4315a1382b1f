import { describe, expect, it } from 'vitest';
import { joinParagraphs, type Block } from '../../../src/ingest/join.ts';

const p = (text: string, line = 1): Block => ({ type: 'paragraph', text, line });
const h = (text: string, line = 1): Block => ({ type: 'heading', text, line });
const c = (text: string, line = 1): Block => ({ type: 'caption', text, line });
const texts = (blocks: Block[]) => blocks.map((b) => `${b.type[0]}:${b.text}`);

describe('joinParagraphs', () => {
  it('joins a paragraph broken mid-sentence, across captions, which follow it', () => {
    const { blocks, corrections } = joinParagraphs([
      p('落实“区备案”的村级卫计专干队', 35),
      c('区人民医院效果图', 39),
      c('乡村医生集中培训', 47),
      p('伍管理机制，推进一体化。', 57),
    ]);
    expect(texts(blocks)).toEqual([
      'p:落实“区备案”的村级卫计专干队伍管理机制，推进一体化。',
      'c:区人民医院效果图',
      'c:乡村医生集中培训',
    ]);
    expect(corrections).toEqual([expect.objectContaining({ kind: 'join', line: 57 })]);
  });

  it('leaves complete paragraphs alone', () => {
    const input = [p('第一段。'), p('第二段！”'), p('列表项；'), p('……')];
    expect(joinParagraphs(input)).toEqual({ blocks: input, corrections: [] });
  });

  it('puts back a displaced lead paragraph when the next paragraph carries the sentence on', () => {
    const { blocks, corrections } = joinParagraphs([
      h('铭刻忠诚烙印'),
      p('第一节正文。'),
      h('着力开拓进取'),
      p('积极深化山东', 19),
      p('2024年，在区委的领导下，谱写新篇章。', 21),
      c('启动仪式在济阳区举办。', 25),
      p('省肿瘤医院规范化诊疗基地建设，建强专科。', 27),
    ]);
    expect(texts(blocks)).toEqual([
      'p:2024年，在区委的领导下，谱写新篇章。',
      'h:铭刻忠诚烙印',
      'p:第一节正文。',
      'h:着力开拓进取',
      'p:积极深化山东省肿瘤医院规范化诊疗基地建设，建强专科。',
      'c:启动仪式在济阳区举办。',
    ]);
    expect(corrections.map((x) => x.kind)).toEqual(['join', 'reorder']);
  });

  it('with a lead already there, a displaced paragraph follows the rejoined one', () => {
    const { blocks } = joinParagraphs([
      p('导语。'),
      h('一'),
      p('积极深化山东'),
      p('2024年，另起一段。'),
      p('省肿瘤医院建设。'),
    ]);
    expect(texts(blocks)).toEqual(['p:导语。', 'h:一', 'p:积极深化山东省肿瘤医院建设。', 'p:2024年，另起一段。']);
  });

  it('records gaps it cannot join, at the end of a section and at a headless start', () => {
    const { blocks, corrections } = joinParagraphs([
      h('一', 1),
      p('院、社区卫生服务中心氛围浓厚。', 43),
      p('高度重视免疫规划工', 45),
      h('二', 47),
    ]);
    expect(blocks).toHaveLength(4);
    expect(corrections.map((x) => [x.kind, x.line])).toEqual([
      ['gap', 43],
      ['gap', 45],
    ]);
  });
});
