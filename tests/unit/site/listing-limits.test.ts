import { describe, expect, it } from 'vitest';
import { spreadSample } from '../../../src/site/listing-limits.ts';

describe('spreadSample', () => {
  it('keeps a short list whole', () => {
    expect(spreadSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  it('spreads a long list evenly, keeping the first and last, in order', () => {
    const items = Array.from({ length: 101 }, (_, i) => i);
    expect(spreadSample(items, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(spreadSample(items, 1)).toEqual([0]);
    expect(spreadSample(items, 0)).toEqual([]);
  });
});
