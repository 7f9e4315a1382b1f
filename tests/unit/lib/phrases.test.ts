import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START, splitPhrases } from '../../../src/lib/phrases.ts';

const TITLES = [
  '提升健康水平 增进民生福祉',
  '2018—2024：报道里的荣誉、会议与项目',
  '医养结合，打通服务“最后一公里”。',
  '从急救站、急救电话，到应急队伍和献血者——跟着聊城市卫生健康报道中的一段文字',
  '98.5%的群众满意',
];

describe('splitPhrases', () => {
  it.each(TITLES)('gives the text back unchanged: %s', (title) => {
    expect(splitPhrases(title).join('')).toBe(title);
  });
  it('keeps the space between a headline’s halves as a piece of its own', () => {
    expect(splitPhrases('提升健康水平 增进民生福祉')).toContain(' ');
  });
  it('never cuts a number or a place name of the taxonomy', () => {
    const pieces = splitPhrases('2018—2024：跟着聊城市报道，98.5%');
    expect(pieces.some((p) => p.includes('2024'))).toBe(true);
    expect(pieces.some((p) => p.includes('聊城市'))).toBe(true);
    expect(pieces.some((p) => p.includes('98.5%'))).toBe(true);
  });
  it('cuts words only where asked to keep them whole', () => {
    expect(splitPhrases('卫生健康', ['卫生健康'])).toEqual(['卫生健康']);
  });
  it('never starts a phrase with a closing mark nor ends one with an opening mark', () => {
    for (const title of TITLES) {
      for (const piece of splitPhrases(title)) {
        expect(piece, title).not.toMatch(new RegExp(`^${NO_LINE_START.source}`, 'u'));
        expect(piece, title).not.toMatch(new RegExp(`${NO_LINE_END.source}$`, 'u'));
      }
    }
  });
  it('leaves no one-character phrase where the model cut a word apart (年|龄线)', () => {
    expect(splitPhrases('同是“老年人”，年龄线和')).not.toContain('年');
  });
});
