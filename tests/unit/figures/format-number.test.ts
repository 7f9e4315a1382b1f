import { describe, expect, it } from 'vitest';
import {
  compact,
  formatExact,
  formatNumber,
  formatTicks,
  qualifierText,
  tickFormatter,
} from '../../../src/figures/format-number.ts';

describe('formatNumber (compact)', () => {
  it.each([
    [101981, '人', '10.2万人'],
    [175000000, '元', '1.75亿元'],
    [98.5, '%', '98.5%'],
    [4, '‰', '4‰'],
    [7296, '人', '7296人'],
    [2753000, '元', '275万元'],
    [5590000, '元', '559万元'],
    [109.64, '%', '109.64%'],
    [10000, '人', '1万人'],
    [12345678, '元', '1235万元'],
    [123456789012, '元', '1235亿元'],
    [3.14159, '', '3.14'],
    [0.5, '', '0.5'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatNumber(value, unit)).toBe(expected);
  });

  it('prints hedges where Chinese puts them', () => {
    expect(formatNumber(5590000, '元', { qualifier: 'over' })).toBe('559万余元');
    expect(formatNumber(300, '人', { qualifier: 'over' })).toBe('300余人');
    expect(formatNumber(3000, '人', { qualifier: 'about' })).toBe('约3000人');
    expect(formatNumber(400000, '人次', { qualifier: 'nearly' })).toBe('近40万人次');
    expect(formatNumber(10, '人', { qualifier: 'under' })).toBe('不足10人');
    // 余 never goes inside a percentage: 超50%.
    expect(formatNumber(50, '%', { qualifier: 'over' })).toBe('超50%');
  });

  it('handles zero, negatives and tiny decimals without exponent or -0', () => {
    expect(formatNumber(0, '人')).toBe('0人');
    expect(formatNumber(-0, '')).toBe('0');
    expect(formatNumber(-101981, '人')).toBe('-10.2万人');
    expect(formatNumber(-2.5, '%')).toBe('-2.5%');
    expect(formatNumber(0.000123, '')).toBe('0.000123');
    expect(formatNumber(0.0000001, '')).toBe('0.0000001');
    expect(formatNumber(-0.0001, '')).toBe('-0.0001');
    expect(formatNumber(1e-30, '')).not.toMatch(/e/);
  });

  it('never prints trailing zeros', () => {
    expect(formatNumber(100000, '人')).toBe('10万人');
    expect(formatNumber(120000, '人')).toBe('12万人');
    expect(formatNumber(1.5, '')).toBe('1.5');
    expect(formatNumber(2.0, '')).toBe('2');
  });

  it('moves up a magnitude when rounding reaches it', () => {
    expect(formatNumber(99999999, '元')).toBe('1亿元');
    expect(formatNumber(9999.996, '')).toBe('1万');
  });

  it('never scales ratios or units that already carry 万/亿', () => {
    expect(formatNumber(12000, '%')).toBe('12000%');
    expect(formatNumber(3680.12, '万元')).toBe('3680.12万元');
  });

  it('prints a dash, not NaN, for non-finite input', () => {
    expect(formatNumber(Number.NaN, '人')).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('splits into number and magnitude', () => {
    expect(compact(101981)).toEqual({ number: '10.2', magnitude: '万' });
    expect(compact(175000000)).toEqual({ number: '1.75', magnitude: '亿' });
    expect(compact(101981, { significant: 4 })).toEqual({ number: '10.2', magnitude: '万' });
    expect(compact(123456, { significant: 4 })).toEqual({ number: '12.35', magnitude: '万' });
  });
});

describe('formatExact', () => {
  it('prints every digit, grouped by thousands with commas', () => {
    expect(formatExact(101981, '人')).toBe('101,981人');
    expect(formatExact(175000000, '元')).toBe('175,000,000元');
    expect(formatExact(3680.12, '万元')).toBe('3,680.12万元');
    expect(formatExact(-1234.5, '')).toBe('-1,234.5');
    expect(formatExact(0, '人')).toBe('0人');
    expect(formatExact(98.5, '%')).toBe('98.5%');
  });
  it('keeps the hedge', () => {
    expect(formatExact(5590000, '元', { qualifier: 'over' })).toBe('5,590,000余元');
    expect(formatExact(3000, '人', { qualifier: 'about' })).toBe('约3,000人');
    expect(formatExact(50, '%', { qualifier: 'over' })).toBe('超50%');
  });
  it('prints a dash for non-finite input', () => {
    expect(formatExact(Number.NaN)).toBe('—');
  });
  it('names hedges in words', () => {
    expect(qualifierText('about')).toBe('约');
    expect(qualifierText('over')).toBe('余');
    expect(qualifierText(undefined)).toBe('');
  });
});

describe('axis ticks in Chinese', () => {
  it('uses one magnitude for the whole axis', () => {
    expect(formatTicks([0, 50000, 100000, 150000])).toEqual(['0', '5万', '10万', '15万']);
    expect(formatTicks([0, 50000000, 100000000, 150000000])).toEqual(['0', '0.5亿', '1亿', '1.5亿']);
    expect(formatTicks([0, 1e9, 2e9])).toEqual(['0', '10亿', '20亿']);
  });
  it('keeps small values plain and decimals consistent with the step', () => {
    expect(formatTicks([0, 2500, 5000, 7500])).toEqual(['0', '2500', '5000', '7500']);
    expect(formatTicks([0, 25000, 50000])).toEqual(['0', '2.5万', '5万']);
    expect(formatTicks([0, 0.2, 0.4, 0.6])).toEqual(['0', '0.2', '0.4', '0.6']);
    expect(formatTicks([-20000, 0, 20000])).toEqual(['-2万', '0', '2万']);
  });
  it('appends % and ‰ to ratio ticks', () => {
    expect(formatTicks([0, 25, 50, 75, 100], '%')).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(formatTicks([0, 2, 4], '‰')).toEqual(['0‰', '2‰', '4‰']);
  });
  it('handles one tick and no ticks', () => {
    expect(formatTicks([5000])).toEqual(['5000']);
    expect(formatTicks([])).toEqual([]);
    expect(tickFormatter([])(Number.NaN)).toBe('—');
  });
});
