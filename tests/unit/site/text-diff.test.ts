import { describe, expect, it } from 'vitest';
import { textChange } from '../../../src/site/text-diff.ts';

describe('textChange', () => {
  it('isolates a one-character misreading', () => {
    expect(textChange('将医改纳人“一把', '将医改纳入“一把')).toEqual({
      prefix: '将医改纳',
      removed: '人',
      added: '入',
      suffix: '“一把',
    });
  });
  it('handles a dropped line break and a deletion', () => {
    expect(textChange('同推进、¶同考核', '同推进、同考核')).toEqual({
      prefix: '同推进、',
      removed: '¶',
      added: '',
      suffix: '同考核',
    });
    expect(textChange('残行', '')).toEqual({ prefix: '', removed: '残行', added: '', suffix: '' });
  });
  it('never lets prefix and suffix overlap on repeated characters', () => {
    const change = textChange('啊啊', '啊啊啊');
    expect(change.prefix + change.removed + change.suffix).toBe('啊啊');
    expect(change.prefix + change.added + change.suffix).toBe('啊啊啊');
  });
});
