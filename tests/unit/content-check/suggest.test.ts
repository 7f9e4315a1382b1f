import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../../src/content-check/suggest.ts';

const regions = [
  { value: '巨野县', aliases: ['巨野'] },
  { value: '郓城县', aliases: ['郓城'] },
  { value: '莒县', aliases: [] },
];

describe('suggest', () => {
  it('counts a Chinese character as one edit', () => {
    expect(editDistance('巨野市', '巨野县')).toBe(1);
    expect(editDistance('elderly', 'elderly-care')).toBe(5);
  });

  it('prefers an alias, then a prefix, then the nearest by edit distance', () => {
    expect(suggest('巨野', regions)).toEqual(['巨野县']);
    expect(suggest('郓', regions)).toEqual(['郓城县']);
    expect(suggest('巨野市', regions)).toEqual(['巨野县']);
    expect(suggest('ELDERLY', [{ value: 'elderly-care' }])).toEqual(['elderly-care']);
  });

  it('makes no wild guesses', () => {
    expect(suggest('青岛市', regions)).toEqual([]);
    expect(didYouMean([], 'add it to content/taxonomy.yaml')).toBe('add it to content/taxonomy.yaml');
    expect(didYouMean(['a', 'b', 'c'], '')).toBe('did you mean a, b or c?');
  });
});
