import { describe, expect, it } from 'vitest';
import {
  compareDates,
  dateToYear,
  formatDate,
  formatDateText,
  linearAxis,
  niceTicks,
  parseDate,
  valueDomain,
  yearTicks,
} from '../../../src/charts/scales.ts';

describe('value domains', () => {
  it('includes zero and is never empty or NaN', () => {
    expect(valueDomain([3, 7])).toEqual([0, 7]);
    expect(valueDomain([-3, 7])).toEqual([-3, 7]);
    expect(valueDomain([])).toEqual([0, 1]);
    expect(valueDomain([0, 0])).toEqual([0, 1]);
    expect(valueDomain([Number.NaN, 5])).toEqual([0, 5]);
  });
  it('pads a single value when zero is not wanted', () => {
    expect(valueDomain([50], { zero: false })).toEqual([45, 55]);
    expect(valueDomain([40, 60], { zero: false, minMax: 100 })).toEqual([40, 100]);
  });
});

describe('nice axes with Chinese ticks', () => {
  it('rounds the domain to nice numbers', () => {
    const { domain, ticks, labels } = niceTicks([0, 101981]);
    expect(domain).toEqual([0, 120000]);
    expect(ticks).toEqual([0, 20000, 40000, 60000, 80000, 100000, 120000]);
    expect(labels).toEqual(['0', '2万', '4万', '6万', '8万', '10万', '12万']);
  });
  it('labels 亿 axes', () => {
    expect(niceTicks([0, 175000000]).labels).toEqual(['0', '0.5亿', '1亿', '1.5亿', '2亿']);
  });
  it('maps values onto the range with rounded tick positions', () => {
    const axis = linearAxis([7296, 69938], [0, 300]);
    expect(axis.domain[0]).toBe(0);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(69938);
    expect(axis.ticks[0]).toEqual({ value: 0, position: 0, label: '0' });
    const last = axis.ticks[axis.ticks.length - 1];
    expect(last?.position).toBe(300);
    for (const t of axis.ticks) expect(String(t.position)).toMatch(/^\d+(\.\d)?$/);
  });
  it('gives percent ticks with the sign', () => {
    expect(linearAxis([38.5, 68.4], [200, 0], { unit: '%' }).ticks.map((t) => t.label)).toEqual([
      '0%',
      '20%',
      '40%',
      '60%',
      '80%',
    ]);
  });
  it('survives empty and single values', () => {
    expect(linearAxis([], [0, 100]).ticks.length).toBeGreaterThan(0);
    const one = linearAxis([5], [0, 100]);
    expect(one.domain).toEqual([0, 5]);
    expect(one.ticks.every((t) => Number.isFinite(t.position))).toBe(true);
  });
});

describe('dates', () => {
  it('parses the forms metrics use', () => {
    expect(parseDate('2020')).toEqual({ year: 2020 });
    expect(parseDate('2020-03')).toEqual({ year: 2020, month: 3 });
    expect(parseDate('2020-03-12')).toEqual({ year: 2020, month: 3, day: 12 });
    expect(parseDate('2020年3月')).toEqual({ year: 2020, month: 3 });
    expect(parseDate('2017-03/2020-09')).toEqual({ year: 2020, month: 9 });
    expect(parseDate('2020-13')).toEqual({ year: 2020 });
    expect(parseDate('去年')).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
  });
  it('formats and orders them', () => {
    expect(formatDate({ year: 2020, month: 3 })).toBe('2020年3月');
    expect(formatDateText('2017-03/2020-09')).toBe('2017年3月—2020年9月');
    expect(formatDateText('不详')).toBe('不详');
    expect(formatDateText('')).toBe('日期不详');
    expect(compareDates(parseDate('2020-03'), parseDate('2020'))).toBeGreaterThan(0);
    expect(compareDates(undefined, parseDate('2020'))).toBeGreaterThan(0);
    expect(dateToYear({ year: 2020 })).toBe(2020);
    expect(dateToYear({ year: 2020, month: 7 })).toBeGreaterThan(2020.5);
  });
  it('makes integer year ticks', () => {
    expect(yearTicks(2016, 2020)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(yearTicks(2000, 2020, 6)).toEqual([2000, 2005, 2010, 2015, 2020]);
    expect(yearTicks(2020, 2020)).toEqual([2020]);
    expect(yearTicks(Number.NaN, 2020)).toEqual([]);
  });
});
